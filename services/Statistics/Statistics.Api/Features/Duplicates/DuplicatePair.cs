using Statistics.Api.Features.Projects;

namespace Statistics.Api.Features.Duplicates;

public enum DuplicateStatus { Candidate, Confirmed, Dismissed }

public enum DuplicateReason { SameNationalCode, SimilarName }

/// <summary>
/// Two projects that are likely one (不重不漏), found by the same national project code or by very similar
/// names in one region, for a person to confirm or dismiss. The pair is stored once, the smaller id first.
/// </summary>
public sealed class DuplicatePair : IAudited
{
    public Guid Id { get; init; }
    public Guid ProjectId { get; init; }
    public Guid OtherProjectId { get; init; }
    public string RegionCode { get; init; } = "";
    public string? Township { get; init; }
    public string OtherRegionCode { get; init; } = "";
    public string? OtherTownship { get; init; }
    public DuplicateReason Reason { get; private set; }
    /// <summary>0–1: 1 for the same national code, else the pg_trgm similarity of the normalised names.</summary>
    public decimal Score { get; private set; }
    public DuplicateStatus Status { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? Note { get; private set; }
    public DateTimeOffset DetectedAt { get; init; }
    public long Version { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static DuplicatePair Detect(ProjectView a, ProjectView b, DuplicateReason reason, decimal score, DateTimeOffset now)
    {
        var (first, second) = a.Id.CompareTo(b.Id) < 0 ? (a, b) : (b, a);
        return new DuplicatePair
        {
            Id = Guid.CreateVersion7(), ProjectId = first.Id, OtherProjectId = second.Id,
            RegionCode = first.RegionCode, Township = first.Township, OtherRegionCode = second.RegionCode, OtherTownship = second.Township,
            Reason = reason, Score = score, Status = DuplicateStatus.Candidate, DetectedAt = now, UpdatedAt = now, Version = 1,
        };
    }

    public bool Involves(Guid projectId) => ProjectId == projectId || OtherProjectId == projectId;

    public Guid Partner(Guid projectId) => ProjectId == projectId ? OtherProjectId : ProjectId;

    /// <summary>Only an undecided pair follows the names; a person's decision stands.</summary>
    public void Rescore(DuplicateReason reason, decimal score, DateTimeOffset now)
    {
        if (Status != DuplicateStatus.Candidate || (Reason == reason && Score == score)) return;
        Reason = reason;
        Score = score;
        UpdatedAt = now;
        Version++;
    }

    public bool CanBeDecided => Status == DuplicateStatus.Candidate;

    public void Confirm(string by, string? note, DateTimeOffset now) => Decide(DuplicateStatus.Confirmed, by, note, now);

    public void Dismiss(string by, string? note, DateTimeOffset now) => Decide(DuplicateStatus.Dismissed, by, note, now);

    void Decide(DuplicateStatus status, string by, string? note, DateTimeOffset now)
    {
        if (!CanBeDecided) throw new InvalidOperationException($"The pair is already {Status}.");
        Status = status;
        DecidedBy = by;
        DecidedAt = now;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        UpdatedAt = now;
        Version++;
    }
}
