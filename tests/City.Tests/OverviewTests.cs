using System.Net;
using System.Text.Json;
using Platform.Contracts.Statistics;
using Platform.Spreadsheets;

namespace City.Tests;

[Collection(CityCollection.Name)]
public sealed class OverviewTests(CityFactory factory)
{
    static JsonElement Standing(JsonElement overview, string region, string metric) =>
        overview.GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("regionCode").GetString() == region)
            .GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == metric);

    async Task StatisticsFigure(string region, string period, decimal amount)
    {
        var s = Events.Snapshot(region: region, year: 2044);
        await factory.Deliver(Events.Registered(s));
        await factory.Deliver(new InclusionApproved { InclusionId = Guid.NewGuid(), ProjectId = s.ProjectId, RegionCode = region, ApprovedOn = new DateOnly(2044, 1, 5), Version = 1, OccurredAt = DateTimeOffset.UtcNow });
        await factory.Deliver(new StatisticsReported { ProjectId = s.ProjectId, RegionCode = region, Period = period, CompletedInvestment = amount, Version = 1, OccurredAt = DateTimeOffset.UtcNow });
        await factory.Deliver(Events.Progress(s, period, amount + 100m));
    }

    [Fact]
    public async Task Regions_are_ranked_by_completion_rate_with_ties_sharing_a_rank()
    {
        using var city = factory.City();
        await (await city.PutJson("/api/city/targets", new
        {
            period = "2044-Q1",
            targets = new[] { "140521", "140522", "140525" }.Select(r => new { level = "district", regionCode = r, metric = "fixedAssetInvestment", amount = 1_000m })
                .Append(new { level = "city", regionCode = "140500", metric = "fixedAssetInvestment", amount = 5_000m }),
        })).ShouldBe(HttpStatusCode.OK);
        await StatisticsFigure("140521", "2044-02", 500m);
        await StatisticsFigure("140522", "2044-01", 800m);
        await StatisticsFigure("140525", "2044-03", 500m);

        var overview = await (await city.GetAsync("/api/city/overview?period=2044-Q1")).ShouldBe(HttpStatusCode.OK);
        var yangcheng = Standing(overview, "140522", "fixedAssetInvestment");
        Assert.Equal((1_000m, 800m, 0.8m, 1, 900m), (yangcheng.GetProperty("target").GetDecimal(), yangcheng.GetProperty("actual").GetDecimal(),
            yangcheng.GetProperty("completionRate").GetDecimal(), yangcheng.GetProperty("rank").GetInt32(), yangcheng.GetProperty("scheduled").GetDecimal()));
        Assert.Equal(2, Standing(overview, "140521", "fixedAssetInvestment").GetProperty("rank").GetInt32());
        Assert.Equal(2, Standing(overview, "140525", "fixedAssetInvestment").GetProperty("rank").GetInt32());
        Assert.Equal(JsonValueKind.Null, Standing(overview, "140524", "fixedAssetInvestment").GetProperty("rank").ValueKind);
        // A quarter still ahead of today stands at its first month: the change is what January added.
        Assert.Equal("2044-01", overview.GetProperty("asOfMonth").GetString());
        Assert.Equal(800m, Standing(overview, "140522", "fixedAssetInvestment").GetProperty("changeSincePreviousMonth").GetDecimal());
        Assert.Equal(0m, Standing(overview, "140525", "fixedAssetInvestment").GetProperty("changeSincePreviousMonth").GetDecimal());
        var total = overview.GetProperty("city").GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "fixedAssetInvestment");
        Assert.Equal((5_000m, 1_800m, 0.36m), (total.GetProperty("target").GetDecimal(), total.GetProperty("actual").GetDecimal(), total.GetProperty("completionRate").GetDecimal()));
        Assert.Equal(1m, Standing(overview, "140522", "inclusions").GetProperty("actual").GetDecimal());

        var march = await (await city.GetAsync("/api/city/overview?period=2044-03")).ShouldBe(HttpStatusCode.OK);
        // A month against the month before: 沁水县 had 500 in February and nothing in March.
        Assert.Equal(-500m, Standing(march, "140521", "fixedAssetInvestment").GetProperty("changeSincePreviousMonth").GetDecimal());
        Assert.Equal(500m, Standing(march, "140525", "fixedAssetInvestment").GetProperty("actual").GetDecimal());
    }

    [Fact]
    public async Task The_seeded_plan_gives_the_overview_real_targets_and_a_county_sees_only_its_own_row()
    {
        using var county = factory.ClientFor("project-office", "140522");
        var overview = await (await county.GetAsync("/api/city/overview?period=2023-Q4")).ShouldBe(HttpStatusCode.OK);
        var region = Assert.Single(overview.GetProperty("regions").EnumerateArray());
        Assert.Equal("140522", region.GetProperty("regionCode").GetString());
        Assert.Equal(JsonValueKind.Null, overview.GetProperty("city").ValueKind);
        Assert.Equal(488_000m, Standing(overview, "140522", "fixedAssetInvestment").GetProperty("target").GetDecimal());

        using var city = factory.City();
        var all = await (await city.GetAsync("/api/city/overview?period=2023-Q4")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(8, all.GetProperty("regions").GetArrayLength());
        Assert.Equal(17m, Standing(all, "140500", "newStarts").GetProperty("target").GetDecimal());
    }

    [Fact]
    public async Task The_ranking_workbook_is_an_xlsx_with_a_title_and_every_region()
    {
        using var city = factory.City();
        var response = await city.GetAsync("/api/city/overview?period=2023-Q4&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var rows = XlsxReader.Read(await response.Content.ReadAsStreamAsync());
        Assert.Contains("逐月排名通报", rows[0][0]);
        Assert.Contains(rows, r => r[0] == "固定资产投资" && r[2] == "阳城县" && r[3].StartsWith("488000"));
    }

    [Fact]
    public async Task A_period_that_is_not_one_is_a_validation_problem()
    {
        using var city = factory.City();
        await (await city.GetAsync("/api/city/overview?period=2024-13")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await city.GetAsync("/api/city/overview")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }
}
