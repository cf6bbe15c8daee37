using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.ProjectLibrary;
using Platform.ServiceDefaults.Auth;
using Platform.Data;
using Platform.Testing;
using Statistics.Api;
using Statistics.Api.Features.Inclusions;

namespace Statistics.Tests;

/// <summary>The statistics demo desk, on a database of its own: seeded once the started projects' events arrive.</summary>
public sealed class DemoSeedTests(DemoSeedTests.SeededFactory factory) : IClassFixture<DemoSeedTests.SeededFactory>
{
    public sealed class SeededFactory() : DemoSeededFactory<Program>("statistics_demo");

    const int PerRegion = 7;

    [Fact]
    public async Task Inclusions_decided_and_pending_and_official_figures_appear_once_the_started_projects_arrive_and_a_second_run_adds_nothing()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StatisticsDb>();
        Assert.Equal(BusHealthStatus.Healthy, await factory.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60)));
        Assert.Equal(0, await db.Inclusions.CountAsync()); // nothing to include before the library's projects are known

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var bus = factory.Services.GetRequiredService<IBus>();
        foreach (var region in Regions.Codes)
            for (var i = 0; i < PerRegion; i++)
                await bus.Publish(new ProjectRegistered
                {
                    Project = StatisticsFactory.Snapshot(Guid.NewGuid(), $"演示在建项目{region}-{i}", region, 20_000m, "underConstruction", new DateOnly(today.Year, 1, 10)),
                    Version = 1, OccurredAt = DateTimeOffset.UtcNow,
                });
        var regions = Regions.Codes.Count();
        // A region's inclusions and its months of figures are saved one after another: wait for the last region's last month.
        await Eventually.True(async () => await db.Inclusions.Select(i => i.RegionCode).Distinct().CountAsync() == regions
                && await db.OfficialFigures.CountAsync() >= 3 * regions * today.Month,
            "the seed to decide inclusions and record figures in every region");

        var byStatus = await db.Inclusions.GroupBy(i => i.Status).ToDictionaryAsync(g => g.Key, g => g.Count());
        Assert.Equal(3 * regions, byStatus[InclusionStatus.Approved]);
        Assert.Equal(2 * regions, byStatus[InclusionStatus.Submitted]);
        Assert.Equal(regions, byStatus[InclusionStatus.Rejected]);
        var figures = await db.OfficialFigures.CountAsync();
        Assert.Equal(3 * regions * today.Month, figures);
        Assert.True(await db.OfficialFigures.AnyAsync(f => f.Period == $"{today.Year}-{today.Month:00}" && f.CompletedInvestment > 0));

        using var bureau = factory.ClientFor("statistics", "140522");
        var desk = await bureau.GetFromJsonAsync<JsonElement>("/api/statistics/inclusions");
        Assert.Equal(6, desk.GetProperty("total").GetInt32());
        var pending = await bureau.GetFromJsonAsync<JsonElement>("/api/statistics/pending");
        Assert.True(pending.GetProperty("total").GetInt32() >= 1, "a started project is left 已开工未入统");

        Assert.Equal(DemoSeedResult.Done, await scope.ServiceProvider.GetRequiredService<InclusionSeed>().SeedAsync(default));
        Assert.Equal(6 * regions, await db.Inclusions.CountAsync());
        Assert.Equal(figures, await db.OfficialFigures.CountAsync());
        Assert.Equal(3L * regions, await factory.Database.ScalarAsync<long>(
            "select count(*) from outbox_messages where message_type = 'Platform.Contracts.Statistics.InclusionApproved'"));
    }
}
