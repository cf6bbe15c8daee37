using System.Net;
using City.Api;
using City.Api.Features.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;

namespace City.Tests;

[Collection(CityCollection.Name)]
public sealed class DemoTargetsTests(CityFactory factory)
{
    [Fact]
    public async Task The_overview_opens_on_this_month_with_a_demo_target_for_every_region_and_a_second_seed_adds_nothing()
    {
        await factory.ReadyAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        using var city = factory.City();
        var overview = await (await city.GetAsync($"/api/city/overview?period={today:yyyy-MM}")).ShouldBe(HttpStatusCode.OK);
        foreach (var region in overview.GetProperty("regions").EnumerateArray().Where(r => r.GetProperty("regionCode").GetString() != "140500"))
            foreach (var metric in new[] { "fixedAssetInvestment", "signedTotalInvestment", "fundsSecured", "newStarts", "inclusions" })
                Assert.True(region.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == metric)
                    .GetProperty("target").GetDecimal() > 0, $"{region.GetProperty("regionCode")} has a {metric} target");

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CityDb>();
        var year = today.Year.ToString();
        // 阳城's own 2025 figures (阳政办发〔2025〕19号), in 万元; the other districts' are derived and marked as demo.
        var yangcheng = await db.Targets.Where(t => t.Period == year && t.RegionCode == "140522" && t.Level == TargetLevel.District)
            .ToDictionaryAsync(t => t.Metric, t => t.Amount);
        Assert.Equal((1_675_000m, 1_950_000m, 40_000m),
            (yangcheng[Metrics.FixedAssetInvestment], yangcheng[Metrics.SignedTotalInvestment], yangcheng[Metrics.FundsSecured]));
        Assert.All(await db.Targets.Where(t => t.Period.StartsWith(year)).Select(t => t.Note).Distinct().ToListAsync(),
            note => Assert.Equal(DemoTargets.YearNote, note));
        var cityTotal = await db.Targets.SingleAsync(t => t.Period == year && t.Level == TargetLevel.City && t.Metric == Metrics.FixedAssetInvestment);
        Assert.Equal(await db.Targets.Where(t => t.Period == year && t.Level == TargetLevel.District && t.Metric == Metrics.FixedAssetInvestment).SumAsync(t => t.Amount),
            cityTotal.Amount);

        var count = await db.Targets.CountAsync();
        await scope.ServiceProvider.GetRequiredService<DemoTargets>().SeedAsync(default);
        Assert.Equal(count, await db.Targets.CountAsync());
    }
}
