using Microsoft.EntityFrameworkCore;

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

    public async Task FlushAsync(CityDb db, CancellationToken ct)
    {
        foreach (var ((period, metric, region), amount) in _deltas.Where(d => d.Value != 0)
                     .OrderBy(d => d.Key.Period, StringComparer.Ordinal).ThenBy(d => d.Key.Metric, StringComparer.Ordinal)
                     .ThenBy(d => d.Key.Region, StringComparer.Ordinal))
        {
            await db.Database.ExecuteSqlAsync($"""
                insert into region_actuals (region_code, period, metric, amount) values ({region}, {period}, {metric}, {amount})
                on conflict (period, metric, region_code) do update set amount = region_actuals.amount + excluded.amount
                """, ct);
        }
        _deltas.Clear();
    }
}
