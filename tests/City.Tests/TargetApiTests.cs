using System.Net;

namespace City.Tests;

[Collection(CityCollection.Name)]
public sealed class TargetApiTests(CityFactory factory)
{
    static object Item(string level, string region, string metric, decimal amount, string? township = null) =>
        new { level, regionCode = region, township, metric, amount };

    [Fact]
    public async Task The_seeded_2024_plan_shows_the_unassigned_provincial_key_projects_through_the_api()
    {
        using var city = factory.City();
        var report = await (await city.GetAsync("/api/city/targets/decomposition?period=2024")).ShouldBe(HttpStatusCode.OK);
        var checks = report.GetProperty("checks").EnumerateArray().Where(c => c.GetProperty("parentLevel").GetString() == "city").ToList();
        var count = checks.Single(c => c.GetProperty("metric").GetString() == "reserveProvincialKeyCount");
        var money = checks.Single(c => c.GetProperty("metric").GetString() == "reserveProvincialKeyInvestment");
        Assert.Equal((12m, 454_000m), (count.GetProperty("gap").GetDecimal(), money.GetProperty("gap").GetDecimal()));
        Assert.False(money.GetProperty("balanced").GetBoolean());
    }

    [Fact]
    public async Task City_hq_sets_district_targets_and_a_county_only_its_own_townships()
    {
        using var city = factory.City();
        await (await city.PutJson("/api/city/targets", new { period = "2040", targets = new[] { Item("district", "140524", "newStarts", 20) } }))
            .ShouldBe(HttpStatusCode.OK);

        using var county = factory.ClientFor("project-office", "140524");
        await (await county.PutJson("/api/city/targets", new { period = "2040", targets = new[] { Item("district", "140524", "newStarts", 99) } }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await county.PutJson("/api/city/targets", new { period = "2040", targets = new[] { Item("township", "140522", "newStarts", 5, "凤城镇") } }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await county.PutJson("/api/city/targets", new
        {
            period = "2040",
            targets = new[] { Item("township", "140524", "newStarts", 8, "崇文镇"), Item("township", "140524", "newStarts", 7, "礼义镇") },
        })).ShouldBe(HttpStatusCode.OK);
        using var statistics = factory.ClientFor("statistics", "140524");
        await (await statistics.PutJson("/api/city/targets", new { period = "2040", targets = new[] { Item("township", "140524", "newStarts", 1, "崇文镇") } }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");

        var report = await (await county.GetAsync("/api/city/targets/decomposition?period=2040")).ShouldBe(HttpStatusCode.OK);
        var check = Assert.Single(report.GetProperty("checks").EnumerateArray());
        Assert.Equal((20m, 15m, 5m), (check.GetProperty("parentTarget").GetDecimal(), check.GetProperty("childrenTotal").GetDecimal(), check.GetProperty("gap").GetDecimal()));
    }

    [Fact]
    public async Task A_county_sees_its_own_targets_and_city_hq_sees_all()
    {
        using var county = factory.ClientFor("project-office", "140581");
        var own = await (await county.GetAsync("/api/city/targets?period=2024&pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.All(own.GetProperty("items").EnumerateArray(), t => Assert.Equal("140581", t.GetProperty("regionCode").GetString()));
        Assert.Equal(11, own.GetProperty("total").GetInt32()); // 高平市's eight reserve figures and three size bands
        using var city = factory.City();
        var all = await (await city.GetAsync("/api/city/targets?period=2024&pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.Contains(all.GetProperty("items").EnumerateArray(), t => t.GetProperty("regionCode").GetString() == "140522");
        Assert.True(all.GetProperty("total").GetInt32() > own.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Bad_targets_are_refused_with_every_field_named()
    {
        using var city = factory.City();
        var problem = await (await city.PutJson("/api/city/targets", new
        {
            period = "2024-13",
            targets = new object[] { Item("district", "999999", "noSuchMetric", -1), Item("city", "140522", "newStarts", 1.5m) },
        })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "period", "targets[0].regionCode", "targets[0].metric", "targets[0].amount", "targets[1].regionCode", "targets[1].amount" })
            Assert.True(errors.TryGetProperty(field, out _), field);
    }
}
