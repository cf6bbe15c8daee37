using Statistics.Api.Features.Inclusions;
using Statistics.Api.Features.Projects;

namespace Statistics.Api.Features.Pending;

public sealed record PendingProject(
    Guid ProjectId, string Name, string RegionCode, string RegionName, string? Township, string Stage, decimal TotalInvestment,
    string? NationalCode, DateOnly? ActualStartDate, int? DaysSinceStart, Guid? OpenApplicationId);

public sealed record PendingRegion(string RegionCode, string RegionName, int Count, decimal TotalInvestment, int WithOpenApplication, DateOnly? EarliestStart);

public sealed record PendingSummary(decimal ThresholdWan, int Total, IReadOnlyList<PendingRegion> Regions);

/// <summary>已开工未入统: started projects at or above the threshold that are not (yet) in the statistics.</summary>
public static class PendingEndpoints
{
    public static IEndpointRouteBuilder MapPendingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/statistics/pending", "Pending inclusions");
        group.MapGet("/", List).WithSummary("已开工未入统 projects in the caller's scope, with days since start, filtered and paged");
        group.MapGet("/by-region", ByRegion).WithSummary("已开工未入统 counted per region");
        return app;
    }

    static async Task<Ok<Paged<PendingProject>>> List(StatisticsDb db, CallerScope caller, StatisticsOptions options, TimeProvider clock,
        string? regionCode, string? township, string? q, int? minDaysSinceStart, bool? withOpenApplication, string? sort,
        int? page, int? pageSize, CancellationToken ct)
    {
        var today = BusinessDay.Today(clock);
        var query = Pending(db, caller, options);
        if (regionCode is not null) query = query.Where(p => p.RegionCode == regionCode);
        if (township is not null) query = query.Where(p => p.Township == township);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(p => p.Name.Contains(q.Trim()));
        if (minDaysSinceStart is { } days)
        {
            var startedBy = today.AddDays(-Math.Max(0, days));
            query = query.Where(p => p.ActualStartDate <= startedBy);
        }
        var open = db.Inclusions.Where(i => i.Status == InclusionStatus.Submitted);
        if (withOpenApplication is { } want) query = query.Where(p => open.Any(i => i.ProjectId == p.Id) == want);
        query = sort switch
        {
            "-totalInvestment" => query.OrderByDescending(p => p.TotalInvestment).ThenBy(p => p.Id),
            "name" => query.OrderBy(p => p.Name).ThenBy(p => p.Id),
            // default "-daysSinceStart": the longest-waiting first
            _ => query.OrderBy(p => p.ActualStartDate == null).ThenBy(p => p.ActualStartDate).ThenBy(p => p.Id),
        };
        var result = await query
            .Select(p => new { Project = p, OpenApplicationId = open.Where(i => i.ProjectId == p.Id).Select(i => (Guid?)i.Id).FirstOrDefault() })
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        var items = result.Items.Select(r => new PendingProject(
            r.Project.Id, r.Project.Name, r.Project.RegionCode, Regions.NameOf(r.Project.RegionCode), r.Project.Township, r.Project.Stage,
            r.Project.TotalInvestment, r.Project.NationalCode, r.Project.ActualStartDate,
            r.Project.ActualStartDate is { } start ? today.DayNumber - start.DayNumber : null, r.OpenApplicationId)).ToList();
        return TypedResults.Ok(new Paged<PendingProject>(items, result.Page, result.PageSize, result.Total));
    }

    static async Task<Ok<PendingSummary>> ByRegion(StatisticsDb db, CallerScope caller, StatisticsOptions options, CancellationToken ct)
    {
        var open = db.Inclusions.Where(i => i.Status == InclusionStatus.Submitted);
        var rows = await Pending(db, caller, options)
            .GroupBy(p => p.RegionCode)
            .Select(g => new
            {
                RegionCode = g.Key, Count = g.Count(), Total = g.Sum(p => p.TotalInvestment),
                WithOpen = g.Count(p => open.Any(i => i.ProjectId == p.Id)), Earliest = g.Min(p => p.ActualStartDate),
            })
            .ToListAsync(ct);
        var regions = rows.OrderBy(r => r.RegionCode)
            .Select(r => new PendingRegion(r.RegionCode, Regions.NameOf(r.RegionCode), r.Count, r.Total, r.WithOpen, r.Earliest)).ToList();
        return TypedResults.Ok(new PendingSummary(options.ThresholdWan, regions.Sum(r => r.Count), regions));
    }

    /// <summary>The rule of <see cref="InclusionRules.IsPending"/>, in SQL, within the caller's scope.</summary>
    static IQueryable<ProjectView> Pending(StatisticsDb db, CallerScope caller, StatisticsOptions options)
    {
        var included = db.IncludedProjectIds();
        var countedThroughDuplicate = db.CountedThroughDuplicateIds();
        var threshold = options.ThresholdWan;
        return db.Projects.AsNoTracking().VisibleTo(caller).Started()
            .Where(p => p.TotalInvestment >= threshold && !included.Contains(p.Id) && !countedThroughDuplicate.Contains(p.Id));
    }
}
