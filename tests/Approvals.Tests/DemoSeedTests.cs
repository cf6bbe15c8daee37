using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Api;
using Approvals.Api.Features.Items;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.ProjectLibrary;
using Platform.ServiceDefaults.Auth;
using Platform.Data;
using Platform.Testing;

namespace Approvals.Tests;

/// <summary>The approvals demo desk, on a database of its own: seeded once the projects' checklists exist.</summary>
public sealed class DemoSeedTests(DemoSeedTests.SeededFactory factory) : IClassFixture<DemoSeedTests.SeededFactory>
{
    public sealed class SeededFactory() : DemoSeededFactory<Program>("approvals_demo");

    [Fact]
    public async Task Checklist_items_stand_in_every_state_once_the_projects_arrive_and_a_second_run_adds_nothing()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalsDb>();
        Assert.Equal(BusHealthStatus.Healthy, await factory.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60)));

        var bus = factory.Services.GetRequiredService<IBus>();
        foreach (var region in Regions.Codes)
            for (var i = 0; i < ProcedureDriveSeed.ChecklistsNeeded; i++)
                await bus.Publish(new ProjectRegistered { Project = ApprovalsFactory.Snapshot(region: region), Version = 1, OccurredAt = DateTimeOffset.UtcNow });
        await Eventually.True(async () => await db.ChecklistItems.Where(i => i.Status != ItemStatus.NotStarted).Select(i => i.RegionCode).Distinct()
            .CountAsync() == Regions.Codes.Count(), "the seed to work through the checklists of every region", seconds: 90);

        var states = await db.ChecklistItems.Select(i => i.Status).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<ItemStatus>().OrderBy(s => s), states.OrderBy(s => s));
        Assert.True(await db.ChecklistItems.CountAsync(i => i.Agent != null) >= Regions.Codes.Count(), "帮办代办 in every region");
        var completed = await factory.Database.ScalarAsync<long>(
            "select count(*) from outbox_messages where message_type = 'Platform.Contracts.Approvals.ApprovalsCompleted'");
        Assert.Equal(Regions.Codes.Count(), completed);
        using var bureau = factory.ClientFor("approvals", "140522");
        var overdue = await bureau.GetFromJsonAsync<JsonElement>("/api/approvals/overdue");
        Assert.True(overdue.GetProperty("total").GetInt32() >= 1, "an accepted item past its statutory limit");

        var before = await db.ChecklistItems.AsNoTracking().OrderBy(i => i.Id).Select(i => new { i.Id, i.Status, i.Version }).ToListAsync();
        Assert.Equal(DemoSeedResult.Done, await scope.ServiceProvider.GetRequiredService<ProcedureDriveSeed>().SeedAsync(default));
        var after = await db.ChecklistItems.AsNoTracking().OrderBy(i => i.Id).Select(i => new { i.Id, i.Status, i.Version }).ToListAsync();
        Assert.Equal(before, after);
    }
}
