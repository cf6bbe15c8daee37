using City.Api.Features.ReadModels;
using City.Api.Features.Targets;

namespace City.Api.Features.Overview;

/// <summary>Reads the actuals of every region for a period from the maintained aggregate: a request never scans projects.</summary>
public static class Actuals
{
    /// <summary>metric → region → amount, for the period (plan-year metrics at the period's year, lagging ones at its as-of month).</summary>
    public static async Task<Dictionary<string, Dictionary<string, decimal>>> ForAsync(CityDb db, Period period, Period asOf, CancellationToken ct)
    {
        var keys = new[] { period.ToString(), period.YearPeriod.ToString(), asOf.ToString() }.Distinct().ToList();
        var rows = await db.RegionActuals.AsNoTracking().Where(r => keys.Contains(r.Period)).ToListAsync(ct);
        var result = new Dictionary<string, Dictionary<string, decimal>>();
        foreach (var metric in Metrics.All)
        {
            var key = metric.Kind switch
            {
                MetricKind.PlanYear => period.YearPeriod.ToString(),
                MetricKind.Lagging => asOf.ToString(),
                _ => period.ToString(),
            };
            result[metric.Code] = rows.Where(r => r.Metric == metric.Code && r.Period == key).ToDictionary(r => r.RegionCode, r => r.Amount);
        }
        return result;
    }

    /// <summary>The flow of one month (what the period gained in it), metric → region → amount.</summary>
    public static async Task<Dictionary<string, Dictionary<string, decimal>>> OfMonthAsync(CityDb db, Period month, CancellationToken ct)
    {
        var key = month.ToString();
        var rows = await db.RegionActuals.AsNoTracking().Where(r => r.Period == key).ToListAsync(ct);
        return rows.GroupBy(r => r.Metric).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.RegionCode, r => r.Amount));
    }

    /// <summary>
    /// 未按序时进度 key projects per region at the end of a month (the aggregate's cells, kept by the consumers with
    /// <see cref="Contributions.LaggingMonths"/>; <see cref="BehindSchedule"/> is the same rule as a query, for the list).
    /// </summary>
    public static async Task<Dictionary<string, decimal>> LaggingAsync(CityDb db, Period month, CancellationToken ct)
    {
        var key = month.ToString();
        return await db.RegionActuals.AsNoTracking().Where(r => r.Period == key && r.Metric == Metrics.LaggingKeyProjects)
            .ToDictionaryAsync(r => r.RegionCode, r => r.Amount, ct);
    }

    public sealed class Behind
    {
        public ProjectView Project { get; init; } = null!;
        public decimal YearToDate { get; init; }
        public decimal Expected { get; init; }
    }

    /// <summary>Projects behind 序时进度 at the end of month m of the year (key projects only when <paramref name="keyOnly"/>).</summary>
    public static IQueryable<Behind> BehindSchedule(CityDb db, int year, int month, bool keyOnly = true)
    {
        var first = $"{year}-01";
        var last = Period.OfMonth(year, month).ToString();
        return db.ProjectViews.AsNoTracking()
            .Where(p => p.Registered && p.Year == year && p.Stage == Stages.UnderConstruction && p.AnnualPlannedInvestment > 0)
            .Where(p => !keyOnly || p.KeyLevel != "none")
            .Select(p => new Behind
            {
                Project = p,
                YearToDate = db.ProjectFigures.Where(f => f.ProjectId == p.ProjectId && f.Source == ProjectFigure.Progress
                    && string.Compare(f.Period, first) >= 0 && string.Compare(f.Period, last) <= 0).Sum(f => (decimal?)f.CompletedInvestment) ?? 0,
                Expected = Math.Round(p.AnnualPlannedInvestment * month / 12, 2),
            })
            .Where(b => b.YearToDate < b.Expected);
    }
}
