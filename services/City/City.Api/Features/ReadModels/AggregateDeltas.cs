namespace City.Api.Features.ReadModels;

/// <summary>
/// Collects the differences events make to the aggregate and writes them as additive upserts, in key order
/// (two transactions touching the same cells lock them in the same order, so they cannot deadlock each other).
/// </summary>
public sealed class AggregateDeltas
{
    readonly Dictionary<(string Period, string Metric, string Region), decimal> _deltas = [];

    public void Change(IEnumerable<Contribution> before, IEnumerable<Contribution> after)
    {
        foreach (var c in before) Add(c, -1);
        foreach (var c in after) Add(c, +1);
    }

    void Add(Contribution c, int sign)
    {
        foreach (var period in c.Periods)
        {
            var key = (period, c.Metric, c.RegionCode);
            _deltas[key] = _deltas.GetValueOrDefault(key) + sign * c.Amount;
        }
    }

    /// <summary>Forgets what a failed attempt collected, so a retried delivery starts clean.</summary>
    public void Clear() => _deltas.Clear();

    /// <summary>
    /// One additive upsert for all cells (a round trip per cell made a busy county's events queue up). The rows are
    /// sorted inside the statement, so every transaction locks the cells it shares with another in the same order.
    /// </summary>
    public async Task FlushAsync(CityDb db, CancellationToken ct)
    {
        var cells = _deltas.Where(d => d.Value != 0).ToList();
        _deltas.Clear();
        if (cells.Count == 0) return;
        var regions = cells.Select(c => c.Key.Region).ToArray();
        var periods = cells.Select(c => c.Key.Period).ToArray();
        var metrics = cells.Select(c => c.Key.Metric).ToArray();
        var amounts = cells.Select(c => c.Value).ToArray();
        await db.Database.ExecuteSqlAsync($"""
            insert into region_actuals (region_code, period, metric, amount)
            select u.region_code, u.period, u.metric, u.amount
            from unnest({regions}::text[], {periods}::text[], {metrics}::text[], {amounts}::numeric[]) as u(region_code, period, metric, amount)
            order by u.period, u.metric, u.region_code
            on conflict (period, metric, region_code) do update set amount = region_actuals.amount + excluded.amount
            """, ct);
    }
}
