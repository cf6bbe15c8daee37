using Statistics.Api.Features.Projects;

namespace Statistics.Api.Features.Figures;

/// <summary>调度数 against 统计数 for one project or region and month.</summary>
public sealed record Gap(decimal Scheduled, decimal Official, decimal Difference, decimal? Percent, bool Flagged)
{
    /// <summary>
    /// Difference = 调度数 − 统计数; Percent is relative to the 统计数 (null when there is none to compare with).
    /// Flagged when the percentage exceeds the warning level, or when only one side has a figure.
    /// </summary>
    public static Gap Of(decimal? scheduled, decimal? official, decimal warnPercent)
    {
        var (s, o) = (scheduled ?? 0m, official ?? 0m);
        var difference = s - o;
        decimal? percent = o == 0m ? (s == 0m ? 0m : null) : decimal.Round(difference / o * 100m, 1, MidpointRounding.AwayFromZero);
        return new Gap(s, o, difference, percent, percent is null || Math.Abs(percent.Value) > warnPercent);
    }
}

public sealed record ProjectGap(Guid ProjectId, string Name, string RegionCode, string? Township, bool Included,
    decimal? Scheduled, decimal? Official, decimal Difference, decimal? Percent, bool Flagged);

public sealed record RegionGap(string RegionCode, string RegionName, int Projects, int FlaggedProjects,
    decimal Scheduled, decimal Official, decimal Difference, decimal? Percent, bool Flagged);

public sealed record GapReport(string Period, decimal WarnPercent, IReadOnlyList<RegionGap> Regions, Paged<ProjectGap> Projects);

public static class GapEndpoints
{
    public static IEndpointRouteBuilder MapGapEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/api/statistics/gaps", "Official figures")
            .MapGet("/", Report).WithSummary("调度数 vs 统计数 per project and region for a month; large gaps flagged");
        return app;
    }

    static async Task<Results<Ok<GapReport>, ProblemHttpResult>> Report(StatisticsDb db, CallerScope caller, StatisticsOptions options,
        string? period, string? regionCode, bool? flaggedOnly, int? page, int? pageSize, CancellationToken ct)
    {
        if (!Period.TryParseMonth(period, out var parsed))
            return Problem.Validation("period", FieldErrors.InvalidMonth.Saying("is required, a month written YYYY-MM, e.g. 2025-03"));
        var month = parsed.ToString();

        var scheduled = db.ScheduledFigures.Where(s => s.Period == month);
        var official = db.OfficialFigures.Where(f => f.Period == month);
        var included = db.IncludedProjectIds();
        var query = db.Projects.AsNoTracking().VisibleTo(caller);
        if (regionCode is not null) query = query.Where(p => p.RegionCode == regionCode);
        // A county has hundreds of such projects, the city a few thousand: compared in memory, after one query.
        var rows = await query
            .Where(p => included.Contains(p.Id) || scheduled.Any(s => s.ProjectId == p.Id) || official.Any(o => o.ProjectId == p.Id))
            .Select(p => new
            {
                p.Id, p.Name, p.RegionCode, p.Township, Included = included.Contains(p.Id),
                Scheduled = scheduled.Where(s => s.ProjectId == p.Id).Select(s => (decimal?)s.CompletedInvestment).FirstOrDefault(),
                Official = official.Where(o => o.ProjectId == p.Id).Select(o => (decimal?)o.CompletedInvestment).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var projects = rows.Select(r =>
        {
            var gap = Gap.Of(r.Scheduled, r.Official, options.GapWarnPercent);
            return new ProjectGap(r.Id, r.Name, r.RegionCode, r.Township, r.Included, r.Scheduled, r.Official, gap.Difference, gap.Percent, gap.Flagged);
        }).ToList();
        var regions = projects.GroupBy(p => p.RegionCode).OrderBy(g => g.Key).Select(g =>
        {
            var gap = Gap.Of(g.Sum(p => p.Scheduled ?? 0m), g.Sum(p => p.Official ?? 0m), options.GapWarnPercent);
            return new RegionGap(g.Key, Regions.NameOf(g.Key), g.Count(), g.Count(p => p.Flagged), gap.Scheduled, gap.Official, gap.Difference, gap.Percent, gap.Flagged);
        }).ToList();

        var listed = projects.Where(p => flaggedOnly != true || p.Flagged)
            .OrderByDescending(p => p.Flagged).ThenByDescending(p => Math.Abs(p.Difference)).ThenBy(p => p.ProjectId).ToList();
        var paging = PageRequest.From(page, pageSize);
        var pageItems = listed.Skip(paging.Skip).Take(paging.PageSize).ToList();
        return TypedResults.Ok(new GapReport(month, options.GapWarnPercent, regions, new Paged<ProjectGap>(pageItems, paging.Page, paging.PageSize, listed.Count)));
    }
}
