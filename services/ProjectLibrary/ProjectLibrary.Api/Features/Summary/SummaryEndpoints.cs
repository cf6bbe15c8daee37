using ProjectLibrary.Api.Features.Progress;
using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Api.Features.Summary;

public sealed record StageFigures(ProjectStage Stage, int Count, decimal TotalInvestment, decimal AnnualPlannedInvestment);

public sealed record RegionSummary(string RegionCode, string RegionName, int Projects, IReadOnlyList<StageFigures> ByStage,
    int NewStarts, decimal NewStartsTotalInvestment, int KeyProjects, int PlanProjects, decimal PlannedInvestment,
    decimal ExpectedToDate, decimal CompletedToDate, int Laggards);

public sealed record ProjectSummary(string Period, IReadOnlyList<RegionSummary> Regions);

/// <summary>
/// What the office reports every month, per region: counts and money by stage, 新开工 so far this year, key projects,
/// the year's plan against 调度数 to the end of the month, and how many projects are behind 序时进度. All grouped in SQL.
/// </summary>
public static class SummaryEndpoints
{
    public static IEndpointRouteBuilder MapSummaryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/projects/summary", Summarise).WithTags("Summaries")
            .WithSummary("Per region: by stage, new starts, key projects, planned vs completed to the period, laggards (?period=2025-03&regionCode=)");
        return app;
    }

    static async Task<Results<Ok<ProjectSummary>, ProblemHttpResult>> Summarise(string? period, string? regionCode, ProjectsDb db,
        CallerScope caller, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Required(period, "period")
            .When(period is not null && !Period.TryParseMonth(period, out _), "period", FieldErrors.InvalidMonth)
            .When(regionCode is not null && !Regions.IsKnown(regionCode), "regionCode", FieldErrors.UnknownRegion);
        if (!errors.IsEmpty) return Problem.Validation(errors);
        Period.TryParseMonth(period, out var month);
        var (y, m) = (month.Year, month.Month);

        var projects = db.Projects.AsNoTracking().VisibleTo(caller);
        if (regionCode is not null) projects = projects.Where(p => p.RegionCode == regionCode);
        var yearStart = new DateOnly(y, 1, 1);
        var monthEnd = month.End;

        var byStage = await projects.GroupBy(p => new { p.RegionCode, p.Stage })
            .Select(g => new { g.Key.RegionCode, g.Key.Stage, Count = g.Count(), Total = g.Sum(p => p.TotalInvestment), Annual = g.Sum(p => p.AnnualPlannedInvestment) })
            .ToListAsync(ct);
        var newStarts = await projects.Where(p => p.ActualStartDate >= yearStart && p.ActualStartDate <= monthEnd)
            .GroupBy(p => p.RegionCode).Select(g => new { g.Key, Count = g.Count(), Total = g.Sum(p => p.TotalInvestment) })
            .ToDictionaryAsync(x => x.Key, ct);
        var key = await projects.Where(p => p.KeyLevel != KeyLevel.None)
            .GroupBy(p => p.RegionCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var planned = await projects.Where(p => p.Year == y)
            .GroupBy(p => p.RegionCode).Select(g => new { g.Key, Count = g.Count(), Annual = g.Sum(p => p.AnnualPlannedInvestment) })
            .ToDictionaryAsync(x => x.Key, ct);
        var completed = await (from x in db.Progress.AsNoTracking()
                               where x.Year == y && x.Month <= m
                               join p in projects on x.ProjectId equals p.Id
                               group x by p.RegionCode into g
                               select new { g.Key, Sum = g.Sum(x => x.CompletedInvestment) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
        var laggards = await projects.Where(p => p.Year == y)
            .Select(p => new
            {
                p.RegionCode, p.AnnualPlannedInvestment,
                Ytd = db.Progress.Where(x => x.ProjectId == p.Id && x.Year == y && x.Month <= m).Sum(x => (decimal?)x.CompletedInvestment) ?? 0m,
            })
            .Where(r => r.Ytd * 12 < r.AnnualPlannedInvestment * m)
            .GroupBy(r => r.RegionCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        var regions = Regions.Codes.Where(c => (caller.IsCity || c == caller.RegionCode) && (regionCode is null || c == regionCode))
            .Select(code =>
            {
                var stages = byStage.Where(s => s.RegionCode == code)
                    .Select(s => new StageFigures(s.Stage, s.Count, s.Total, s.Annual)).OrderBy(s => s.Stage).ToList();
                var plan = planned.GetValueOrDefault(code);
                var annual = plan?.Annual ?? 0m;
                return new RegionSummary(code, Regions.NameOf(code), stages.Sum(s => s.Count), stages,
                    newStarts.GetValueOrDefault(code)?.Count ?? 0, newStarts.GetValueOrDefault(code)?.Total ?? 0m,
                    key.GetValueOrDefault(code), plan?.Count ?? 0, annual, ScheduleRule.ExpectedToDate(annual, m),
                    completed.GetValueOrDefault(code), laggards.GetValueOrDefault(code));
            }).ToList();
        return TypedResults.Ok(new ProjectSummary(month.ToString(), regions));
    }
}
