using Platform.Messaging;

namespace ProjectLibrary.Api.Features.Projects;

/// <summary>What a transition did, so the endpoint knows which events to publish.</summary>
public sealed record StageChange(ProjectStage From, ProjectStage To, DateOnly Date, bool Started);

/// <summary>谋划 → 储备 → 前期 → 在建 → 竣工 → 投产达效, 暂停 and back, 终止.</summary>
public sealed partial class Project
{
    /// <summary>The forward path; suspension and termination are handled separately below.</summary>
    static readonly IReadOnlyDictionary<ProjectStage, ProjectStage> Next = new Dictionary<ProjectStage, ProjectStage>
    {
        [ProjectStage.Conceived] = ProjectStage.Reserve,
        [ProjectStage.Reserve] = ProjectStage.Preparation,
        [ProjectStage.Preparation] = ProjectStage.UnderConstruction,
        [ProjectStage.UnderConstruction] = ProjectStage.Completed,
        [ProjectStage.Completed] = ProjectStage.Operating,
    };

    static readonly ProjectStage[] Suspendable = [ProjectStage.Preparation, ProjectStage.UnderConstruction];

    public bool IsFinal => Stage is ProjectStage.Operating or ProjectStage.Terminated;

    public bool CanMoveTo(ProjectStage target) => Stage switch
    {
        _ when IsFinal => false,
        _ when target == ProjectStage.Terminated => true,
        ProjectStage.Suspended => target == StageBeforeSuspension,
        _ when target == ProjectStage.Suspended => Suspendable.Contains(Stage),
        _ => Next.TryGetValue(Stage, out var next) && next == target,
    };

    /// <summary>
    /// Moves the project to <paramref name="target"/> on <paramref name="date"/> (a business date, not after
    /// <paramref name="today"/> and not before the previous transition). Returns the refusal, or null when done.
    /// </summary>
    public Refusal? TransitionTo(ProjectStage target, DateOnly date, DateOnly today, DateTimeOffset now, out StageChange? change)
    {
        change = null;
        if (!CanMoveTo(target))
            return Refusal.Conflict("illegal_transition", $"A project cannot move from {QueryEnum.Name(Stage)} to {QueryEnum.Name(target)}.");
        if (date > today)
            return Refusal.Rule("date_in_future", $"The transition date {date:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}).");
        if (StageChangedOn is { } previous && date < previous)
            return Refusal.Rule("date_before_previous_transition", $"The transition date {date:yyyy-MM-dd} is before the previous one ({previous:yyyy-MM-dd}).");

        var from = Stage;
        // Resuming construction after a suspension is not a second start: the first actual start stands.
        var started = target == ProjectStage.UnderConstruction && ActualStartDate is null;
        if (started) ActualStartDate = date;
        if (target == ProjectStage.Completed) ActualFinishDate = date;
        StageBeforeSuspension = target == ProjectStage.Suspended ? from : null;
        Stage = target;
        StageChangedOn = date;
        Touch(now);
        change = new StageChange(from, target, date, started);
        return null;
    }

    /// <summary>新开工 when construction started in the reporting year, 续建 when before it; null when not started.</summary>
    public StartKind? StartKindIn(int reportingYear) => StartKindOf(ActualStartDate, reportingYear);

    public static StartKind? StartKindOf(DateOnly? actualStart, int reportingYear) => actualStart switch
    {
        null => null,
        { } d when d.Year == reportingYear => StartKind.NewStart,
        { } d when d.Year < reportingYear => StartKind.Continuing,
        _ => null, // started after the reporting year: not yet a project of that year's construction
    };

    /// <summary>手续完备, from the approvals service. False when the event is older than what was applied.</summary>
    public bool MarkReadyToStart(long approvalsVersion, DateTimeOffset now)
    {
        if (!EventVersion.IsNewer(approvalsVersion, ApprovalsVersion)) return false;
        ApprovalsVersion = approvalsVersion;
        ReadyToStart = true;
        Touch(now);
        return true;
    }

    /// <summary>入库纳统, from the statistics bureau, with the statistics code when it gave one.</summary>
    public bool MarkIncludedInStatistics(long inclusionVersion, string? statisticsCode, DateTimeOffset now)
    {
        if (!EventVersion.IsNewer(inclusionVersion, InclusionVersion)) return false;
        InclusionVersion = inclusionVersion;
        IsIncludedInStatistics = true;
        if (!string.IsNullOrWhiteSpace(statisticsCode)) StatisticsCode = statisticsCode.Trim();
        Touch(now);
        return true;
    }

    /// <summary>The project came from a signed deal (招商引资 conversion).</summary>
    public bool LinkDeal(Guid dealId, long dealVersion, DateTimeOffset now)
    {
        if (!EventVersion.IsNewer(dealVersion, DealVersion)) return false;
        DealVersion = dealVersion;
        SourceDealId = dealId;
        Touch(now);
        return true;
    }

    /// <summary>Keeps the plan year's 调度数 total current; <paramref name="monthsOfPlanYear"/> are (month, amount).</summary>
    public void RecalculateYearToDate(IEnumerable<(int Month, decimal Amount)> monthsOfPlanYear)
    {
        var months = monthsOfPlanYear.ToList();
        YearToDateInvestment = months.Sum(m => m.Amount);
        ReportedThroughMonth = months.Count == 0 ? 0 : months.Max(m => m.Month);
    }
}
