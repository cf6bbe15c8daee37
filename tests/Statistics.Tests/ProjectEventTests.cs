using System.Net;
using System.Net.Http.Json;
using Platform.Contracts.ProjectLibrary;
using static Statistics.Tests.StatisticsFactory;

namespace Statistics.Tests;

/// <summary>The local project view, fed by the project library's events, and the 已开工未入统 list built on it.</summary>
public sealed class ProjectEventTests(StatisticsFactory factory) : IClassFixture<StatisticsFactory>
{
    async Task<long> Count(string sql, Guid id) => await factory.Database.ScalarAsync<long>(sql, ("id", id.ToString()));

    Task<long> AuditRows(Guid id, string entityType = "ProjectView") =>
        factory.Database.ScalarAsync<long>("select count(*) from audit_log where entity_type = @t and entity_id = @id", ("t", entityType), ("id", id.ToString()));

    [Fact]
    public async Task A_started_project_above_the_threshold_is_pending_with_its_days_since_start()
    {
        var started = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-45);
        var id = await factory.StartedProject("阳城县凤城镇污水管网改造工程", total: 3200m, started: started);
        var small = await factory.StartedProject("阳城县小型便民设施", total: 499m, started: started);
        var notStarted = Guid.NewGuid();
        await factory.Register(Snapshot(notStarted, "阳城县储备项目", total: 9000m));

        using var bureau = factory.ClientFor("statistics", "140522");
        var page = await (await bureau.GetAsync("/api/statistics/pending?pageSize=200")).ShouldBe(HttpStatusCode.OK);
        var items = page.GetProperty("items").EnumerateArray().ToList();
        var item = Assert.Single(items, i => i.GetProperty("projectId").GetGuid() == id);
        Assert.Equal(45, item.GetProperty("daysSinceStart").GetInt32());
        Assert.Equal("阳城县", item.GetProperty("regionName").GetString());
        Assert.DoesNotContain(items, i => i.GetProperty("projectId").GetGuid() == small);
        Assert.DoesNotContain(items, i => i.GetProperty("projectId").GetGuid() == notStarted);

        var summary = await (await bureau.GetAsync("/api/statistics/pending/by-region")).ShouldBe(HttpStatusCode.OK);
        var region = Assert.Single(summary.GetProperty("regions").EnumerateArray());
        Assert.Equal("140522", region.GetProperty("regionCode").GetString());
        Assert.True(region.GetProperty("count").GetInt32() >= 1);
        Assert.Equal(500m, summary.GetProperty("thresholdWan").GetDecimal());
    }

    [Fact]
    public async Task Another_county_does_not_see_the_project_and_the_city_does()
    {
        var id = await factory.StartedProject("阳城县东城区集中供热改造", total: 800m);
        using var gaoping = factory.ClientFor("statistics", "140581");
        var theirs = await (await gaoping.GetAsync("/api/statistics/pending?pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), i => i.GetProperty("projectId").GetGuid() == id);
        Assert.All(theirs.GetProperty("items").EnumerateArray(), i => Assert.Equal("140581", i.GetProperty("regionCode").GetString()));
        await (await gaoping.PostAsJsonAsync("/api/statistics/inclusions", Materials(id))).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");

        using var city = factory.ClientFor("city-hq", "140500");
        var all = await (await city.GetAsync("/api/statistics/pending?regionCode=140522&pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.Contains(all.GetProperty("items").EnumerateArray(), i => i.GetProperty("projectId").GetGuid() == id);
    }

    [Fact]
    public async Task A_redelivered_ProjectRegistered_changes_nothing()
    {
        var id = Guid.NewGuid();
        var message = new ProjectRegistered { Project = Snapshot(id, "阳城县重复投递测试项目甲"), Version = 1, OccurredAt = DateTimeOffset.UtcNow };
        var messageId = Guid.NewGuid();
        await factory.Deliver(message, messageId);
        await factory.Deliver(message, messageId);
        Assert.Equal(1, await AuditRows(id));
        Assert.Equal(1, await Count("select count(*) from project_views where id = @id::uuid", id));
    }

    [Fact]
    public async Task A_redelivered_ProjectUpdated_changes_nothing_and_an_older_update_is_ignored()
    {
        var id = Guid.NewGuid();
        await factory.Register(Snapshot(id, "阳城县重复投递测试项目乙"));
        var update = new ProjectUpdated { Project = Snapshot(id, "阳城县重复投递测试项目乙（更名）", total: 7000m), Version = 3, OccurredAt = DateTimeOffset.UtcNow };
        var messageId = Guid.NewGuid();
        await factory.Deliver(update, messageId);
        await factory.Deliver(update, messageId);
        await factory.Deliver(new ProjectUpdated { Project = Snapshot(id, "旧名称", total: 1m), Version = 2, OccurredAt = DateTimeOffset.UtcNow });

        Assert.Equal(2, await AuditRows(id));
        Assert.Equal(7000m, await factory.Database.ScalarAsync<decimal>("select total_investment from project_views where id = @id::uuid", ("id", id.ToString())));
    }

    [Fact]
    public async Task A_redelivered_ProjectStarted_changes_nothing()
    {
        var id = Guid.NewGuid();
        await factory.Register(Snapshot(id, "阳城县重复投递测试项目丙", total: 900m));
        var started = new ProjectStarted { ProjectId = id, RegionCode = "140522", ActualStartDate = new DateOnly(2025, 4, 1), TotalInvestment = 900m, Version = 2, OccurredAt = DateTimeOffset.UtcNow };
        var messageId = Guid.NewGuid();
        await factory.Deliver(started, messageId);
        // A later suspension, then the start again: neither the inbox nor the version lets it bring the stage back.
        await factory.Deliver(new ProjectStageChanged { ProjectId = id, RegionCode = "140522", FromStage = "underConstruction", ToStage = "suspended", Date = new DateOnly(2025, 5, 1), Version = 3, OccurredAt = DateTimeOffset.UtcNow });
        await factory.Deliver(started, messageId);

        Assert.Equal(3, await AuditRows(id));
        Assert.Equal("suspended", await factory.Database.ScalarAsync<string>("select stage from project_views where id = @id::uuid", ("id", id.ToString())));
        Assert.Equal(1, await Count("select count(*) from inbox_messages where message_id = @id::uuid", messageId));
    }

    [Fact]
    public async Task A_redelivered_ProjectStageChanged_changes_nothing_and_a_start_by_stage_sets_the_start_date()
    {
        var id = Guid.NewGuid();
        await factory.Register(Snapshot(id, "阳城县重复投递测试项目丁", total: 900m, stage: "preparation"));
        var changed = new ProjectStageChanged { ProjectId = id, RegionCode = "140522", FromStage = "preparation", ToStage = "underConstruction", Date = new DateOnly(2025, 4, 8), Version = 2, OccurredAt = DateTimeOffset.UtcNow };
        var messageId = Guid.NewGuid();
        await factory.Deliver(changed, messageId);
        await factory.Deliver(changed, messageId);

        Assert.Equal(2, await AuditRows(id));
        Assert.Equal("2025-04-08", await factory.Database.ScalarAsync<string>("select actual_start_date::text from project_views where id = @id::uuid", ("id", id.ToString())));
    }

    [Fact]
    public async Task A_redelivered_ProgressReported_changes_nothing()
    {
        var id = Guid.NewGuid();
        var progress = new ProgressReported { ProjectId = id, RegionCode = "140522", Period = "2025-03", CompletedInvestment = 300m, YearToDateInvestment = 800m, Version = 5, OccurredAt = DateTimeOffset.UtcNow };
        var messageId = Guid.NewGuid();
        await factory.Deliver(progress, messageId);
        await factory.Deliver(progress with { CompletedInvestment = 999m, Version = 6 }, messageId);

        Assert.Equal(300m, await factory.Database.ScalarAsync<decimal>("select completed_investment from scheduled_figures where project_id = @id::uuid", ("id", id.ToString())));
        Assert.Equal(1, await factory.Database.ScalarAsync<long>("select count(*) from audit_log where entity_type = 'ScheduledFigure' and entity_id like @id", ("id", id + "%")));
    }
}
