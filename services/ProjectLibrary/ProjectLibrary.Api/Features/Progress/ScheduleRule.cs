namespace ProjectLibrary.Api.Features.Progress;

/// <summary>序时进度 status: above, exactly at or below the time-proportional share of the annual plan.</summary>
public enum ScheduleStatus { Ahead, OnTrack, Behind }

/// <summary>How far behind: yellow beyond <see cref="ScheduleOptions.YellowPoints"/>, red beyond <see cref="ScheduleOptions.RedPoints"/>.</summary>
public enum WarningLevel { None, Yellow, Red }

/// <summary>Warning thresholds in percentage points of the annual plan (appsettings Schedule:YellowPoints / RedPoints).</summary>
public sealed class ScheduleOptions
{
    public decimal YellowPoints { get; set; } = 10m;
    public decimal RedPoints { get; set; } = 20m;
}

public sealed record ScheduleAssessment(int Month, decimal ExpectedToDate, decimal YearToDate, decimal GapPoints,
    ScheduleStatus Status, WarningLevel WarningLevel);

/// <summary>
/// 序时进度: by the end of month m a project is expected to have done m/12 of its annual plan. The comparison
/// is done on whole amounts (ytd × 12 against plan × m) so it agrees exactly with the SQL used for lists.
/// </summary>
public static class ScheduleRule
{
    public static decimal ExpectedToDate(decimal annualPlan, int month) => decimal.Round(annualPlan * month / 12m, 2);

    public static ScheduleAssessment Assess(decimal annualPlan, decimal yearToDate, int month, ScheduleOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(month);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        var due = annualPlan * month;
        var done = yearToDate * 12m;
        var status = done < due ? ScheduleStatus.Behind : done > due ? ScheduleStatus.Ahead : ScheduleStatus.OnTrack;
        // Percentage points of the annual plan by which the project trails the expected share (negative when ahead).
        var gap = annualPlan == 0 ? 0m : decimal.Round((due - done) * 100m / (12m * annualPlan), 2);
        var warning = status != ScheduleStatus.Behind ? WarningLevel.None
            : gap > options.RedPoints ? WarningLevel.Red
            : gap > options.YellowPoints ? WarningLevel.Yellow
            : WarningLevel.None;
        return new ScheduleAssessment(month, ExpectedToDate(annualPlan, month), yearToDate, gap, status, warning);
    }
}
