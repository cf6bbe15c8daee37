using Platform.Contracts.ProjectLibrary;

namespace Attraction.Api.Features.Deals;

/// <summary>An investor of a deal: an enterprise of the library, or just a name.</summary>
public sealed record DealInvestor(Guid? EnterpriseId, string Name);

/// <summary>A signed investment deal (签约项目), its link to the project library and whether the project started.</summary>
public sealed class Deal : IAudited, IRegional
{
    public Guid Id { get; init; }
    public string RegionCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public List<DealInvestor> Investors { get; private set; } = [];
    /// <summary>Agreed investment in 万元.</summary>
    public decimal Amount { get; private set; }
    public DateOnly SignedOn { get; private set; }
    public string? Industry { get; private set; }
    public DateOnly? PlannedStartOn { get; private set; }
    public Guid? LeadId { get; private set; }
    /// <summary>The project in the project library this deal became (set once, by conversion).</summary>
    public Guid? ProjectId { get; private set; }
    public DateTimeOffset? ConvertedAt { get; private set; }
    /// <summary>The project's actual start, from ProjectStarted.</summary>
    public DateOnly? StartedOn { get; private set; }
    /// <summary>The project's total investment when it started: the 新开工 planned total investment.</summary>
    public decimal? ProjectTotalInvestment { get; private set; }
    /// <summary>The project's version last applied from its events, so older or repeated events change nothing.</summary>
    public long? ProjectVersion { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public long Version { get; private set; }

    public string ETag => $"\"{Version}\"";

    /// <summary>
    /// The idempotency key of the conversion, sent as the project's local number: the project library keeps
    /// (region, local number) unique, so a retried conversion can never register a second project.
    /// </summary>
    public string ConversionKey => $"ZS-{Id:N}";

    public static Deal Sign(string regionCode, DealInput input, IReadOnlyList<DealInvestor> investors, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        RegionCode = regionCode,
        Name = input.Name!.Trim(),
        Investors = investors.ToList(),
        Amount = input.Amount!.Value,
        SignedOn = input.SignedOn!.Value,
        Industry = AttractionAccess.Blank(input.Industry),
        PlannedStartOn = input.PlannedStartOn,
        LeadId = input.LeadId,
        CreatedAt = now,
        UpdatedAt = now,
        Version = 1,
    };

    public Refusal? ConvertedInto(Guid projectId, DateTimeOffset now)
    {
        if (ProjectId is not null) return new("already_converted", $"The deal was already converted into project {ProjectId}.");
        ProjectId = projectId;
        ConvertedAt = now;
        Touch(now);
        return null;
    }

    /// <summary>Applies the project's start unless the event is older than what was applied. True when it changed the deal.</summary>
    public bool ApplyStart(ProjectStarted started, DateTimeOffset now)
    {
        if (started.ProjectId != ProjectId || !Platform.Messaging.EventVersion.IsNewer(started.Version, ProjectVersion)) return false;
        StartedOn = started.ActualStartDate;
        ProjectTotalInvestment = started.TotalInvestment;
        ProjectVersion = started.Version;
        Touch(now);
        return true;
    }

    /// <summary>同年开工: the project started in the year the deal was signed.</summary>
    public bool StartedInSigningYear => StartedOn is { } started && started.Year == SignedOn.Year;

    void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
