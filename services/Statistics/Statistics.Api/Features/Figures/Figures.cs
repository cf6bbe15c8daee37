namespace Statistics.Api.Features.Figures;

/// <summary>统计数: the statistics bureau's official completed investment of an included project for a month, in 万元.</summary>
public sealed class OfficialFigure : IAudited, ITownshipScoped
{
    public Guid Id { get; init; }
    public Guid ProjectId { get; init; }
    public string RegionCode { get; init; } = "";
    public string? Township { get; init; }
    /// <summary>Month, "2025-03".</summary>
    public string Period { get; init; } = "";
    public decimal CompletedInvestment { get; private set; }
    /// <summary>manual or import.</summary>
    public string Source { get; private set; } = "";
    public string EnteredBy { get; private set; } = "";
    public long Version { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static OfficialFigure Create(Guid projectId, string regionCode, string? township, string period) =>
        new() { Id = Guid.CreateVersion7(), ProjectId = projectId, RegionCode = regionCode, Township = township, Period = period };

    /// <summary>Sets the figure; returns false when nothing changed (no new version, no event).</summary>
    public bool Set(decimal completedInvestment, string source, string enteredBy, DateTimeOffset now)
    {
        if (Version > 0 && CompletedInvestment == completedInvestment) return false;
        CompletedInvestment = completedInvestment;
        Source = source;
        EnteredBy = enteredBy;
        UpdatedAt = now;
        Version++;
        return true;
    }
}

/// <summary>调度数: the project office's own monthly figure, copied from ProgressReported.</summary>
public sealed class ScheduledFigure : IAudited
{
    public Guid ProjectId { get; init; }
    public string Period { get; init; } = "";
    public string RegionCode { get; init; } = "";
    public decimal CompletedInvestment { get; private set; }
    public decimal YearToDateInvestment { get; private set; }
    public long Version { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Apply(decimal completed, decimal yearToDate, long version, DateTimeOffset at)
    {
        CompletedInvestment = completed;
        YearToDateInvestment = yearToDate;
        Version = version;
        UpdatedAt = at;
    }
}
