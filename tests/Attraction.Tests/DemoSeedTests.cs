using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attraction.Api;
using Attraction.Api.Features;
using Attraction.Api.Features.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;

namespace Attraction.Tests;

/// <summary>The investment promotion demo desk (the 2023 winter campaign), on a database of its own.</summary>
public sealed class DemoSeedTests(DemoSeedTests.SeededFactory factory) : IClassFixture<DemoSeedTests.SeededFactory>
{
    public sealed class SeededFactory() : DemoSeededFactory<Program>("attraction_demo");

    const int Counties = 7;

    [Fact]
    public async Task Every_county_finds_enterprises_leads_at_every_stage_and_winter_campaign_deals_with_funds_and_a_second_run_adds_nothing()
    {
        using var centre = factory.ClientFor("attraction", "140522");
        Assert.Equal(HttpStatusCode.OK, (await centre.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(4, (await centre.GetFromJsonAsync<JsonElement>("/api/attraction/enterprises")).GetProperty("total").GetInt32());
        Assert.Equal(6, (await centre.GetFromJsonAsync<JsonElement>("/api/attraction/leads")).GetProperty("total").GetInt32());
        var deals = await centre.GetFromJsonAsync<JsonElement>("/api/attraction/deals");
        Assert.Equal(2, deals.GetProperty("total").GetInt32());
        var winter = await centre.GetFromJsonAsync<JsonElement>("/api/attraction/summary?period=2023-Q4");
        Assert.True(winter.GetProperty("total").GetProperty("signedTotalInvestment").GetDecimal() > 0);
        Assert.True(winter.GetProperty("total").GetProperty("fundsInPlace").GetDecimal() > 0);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttractionDb>();
        Assert.Equal(Enum.GetValues<LeadStage>().OrderBy(s => s), (await db.Leads.Select(l => l.Stage).Distinct().ToListAsync()).OrderBy(s => s));
        Assert.All(await db.Deals.ToListAsync(), d => Assert.InRange(d.SignedOn, new DateOnly(2023, 11, 1), new DateOnly(2024, 2, 20)));
        var counts = await CountsAsync(db);
        Assert.Equal((4 * Counties, 6 * Counties, 2 * Counties, 3 * Counties), counts);
        var events = await factory.Database.ScalarAsync<long>(
            "select count(*) from outbox_messages where message_type in ('Platform.Contracts.Attraction.DealSigned', 'Platform.Contracts.Attraction.FundsArrived')");
        Assert.Equal(5L * Counties, events);

        await scope.ServiceProvider.GetRequiredService<WinterCampaignSeed>().SeedAsync(default);
        Assert.Equal(counts, await CountsAsync(db));
    }

    static async Task<(int, int, int, int)> CountsAsync(AttractionDb db) =>
        (await db.Enterprises.CountAsync(), await db.Leads.CountAsync(), await db.Deals.CountAsync(), await db.FundsArrivals.CountAsync());
}
