using City.Api.Features.Overview;
using City.Api.Features.Targets;
using Platform.ServiceDefaults;

namespace City.Tests;

public sealed class RankingTests
{
    [Fact]
    public void Equal_completion_rates_share_a_rank_and_the_next_rank_is_skipped()
    {
        var ranks = Ranking.Rank([0.9m, 1.2m, 0.9m, 0.5m]);
        Assert.Equal(new int?[] { 2, 1, 2, 4 }, ranks);
        Assert.Equal(new int?[] { 1, 1, 3 }, Ranking.Rank([0.8m, 0.8m, 0.7m]));
    }

    [Fact]
    public void A_region_without_a_target_has_no_rate_and_no_rank()
    {
        Assert.Null(Ranking.CompletionRate(null, 100m));
        Assert.Null(Ranking.CompletionRate(0m, 100m));
        Assert.Equal(new int?[] { 1, null, 2 }, Ranking.Rank([1.5m, null, 0.2m]));
    }

    [Fact]
    public void Completion_rate_is_actual_over_target_to_four_decimals()
    {
        Assert.Equal(0.5m, Ranking.CompletionRate(409_000m, 204_500m));
        Assert.Equal(0.3333m, Ranking.CompletionRate(3m, 1m));
        Assert.Equal(1.25m, Ranking.CompletionRate(8m, 10m));
    }

    [Fact]
    public void Periods_are_read_as_the_api_writes_them()
    {
        Assert.Equal((PeriodKind.Quarter, 2023, 4), (Period.Parse("2023-Q4").Kind, Period.Parse("2023-Q4").Year, Period.Parse("2023-Q4").Number));
        Assert.Equal(new DateOnly(2023, 12, 31), Period.Parse("2023-Q4").End);
        Assert.Equal(new DateOnly(2025, 3, 1), Period.Parse("2025-03").Start);
        Assert.Equal("2025-02", Period.Parse("2025-03").PreviousMonth.ToString());
        Assert.Equal("2024-12", Period.Parse("2025-01").PreviousMonth.ToString());
        Assert.Equal(["2025-03", "2025-Q1", "2025"], Period.KeysContaining(new DateOnly(2025, 3, 15)));
        Assert.Equal("2024-12", Period.Parse("2024").AsOfMonth(new DateOnly(2025, 6, 1)).ToString());
        Assert.Equal("2025-05", Period.Parse("2025").AsOfMonth(new DateOnly(2025, 5, 20)).ToString());
        foreach (var bad in new[] { "2025-13", "2025-Q5", "25", "2025-3", "" }) Assert.False(Period.TryParse(bad, out _), bad);
    }
}
