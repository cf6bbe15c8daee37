using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funding.Api;
using Funding.Api.Features;
using Funding.Api.Features.Applications;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.ProjectLibrary;
using Platform.ServiceDefaults.Auth;
using Platform.Data;
using Platform.Testing;

namespace Funding.Tests;

/// <summary>The funding demo desk, on a database of its own: programmes at once, applications once the projects' events arrive.</summary>
public sealed class DemoSeedTests(DemoSeedTests.SeededFactory factory) : IClassFixture<DemoSeedTests.SeededFactory>
{
    public sealed class SeededFactory() : DemoSeededFactory<Program>("funding_demo");

    [Fact]
    public async Task The_policy_fund_batches_are_there_at_start_and_applications_in_every_state_follow_the_projects_events_once()
    {
        using var client = factory.ClientFor("funding", "140522");
        await Eventually.True(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "the service never became ready");
        var programmes = await client.GetFromJsonAsync<JsonElement>("/api/funding/programmes?pageSize=50");
        Assert.Equal(7, programmes.GetProperty("total").GetInt32());
        var names = programmes.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("2025年中央预算内投资（第一批）", names);
        Assert.Contains("2025年地方政府专项债券（第一批）", names);
        Assert.Contains("2025年超长期特别国债（第一批）", names);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var open = await client.GetFromJsonAsync<JsonElement>($"/api/funding/programmes?openOn={today:yyyy-MM-dd}");
        Assert.Equal(4, open.GetProperty("total").GetInt32());

        // The projects arrive as the library announces them; the waiting seed then applies for them.
        var bus = factory.Services.GetRequiredService<IBus>();
        foreach (var region in Regions.Codes)
            for (var i = 0; i < PolicyFundSeed.ProjectsNeeded; i++)
                await bus.Publish(new ProjectRegistered
                {
                    Project = Samples.Snapshot(region: region, totalInvestment: 20_000m, name: $"演示项目{region}-{i}"), Version = 1, OccurredAt = DateTimeOffset.UtcNow,
                });
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FundingDb>();
        await Eventually.True(async () => await db.Applications.Select(a => a.RegionCode).Distinct().CountAsync() == Regions.Codes.Count(),
            "the seed never applied for the projects of every region");

        var byStatus = await db.Applications.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var regions = Regions.Codes.Count();
        Assert.Equal(2 * regions, byStatus[ApplicationStatus.Approved]);
        foreach (var status in new[] { ApplicationStatus.Rejected, ApplicationStatus.Draft, ApplicationStatus.Submitted,
                     ApplicationStatus.CountyReview, ApplicationStatus.Recommended })
            Assert.Equal(regions, byStatus[status]);
        Assert.True(await db.Transfers.CountAsync() == 4 * regions, "each approved application has an allocation and a disbursement");
        var approvedEvents = await factory.Database.ScalarAsync<long>(
            "select count(*) from outbox_messages where message_type = 'Platform.Contracts.Funding.FundingApproved'");
        Assert.Equal(2 * regions, approvedEvents);
        var mine = await client.GetFromJsonAsync<JsonElement>("/api/funding/applications?pageSize=50");
        Assert.Equal(7, mine.GetProperty("total").GetInt32());

        var result = await scope.ServiceProvider.GetRequiredService<PolicyFundSeed>().SeedAsync(default);
        Assert.Equal(DemoSeedResult.Done, result);
        Assert.Equal(7, await db.Programmes.CountAsync());
        Assert.Equal(7 * regions, await db.Applications.CountAsync());
        Assert.Equal(4 * regions, await db.Transfers.CountAsync());
    }
}
