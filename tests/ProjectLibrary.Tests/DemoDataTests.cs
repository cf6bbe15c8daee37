using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectLibrary.Api;
using ProjectLibrary.Api.Features.Problems;
using ProjectLibrary.Api.Seeding;
using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Tests;

/// <summary>The demo library, on a database of its own (the other tests count exact figures).</summary>
public sealed class DemoDataTests : IClassFixture<DemoDataTests.SeededFactory>
{
    public sealed class SeededFactory : ProjectsFactoryBase;
    public class ProjectsFactoryBase() : Platform.Testing.ServiceFactory<Program>("projects_seed")
    {
        protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?> { ["Platform:SeedDemoData"] = "true" };
    }

    readonly SeededFactory _factory;
    public DemoDataTests(SeededFactory factory) => _factory = factory;

    [Fact]
    public async Task Every_region_gets_named_projects_with_progress_laggards_problems_and_events_and_a_second_run_adds_nothing()
    {
        _ = _factory.Server; // starts the service, which seeds
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectsDb>();

        var perRegion = await db.Projects.GroupBy(p => p.RegionCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Assert.Equal(8, perRegion.Count);
        Assert.All(perRegion, r => Assert.Equal(DemoProjects.PerRegion, r.Count));
        Assert.True(await db.Projects.AnyAsync(p => p.Name == "大唐阳城2×1000MW煤电项目" && p.RegionCode == "140522"));
        Assert.True(await db.Projects.AnyAsync(p => p.Name == "阳城县东部片区一体化供水工程"));
        Assert.True(await db.Projects.AnyAsync(p => p.RegionCode == "140522" && p.Township == "凤城镇"));
        Assert.True(await db.Projects.CountAsync(p => p.ActualStartDate != null) > 40);
        Assert.True(await db.Progress.AnyAsync());
        Assert.True(await db.Projects.CountAsync(p => p.YearToDateInvestment * 12 < p.AnnualPlannedInvestment * p.ReportedThroughMonth) > 5);
        Assert.True(await db.Problems.AnyAsync(p => p.Status == ProblemStatus.Assigned || p.Status == ProblemStatus.InProgress));
        foreach (var status in Enum.GetValues<ProblemStatus>())
            Assert.True(await db.Problems.AnyAsync(p => p.Status == status), $"the demo data has a {status} problem");
        Assert.True(await db.Problems.AnyAsync(p => p.SupervisedAt != null), "the demo data has a problem under 13710 supervision");
        var registered = await _factory.Database.ScalarAsync<long>(
            "select count(*) from outbox_messages where message_type = 'Platform.Contracts.ProjectLibrary.ProjectRegistered'");
        Assert.Equal(8 * DemoProjects.PerRegion, registered);
        var names = await db.Projects.OrderBy(p => p.Name).Select(p => p.Name).ToListAsync();

        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(default);
        Assert.Equal(8 * DemoProjects.PerRegion, await db.Projects.CountAsync());
        Assert.Equal(names, await db.Projects.OrderBy(p => p.Name).Select(p => p.Name).ToListAsync());
        Assert.All(await db.Projects.Select(p => p.Stage).ToListAsync(), s => Assert.True(Enum.IsDefined(s)));
        Assert.Contains(await db.Projects.Select(p => p.Stage).Distinct().ToListAsync(), s => s == ProjectStage.UnderConstruction);
    }
}
