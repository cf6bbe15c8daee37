using ProjectLibrary.Api.Features.Progress;

namespace ProjectLibrary.Api.Features.Projects;

/// <summary>
/// The filters of GET /api/projects, bound from the query string. <c>year</c> is the plan year and the reporting
/// year for 新开工/续建; <c>asOf=2025-06</c> measures 序时进度 at the end of that month instead of the latest report.
/// <c>format=xlsx</c> answers the whole filtered list (not a page) as a printable workbook.
/// </summary>
public sealed record ProjectFilter(
    string? RegionCode, string? Township, string? Stage, string? Category, string? KeyLevel,
    string? Leader, bool? IsPrivateInvestment, bool? IsIndustrial, bool? IsHighTech, bool? ReadyToStart,
    bool? IsIncludedInStatistics, int? Year, string? StartKind, bool? BehindSchedule, string? WarningLevel,
    string? AsOf, string? Q, string? Sort, int? Page, int? PageSize, string? Format) : IValidatable
{
    public Period? AsOfPeriod => Period.TryParseMonth(AsOf, out var period) ? period : null;
    public ProjectStage? StageValue => QueryEnum.Parse<ProjectStage>(Stage);
    public ProjectCategory? CategoryValue => QueryEnum.Parse<ProjectCategory>(Category);
    public KeyLevel? KeyLevelValue => QueryEnum.Parse<KeyLevel>(KeyLevel);
    public StartKind? StartKindValue => QueryEnum.Parse<StartKind>(StartKind);
    public WarningLevel? WarningLevelValue => QueryEnum.Parse<WarningLevel>(WarningLevel);

    public void Validate(ValidationErrors errors)
    {
        errors.When(AsOf is not null && AsOfPeriod is null, "asOf", FieldErrors.InvalidMonth.Saying("must be a month written like 2025-06"))
            .When(RegionCode is not null && !Regions.IsKnown(RegionCode), "regionCode", FieldErrors.UnknownRegion)
            .Range(Year, 2000, 2100, "year")
            .MaxLength(Q, 100, "q")
            .When(Format is not null && Format is not ("json" or "xlsx"), "format", FieldErrors.OneOf(["json", "xlsx"]).Saying("must be json or xlsx"))
            .Enum<ProjectStage>(Stage, "stage").Enum<ProjectCategory>(Category, "category").Enum<KeyLevel>(KeyLevel, "keyLevel")
            .Enum<StartKind>(StartKind, "startKind").Enum<WarningLevel>(WarningLevel, "warningLevel");
    }
}

public static class ProjectQueries
{
    public static IQueryable<Project> Filter(this IQueryable<Project> q, ProjectFilter f, int reportingYear,
        IQueryable<MonthlyProgress> progress, ScheduleOptions options)
    {
        if (f.RegionCode is not null) q = q.Where(p => p.RegionCode == f.RegionCode);
        if (f.Township is not null) q = q.Where(p => p.Township == f.Township);
        if (f.StageValue is { } stage) q = q.Where(p => p.Stage == stage);
        if (f.CategoryValue is { } category) q = q.Where(p => p.Category == category);
        if (f.KeyLevelValue is { } keyLevel) q = q.Where(p => p.KeyLevel == keyLevel);
        if (f.Leader is not null) q = q.Where(p => p.LeaderInCharge == f.Leader);
        if (f.IsPrivateInvestment is not null) q = q.Where(p => p.IsPrivateInvestment == f.IsPrivateInvestment);
        if (f.IsIndustrial is not null) q = q.Where(p => p.IsIndustrial == f.IsIndustrial);
        if (f.IsHighTech is not null) q = q.Where(p => p.IsHighTech == f.IsHighTech);
        if (f.ReadyToStart is not null) q = q.Where(p => p.ReadyToStart == f.ReadyToStart);
        if (f.IsIncludedInStatistics is not null) q = q.Where(p => p.IsIncludedInStatistics == f.IsIncludedInStatistics);
        if (f.Year is not null) q = q.Where(p => p.Year == f.Year);
        if (!string.IsNullOrWhiteSpace(f.Q)) q = q.Where(p => p.Name.Contains(f.Q.Trim()));
        var yearStart = new DateOnly(reportingYear, 1, 1);
        var nextYear = yearStart.AddYears(1);
        if (f.StartKindValue == Projects.StartKind.NewStart) q = q.Where(p => p.ActualStartDate >= yearStart && p.ActualStartDate < nextYear);
        if (f.StartKindValue == Projects.StartKind.Continuing) q = q.Where(p => p.ActualStartDate < yearStart);
        if (f.BehindSchedule is not null || f.WarningLevelValue is not null) q = q.Schedule(f, progress, options);
        return q;
    }

    /// <summary>
    /// 序时进度 in SQL, the same arithmetic as <see cref="ScheduleRule"/>: behind when ytd × 12 &lt; plan × m, and
    /// over T points behind when (plan × m − 12 × ytd) × 100 &gt; T × 12 × plan. Without asOf it reads the maintained
    /// year-to-date column; with asOf it sums the months up to it (indexed by project, year, month).
    /// </summary>
    static IQueryable<Project> Schedule(this IQueryable<Project> q, ProjectFilter f, IQueryable<MonthlyProgress> progress, ScheduleOptions options)
    {
        var rows = f.AsOfPeriod is { } asOf
            ? q.Where(p => p.Year == asOf.Year).Select(p => new ScheduleRow
            {
                P = p, Month = asOf.Month,
                Ytd = progress.Where(x => x.ProjectId == p.Id && x.Year == asOf.Year && x.Month <= asOf.Month).Sum(x => (decimal?)x.CompletedInvestment) ?? 0m,
            })
            : q.Select(p => new ScheduleRow { P = p, Month = p.ReportedThroughMonth, Ytd = p.YearToDateInvestment });

        if (f.BehindSchedule == true) rows = rows.Where(r => r.Ytd * 12 < r.P.AnnualPlannedInvestment * r.Month);
        if (f.BehindSchedule == false) rows = rows.Where(r => r.Ytd * 12 >= r.P.AnnualPlannedInvestment * r.Month);
        var yellow = options.YellowPoints;
        var red = options.RedPoints;
        rows = f.WarningLevelValue switch
        {
            Progress.WarningLevel.Red => rows.Where(r => (r.P.AnnualPlannedInvestment * r.Month - 12 * r.Ytd) * 100 > red * 12 * r.P.AnnualPlannedInvestment),
            Progress.WarningLevel.Yellow => rows.Where(r => (r.P.AnnualPlannedInvestment * r.Month - 12 * r.Ytd) * 100 > yellow * 12 * r.P.AnnualPlannedInvestment
                && (r.P.AnnualPlannedInvestment * r.Month - 12 * r.Ytd) * 100 <= red * 12 * r.P.AnnualPlannedInvestment),
            Progress.WarningLevel.None => rows.Where(r => (r.P.AnnualPlannedInvestment * r.Month - 12 * r.Ytd) * 100 <= yellow * 12 * r.P.AnnualPlannedInvestment),
            _ => rows,
        };
        return rows.Select(r => r.P);
    }

    /// <summary>Member-initialised (not a constructor) so EF can translate filters on its members.</summary>
    sealed class ScheduleRow
    {
        public Project P { get; init; } = null!;
        public int Month { get; init; }
        public decimal Ytd { get; init; }
    }

    public static IQueryable<Project> Sort(this IQueryable<Project> q, string? sort) => sort switch
    {
        "name" => q.OrderBy(p => p.Name).ThenBy(p => p.Id),
        "-totalInvestment" => q.OrderByDescending(p => p.TotalInvestment).ThenBy(p => p.Id),
        "totalInvestment" => q.OrderBy(p => p.TotalInvestment).ThenBy(p => p.Id),
        "-annualPlannedInvestment" => q.OrderByDescending(p => p.AnnualPlannedInvestment).ThenBy(p => p.Id),
        "annualPlannedInvestment" => q.OrderBy(p => p.AnnualPlannedInvestment).ThenBy(p => p.Id),
        "-yearToDateInvestment" => q.OrderByDescending(p => p.YearToDateInvestment).ThenBy(p => p.Id),
        "actualStartDate" => q.OrderBy(p => p.ActualStartDate).ThenBy(p => p.Id),
        "-updatedAt" => q.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id),
        _ => q.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id),
    };
}
