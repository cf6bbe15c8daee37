namespace ProjectLibrary.Api.Features.Progress;

/// <summary>One month's 调度数 for a project (万元). A resubmission corrects it; the audit log keeps the before.</summary>
public sealed class MonthlyProgress : IAudited
{
    public Guid ProjectId { get; init; }
    public int Year { get; init; }
    public int Month { get; init; }
    public string RegionCode { get; init; } = "";
    public decimal CompletedInvestment { get; private set; }
    public string? Note { get; private set; }
    public string ReportedBy { get; private set; } = "";
    public DateTimeOffset ReportedAt { get; private set; }
    public long Version { get; private set; }

    public Period Period => Period.OfMonth(Year, Month);

    public static MonthlyProgress Report(Guid projectId, string regionCode, Period period, decimal amount, string? note, string by, DateTimeOffset now)
    {
        var progress = new MonthlyProgress { ProjectId = projectId, RegionCode = regionCode, Year = period.Year, Month = period.Month };
        progress.Correct(amount, note, by, now);
        return progress;
    }

    public void Correct(decimal amount, string? note, string by, DateTimeOffset now)
    {
        CompletedInvestment = amount;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ReportedBy = by;
        ReportedAt = now;
        Version++;
    }
}

/// <summary>A month of a region the office has reviewed: its figures are read-only until unlocked.</summary>
public sealed class ProgressLock : IAudited
{
    public string RegionCode { get; init; } = "";
    public int Year { get; init; }
    public int Month { get; init; }
    public string LockedBy { get; init; } = "";
    public DateTimeOffset LockedAt { get; init; }
}
