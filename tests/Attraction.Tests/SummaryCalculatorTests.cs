using Attraction.Api.Features.Summary;
using Platform.ServiceDefaults;

namespace Attraction.Tests;

public sealed class SummaryCalculatorTests
{
    static DateOnly D(int y, int m, int d) => new(y, m, d);

    static readonly DealFacts[] Deals =
    [
        new("140522", 100_000m, D(2025, 1, 15), D(2025, 4, 1), 98_000m),  // signed Q1, started Q2 same year
        new("140522", 50_000m, D(2025, 2, 10), null, null),               // signed Q1, not started
        new("140522", 30_000m, D(2025, 5, 5), D(2025, 6, 1), 30_000m),    // signed Q2, started Q2
        new("140522", 20_000m, D(2025, 11, 1), D(2026, 1, 5), 21_000m),   // signed 2025, started next year
        new("140522", 80_000m, D(2024, 12, 20), D(2025, 3, 1), 80_000m),  // signed last year, started Q1 2025
        new("140521", 10_000m, D(2025, 3, 3), D(2025, 3, 30), 12_000m),   // another county
    ];

    static readonly FundsFacts[] Funds =
    [
        new("140522", 5_000m, D(2025, 3, 31)),
        new("140522", 7_500.50m, D(2025, 4, 1)),
        new("140521", 1_000m, D(2025, 3, 1)),
    ];

    static RegionSummary Yangcheng(string period) =>
        SummaryCalculator.Calculate(Period.Parse(period), ["140522", "140521"], Deals, Funds).Regions.Single(r => r.RegionCode == "140522");

    [Fact]
    public void A_year_counts_what_was_signed_started_and_arrived_in_it_and_the_same_year_start_rate()
    {
        var year = Yangcheng("2025");
        Assert.Equal(4, year.SignedCount);
        Assert.Equal(200_000m, year.SignedTotalInvestment);
        Assert.Equal(3, year.NewStartCount); // the deal signed in 2024 that started in 2025 is a 2025 new start
        Assert.Equal(208_000m, year.NewStartPlannedTotalInvestment);
        Assert.Equal(12_500.50m, year.FundsInPlace);
        Assert.Equal(4, year.SignedInYearToDate);
        Assert.Equal(2, year.StartedInSigningYear); // the November deal started in 2026
        Assert.Equal(0.5m, year.SameYearStartRate);
    }

    [Fact]
    public void A_quarter_counts_its_own_flows_and_the_start_rate_to_its_end()
    {
        var q1 = Yangcheng("2025-Q1");
        Assert.Equal(2, q1.SignedCount);
        Assert.Equal(150_000m, q1.SignedTotalInvestment);
        Assert.Equal(1, q1.NewStartCount);
        Assert.Equal(80_000m, q1.NewStartPlannedTotalInvestment);
        Assert.Equal(5_000m, q1.FundsInPlace);
        Assert.Equal(2, q1.SignedInYearToDate);
        Assert.Equal(0, q1.StartedInSigningYear); // the January deal only started in April
        Assert.Equal(0m, q1.SameYearStartRate);

        var june = Yangcheng("2025-06");
        Assert.Equal(0, june.SignedCount);
        Assert.Equal(30_000m, june.NewStartPlannedTotalInvestment);
        Assert.Equal(3, june.SignedInYearToDate);
        Assert.Equal(2, june.StartedInSigningYear);
        Assert.Equal(0.6667m, june.SameYearStartRate);
    }

    [Fact]
    public void Regions_are_kept_apart_the_total_adds_them_up_and_no_signed_deal_means_no_rate()
    {
        var summary = SummaryCalculator.Calculate(Period.Parse("2025-Q1"), ["140522", "140521", "140524"], Deals, Funds);
        var qinshui = summary.Regions.Single(r => r.RegionCode == "140521");
        Assert.Equal("沁水县", qinshui.RegionName);
        Assert.Equal(10_000m, qinshui.SignedTotalInvestment);
        Assert.Equal(1m, qinshui.SameYearStartRate);
        Assert.Null(summary.Regions.Single(r => r.RegionCode == "140524").SameYearStartRate);
        Assert.Equal(160_000m, summary.Total.SignedTotalInvestment);
        Assert.Equal(92_000m, summary.Total.NewStartPlannedTotalInvestment);
        Assert.Equal(6_000m, summary.Total.FundsInPlace);
        Assert.Equal(0.3333m, summary.Total.SameYearStartRate);
    }

    [Theory]
    [InlineData("2025", "2025-01-01", "2025-12-31")]
    [InlineData("2025-Q1", "2025-01-01", "2025-03-31")]
    [InlineData("2025-Q4", "2025-10-01", "2025-12-31")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    public void A_period_is_a_year_a_quarter_or_a_month(string text, string from, string to)
    {
        var period = Period.Parse(text);
        Assert.Equal(DateOnly.Parse(from), period.Start);
        Assert.Equal(DateOnly.Parse(to), period.End);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2025-Q5")]
    [InlineData("2025-13")]
    [InlineData("25-03")]
    [InlineData("2025-3")]
    [InlineData("1999")]
    public void Anything_else_is_not_a_period(string? text) => Assert.False(Period.TryParse(text, out _));
}
