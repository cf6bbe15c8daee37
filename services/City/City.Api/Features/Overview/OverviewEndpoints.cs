using City.Api.Features.Targets;

namespace City.Api.Features.Overview;

public sealed record MetricStanding(string Metric, string Name, string Unit, decimal? Target, decimal Actual, decimal? CompletionRate,
    int? Rank, decimal? ChangeSincePreviousMonth, decimal? Scheduled);

public sealed record RegionOverview(string RegionCode, string RegionName, IReadOnlyList<MetricStanding> Metrics);

/// <summary>The monthly ranking report's data. <c>City</c> is the whole city (targets at city level, actuals summed); null for a county caller.</summary>
public sealed record OverviewResponse(string Period, string AsOfMonth, RegionOverview? City, IReadOnlyList<RegionOverview> Regions);

public static class OverviewEndpoints
{
    public static IEndpointRouteBuilder MapOverviewEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/api/city/overview", "Overview")
            .MapGet("/", Get).WithSummary("Every region's target, actual, completion rate and rank per metric (?format=xlsx: the ranking workbook)");
        return app;
    }

    static async Task<Results<Ok<OverviewResponse>, FileContentHttpResult, ProblemHttpResult>> Get(string? period, string? format, CityDb db,
        CallerScope caller, TimeProvider clock, CancellationToken ct)
    {
        if (!Period.TryParse(period, out var p)) return Problem.Validation("period", FieldErrors.InvalidPeriod);
        if (format is not null and not "json" and not "xlsx") return Problem.Validation("format",
            FieldErrors.OneOf(["json", "xlsx"]).Saying("must be json or xlsx"));
        var overview = await BuildAsync(db, p, clock.Today(), caller, ct);
        if (format == "xlsx")
            return TypedResults.File(OverviewWorkbook.Build(overview), OverviewWorkbook.ContentType, $"city-ranking-{p}.xlsx");
        return TypedResults.Ok(overview);
    }

    public static async Task<OverviewResponse> BuildAsync(CityDb db, Period period, DateOnly today, CallerScope caller, CancellationToken ct)
    {
        var asOf = period.AsOfMonth(today);
        var key = period.ToString();
        var targets = await db.Targets.AsNoTracking().Where(t => t.Period == key && t.Level != TargetLevel.Township).ToListAsync(ct);
        var actuals = await Actuals.ForAsync(db, period, asOf, ct);
        var change = await ChangesAsync(db, period, asOf, actuals, ct);

        var regions = Regions.Codes.ToList();
        var standings = regions.ToDictionary(r => r, _ => new List<MetricStanding>());
        var city = new List<MetricStanding>();
        foreach (var metric in Metrics.All)
        {
            var ofMetric = actuals[metric.Code];
            var targetOf = targets.Where(t => t.Metric == metric.Code && t.Level == TargetLevel.District).ToDictionary(t => t.RegionCode, t => (decimal?)t.Amount);
            var rates = regions.Select(r => Ranking.CompletionRate(targetOf.GetValueOrDefault(r), ofMetric.GetValueOrDefault(r))).ToList();
            // Fewer lagging projects is better: those are shown but not ranked by rate.
            var ranks = metric.LowerIsBetter ? rates.Select(_ => (int?)null).ToList() : Ranking.Rank(rates);
            for (var i = 0; i < regions.Count; i++)
            {
                var r = regions[i];
                standings[r].Add(new MetricStanding(metric.Code, metric.Name, metric.Unit, targetOf.GetValueOrDefault(r), ofMetric.GetValueOrDefault(r),
                    rates[i], ranks[i], change[metric.Code]?.GetValueOrDefault(r), Scheduled(metric, actuals, r)));
            }
            var cityTarget = targets.FirstOrDefault(t => t.Metric == metric.Code && t.Level == TargetLevel.City)?.Amount;
            var cityActual = ofMetric.Values.Sum();
            city.Add(new MetricStanding(metric.Code, metric.Name, metric.Unit, cityTarget, cityActual, Ranking.CompletionRate(cityTarget, cityActual), null,
                change[metric.Code]?.Values.Sum(), metric.Code == Metrics.FixedAssetInvestment ? actuals[Metrics.ScheduledInvestment].Values.Sum() : null));
        }
        var visible = regions.Where(r => caller.CanRead(r, caller.Township)).Select(r => new RegionOverview(r, Regions.NameOf(r), standings[r])).ToList();
        return new OverviewResponse(key, asOf.ToString(), caller.IsCity ? new RegionOverview(Regions.City, Regions.Names[Regions.City], city) : null, visible);
    }

    /// <summary>调度数 shown beside the official fixed-asset figure.</summary>
    static decimal? Scheduled(Metric metric, Dictionary<string, Dictionary<string, decimal>> actuals, string region) =>
        metric.Code == Metrics.FixedAssetInvestment ? actuals[Metrics.ScheduledInvestment].GetValueOrDefault(region) : null;

    /// <summary>
    /// Change since the previous month, metric → region. A month period: its actual minus the previous month's.
    /// A quarter or year: what it gained in its latest month (as of today). The plan-year reserve has none.
    /// </summary>
    static async Task<Dictionary<string, Dictionary<string, decimal>?>> ChangesAsync(CityDb db, Period period, Period asOf,
        Dictionary<string, Dictionary<string, decimal>> actuals, CancellationToken ct)
    {
        var result = new Dictionary<string, Dictionary<string, decimal>?>();
        Dictionary<string, Dictionary<string, decimal>> flows;
        if (period.Kind == PeriodKind.Month)
        {
            var previous = await Actuals.OfMonthAsync(db, period.PreviousMonth, ct);
            flows = actuals.ToDictionary(a => a.Key, a => Regions.Codes.ToDictionary(r => r,
                r => a.Value.GetValueOrDefault(r) - (previous.GetValueOrDefault(a.Key)?.GetValueOrDefault(r) ?? 0)));
        }
        else flows = await Actuals.OfMonthAsync(db, asOf, ct);

        var laggingBefore = await Actuals.LaggingAsync(db, asOf.PreviousMonth, ct);
        foreach (var metric in Metrics.All)
            result[metric.Code] = metric.Kind switch
            {
                MetricKind.PlanYear => null,
                MetricKind.Lagging => Regions.Codes.ToDictionary(r => r, r => actuals[metric.Code].GetValueOrDefault(r) - laggingBefore.GetValueOrDefault(r)),
                _ => Regions.Codes.ToDictionary(r => r, r => flows.GetValueOrDefault(metric.Code)?.GetValueOrDefault(r) ?? 0),
            };
        return result;
    }
}
