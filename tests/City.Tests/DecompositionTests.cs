using City.Api.Features.Targets;

namespace City.Tests;

public sealed class DecompositionTests
{
    static IReadOnlyList<Target> Seeded(string period) => WinterPlanSeed.Targets().Where(t => t.Period == period)
        .Select(t => Target.Create(t.Level, t.RegionCode, null, t.Period, t.Metric, t.Amount, null, "test", DateTimeOffset.UtcNow)).ToList();

    static DecompositionCheck CityCheck(DecompositionReport report, string metric) =>
        report.Checks.Single(c => c.Metric == metric && c.ParentLevel == TargetLevel.City);

    [Fact]
    public void The_2024_reserve_plan_leaves_12_provincial_key_projects_and_45_4_yi_unassigned()
    {
        var report = Decomposition.Check("2024", Seeded("2024"), includeCity: true);

        var count = CityCheck(report, Metrics.ReserveProvincialKeyCount);
        Assert.Equal((57m, 45m, 12m, false), (count.ParentTarget, count.ChildrenTotal, count.Gap, count.Balanced));
        var investment = CityCheck(report, Metrics.ReserveProvincialKeyInvestment);
        Assert.Equal((1_610_000m, 1_156_000m, 454_000m), (investment.ParentTarget, investment.ChildrenTotal, investment.Gap));
    }

    [Fact]
    public void The_district_private_reserve_investment_overshoots_the_city_by_the_notices_rounding()
    {
        var check = CityCheck(Decomposition.Check("2024", Seeded("2024"), includeCity: true), Metrics.ReservePrivateInvestment);
        Assert.Equal((3_520_000m, 3_521_000m, -1_000m), (check.ParentTarget, check.ChildrenTotal, check.Gap));
    }

    [Fact]
    public void The_targets_the_notice_says_add_up_are_reported_balanced()
    {
        var q4 = Decomposition.Check("2023-Q4", Seeded("2023-Q4"), includeCity: true);
        foreach (var metric in new[] { Metrics.FixedAssetInvestment, Metrics.IndustrialInvestment, Metrics.PrivateInvestment, Metrics.NewStarts,
                     Metrics.Inclusions, Metrics.LaggingKeyProjects, Metrics.SignedTotalInvestment, Metrics.NewStartPlannedInvestment, Metrics.FundsInPlace })
            Assert.True(CityCheck(q4, metric).Balanced, metric);
        Assert.Equal(2_412_000m, CityCheck(q4, Metrics.FixedAssetInvestment).ParentTarget);

        var y2024 = Decomposition.Check("2024", Seeded("2024"), includeCity: true);
        foreach (var metric in new[] { Metrics.ReserveCount, Metrics.ReserveAnnualInvestment, Metrics.ReserveIndustrialCount, Metrics.ReserveIndustrialInvestment,
                     Metrics.BigNewStarts50Plus, Metrics.BigNewStarts10To50, Metrics.BigNewStarts5To10 })
            Assert.True(CityCheck(y2024, metric).Balanced, metric);
        Assert.Equal(3, y2024.Unbalanced);
    }

    [Fact]
    public void A_county_check_compares_its_district_target_with_its_townships()
    {
        var now = DateTimeOffset.UtcNow;
        var targets = new[]
        {
            Target.Create(TargetLevel.District, "140522", null, "2025", Metrics.NewStarts, 30, null, "t", now),
            Target.Create(TargetLevel.Township, "140522", "凤城镇", "2025", Metrics.NewStarts, 12, null, "t", now),
            Target.Create(TargetLevel.Township, "140522", "北留镇", "2025", Metrics.NewStarts, 10, null, "t", now),
        };
        var check = Assert.Single(Decomposition.Check("2025", targets, includeCity: false).Checks);
        Assert.Equal((TargetLevel.District, "140522", 30m, 22m, 8m, 2), (check.ParentLevel, check.RegionCode, check.ParentTarget, check.ChildrenTotal, check.Gap, check.Children));
    }
}
