namespace City.Api.Features.Overview;

/// <summary>The arithmetic of the monthly ranking (逐月排名通报).</summary>
public static class Ranking
{
    /// <summary>Actual ÷ target, to four decimals (0.8734 = 87.34 %); null when there is no positive target.</summary>
    public static decimal? CompletionRate(decimal? target, decimal actual) =>
        target is > 0 ? Math.Round(actual / target.Value, 4, MidpointRounding.AwayFromZero) : null;

    /// <summary>
    /// Ranks by completion rate, highest first. Equal rates share a rank and the next rank skips (1, 1, 3), as
    /// the bureaus rank; a region without a rate (no target) gets no rank.
    /// </summary>
    public static IReadOnlyList<int?> Rank(IReadOnlyList<decimal?> rates)
    {
        var ranks = new int?[rates.Count];
        for (var i = 0; i < rates.Count; i++)
        {
            if (rates[i] is not { } rate) continue;
            ranks[i] = 1 + rates.Count(other => other > rate);
        }
        return ranks;
    }
}
