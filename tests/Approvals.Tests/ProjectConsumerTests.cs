using System.Net;
using Platform.Contracts.ProjectLibrary;

namespace Approvals.Tests;

[Collection(ApprovalsCollection.Name)]
public sealed class ProjectConsumerTests(ApprovalsFactory factory)
{
    static readonly string[] FullList =
        ["project-approval", "land-presite", "land-planning-permit", "works-planning-permit", "eia", "energy-commitment", "soil-water", "construction-permit"];

    async Task<long> Scalar(string sql, Guid id) => await factory.Database.ScalarAsync<long>(sql, ("id", id));

    [Fact]
    public async Task A_registered_project_gets_its_checklist_from_the_rules_and_the_catalogue()
    {
        var project = ApprovalsFactory.Snapshot();
        await factory.Register(project);
        var checklist = await factory.Checklist(project.ProjectId);

        Assert.Equal(FullList, ApprovalsFactory.Codes(checklist));
        var eia = checklist.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "eia");
        Assert.Equal("环评批复", eia.GetProperty("name").GetString());
        Assert.Equal("生态环境局", eia.GetProperty("agency").GetString());
        Assert.Equal("notStarted", eia.GetProperty("status").GetString());
        Assert.Equal(30, eia.GetProperty("timeLimitWorkingDays").GetInt32());
        Assert.False(checklist.GetProperty("readyToStart").GetBoolean());
        Assert.Equal(8, checklist.GetProperty("requiredItems").GetInt32());
    }

    [Fact]
    public async Task Duplicate_delivery_of_ProjectRegistered_builds_one_checklist()
    {
        var project = ApprovalsFactory.Snapshot();
        var messageId = Guid.NewGuid();
        var republished = Guid.NewGuid();
        await factory.Register(project, messageId: messageId);
        await factory.Register(project, messageId: messageId);
        await factory.Register(project, messageId: republished); // the same event published twice under another id
        await factory.UntilHandled(messageId, republished);
        await factory.Checklist(project.ProjectId);

        Assert.Equal(1, await Scalar("select count(*) from projects where project_id = @id", project.ProjectId));
        Assert.Equal(FullList.Length, await Scalar("select count(*) from checklist_items where project_id = @id", project.ProjectId));
    }

    [Fact]
    public async Task An_update_re_evaluates_the_checklist_only_when_what_decides_it_changed_and_keeps_items_acted_on()
    {
        var project = ApprovalsFactory.Snapshot();
        await factory.Register(project);
        var checklist = await factory.Checklist(project.ProjectId);
        using var office = factory.ClientFor("project-office", "140522");
        await (await office.PostJson($"/api/approvals/items/{ApprovalsFactory.ItemId(checklist, "land-presite")}/submit")).ShouldBe(HttpStatusCode.OK);

        // 改建 needs no new land: the untouched land-use permit and the soil-water plan go, the submitted pre-review stays.
        var renovation = project with { Nature = "renovation" };
        await factory.Publish(new ProjectUpdated { Project = renovation, Version = 2, OccurredAt = DateTimeOffset.UtcNow });
        checklist = await factory.Checklist(project.ProjectId, c => !ApprovalsFactory.Codes(c).Contains("land-planning-permit"));
        Assert.Contains("land-presite", ApprovalsFactory.Codes(checklist));
        Assert.DoesNotContain("soil-water", ApprovalsFactory.Codes(checklist));

        // A renamed project keeps its checklist as it is; a stale version changes nothing.
        var stale = Guid.NewGuid();
        await factory.Publish(new ProjectUpdated { Project = renovation with { Name = "阳城县供水工程（改建）" }, Version = 3, OccurredAt = DateTimeOffset.UtcNow });
        await factory.Publish(new ProjectUpdated { Project = project, Version = 2, OccurredAt = DateTimeOffset.UtcNow }, stale);
        checklist = await factory.Checklist(project.ProjectId, c => c.GetProperty("projectName").GetString() == "阳城县供水工程（改建）");
        await factory.UntilHandled(stale);
        checklist = await factory.Checklist(project.ProjectId);
        Assert.Equal(["project-approval", "land-presite", "works-planning-permit", "eia", "energy-commitment", "construction-permit"], ApprovalsFactory.Codes(checklist));
        Assert.Equal("submitted", checklist.GetProperty("items")[1].GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_update_that_arrives_before_the_registration_builds_the_checklist_and_the_late_registration_is_ignored()
    {
        var project = ApprovalsFactory.Snapshot(total: 500m);
        var updated = project with { Name = "先到的更新" };
        await factory.Publish(new ProjectUpdated { Project = updated, Version = 2, OccurredAt = DateTimeOffset.UtcNow });
        await factory.Checklist(project.ProjectId);
        var late = Guid.NewGuid();
        await factory.Register(project, version: 1, messageId: late);
        await factory.UntilHandled(late);

        var checklist = await factory.Checklist(project.ProjectId);
        Assert.Equal("先到的更新", checklist.GetProperty("projectName").GetString());
        Assert.DoesNotContain("soil-water", ApprovalsFactory.Codes(checklist)); // 500 万 is below the soil-water threshold
    }
}
