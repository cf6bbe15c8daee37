namespace Statistics.Api.Features.Inclusions;

public enum InclusionStatus { Submitted, Approved, Rejected }

/// <summary>What may stand in for the 立项文件 (approval/filing document), with an explanation why.</summary>
public enum SubstituteDocument { ConstructionPermit, Design, FeasibilityStudy }

/// <summary>
/// An application to include a started project in the statistics (入库纳统), with its materials, and the
/// statistics bureau's decision. At most one is approved per project (不重不漏).
/// </summary>
public sealed class Inclusion : IAudited, ITownshipScoped
{
    public Guid Id { get; init; }
    public Guid ProjectId { get; init; }
    public string RegionCode { get; init; } = "";
    public string? Township { get; init; }
    public string ProjectName { get; init; } = "";
    public InclusionStatus Status { get; private set; }

    // Materials (申报材料): references to the documents the applicant holds.
    public string MainConstructionContent { get; init; } = "";
    public string ConstructionContract { get; init; } = "";
    public List<string> SitePhotos { get; init; } = [];
    public string? ApprovalDocument { get; init; }
    public SubstituteDocument? SubstituteKind { get; init; }
    public string? SubstituteReference { get; init; }
    public string? SubstituteExplanation { get; init; }
    public string? Note { get; init; }

    public string Applicant { get; init; } = "";
    public DateTimeOffset SubmittedAt { get; init; }
    public string? StatisticsCode { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    public string? RejectionReason { get; private set; }
    public long Version { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public string ETag => $"\"{Version}\"";

    public static Inclusion Submit(InclusionApplication application, ProjectSnapshotForInclusion project, string applicant, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        ProjectId = project.Id,
        RegionCode = project.RegionCode,
        Township = project.Township,
        ProjectName = project.Name,
        Status = InclusionStatus.Submitted,
        MainConstructionContent = application.MainConstructionContent!.Trim(),
        ConstructionContract = application.ConstructionContract!.Trim(),
        SitePhotos = application.SitePhotos!.Select(p => p.Trim()).ToList(),
        ApprovalDocument = Blank(application.ApprovalDocument),
        SubstituteKind = application.Substitute?.Kind,
        SubstituteReference = Blank(application.Substitute?.Reference),
        SubstituteExplanation = Blank(application.Substitute?.Explanation),
        Note = Blank(application.Note),
        Applicant = applicant,
        SubmittedAt = now,
        UpdatedAt = now,
        Version = 1,
    };

    /// <summary>Only a submitted application is decided, once.</summary>
    public bool CanBeDecided => Status == InclusionStatus.Submitted;

    public void Approve(string statisticsCode, string decidedBy, DateTimeOffset now, DateOnly today)
    {
        if (!CanBeDecided) throw new InvalidOperationException($"An inclusion in status {Status} cannot be approved.");
        Status = InclusionStatus.Approved;
        StatisticsCode = statisticsCode.Trim();
        Decide(decidedBy, now, today);
    }

    public void Reject(string reason, string decidedBy, DateTimeOffset now, DateOnly today)
    {
        if (!CanBeDecided) throw new InvalidOperationException($"An inclusion in status {Status} cannot be rejected.");
        Status = InclusionStatus.Rejected;
        RejectionReason = reason.Trim();
        Decide(decidedBy, now, today);
    }

    void Decide(string decidedBy, DateTimeOffset now, DateOnly today)
    {
        DecidedBy = decidedBy;
        DecidedAt = now;
        DecidedOn = today;
        UpdatedAt = now;
        Version++;
    }

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The project facts an application copies (from the local view).</summary>
public sealed record ProjectSnapshotForInclusion(Guid Id, string Name, string RegionCode, string? Township);
