using System.Net;
using System.Text.Json;

namespace Approvals.Tests;

[Collection(ApprovalsCollection.Name)]
public sealed class ItemActionTests(ApprovalsFactory factory)
{
    static readonly Dictionary<string, string> AgencyOf = new()
    {
        ["project-approval"] = "发改局", ["land-presite"] = "自然资源局", ["land-planning-permit"] = "自然资源局",
        ["works-planning-permit"] = "自然资源局", ["eia"] = "生态环境局", ["energy-commitment"] = "发改局",
        ["soil-water"] = "水务局", ["construction-permit"] = "住建局",
    };

    async Task<JsonElement> NewChecklist(string region = "140522")
    {
        var project = ApprovalsFactory.Snapshot(region: region);
        await factory.Register(project);
        return await factory.Checklist(project.ProjectId);
    }

    HttpClient Agency(string agency, string region = "140522") => factory.ClientFor("approvals", region, agency: agency);

    async Task<long> Outbox(string type, Guid projectId) => await factory.Database.ScalarAsync<long>(
        "select count(*) from outbox_messages where message_type = @type and body->>'projectId' = @id",
        ("type", "Platform.Contracts.Approvals." + type), ("id", projectId.ToString()));

    [Fact]
    public async Task Agencies_approve_in_parallel_and_the_last_decision_publishes_ApprovalsCompleted_once()
    {
        var checklist = await NewChecklist();
        var projectId = checklist.GetProperty("projectId").GetGuid();
        using var office = factory.ClientFor("project-office", "140522");

        async Task Through(string code, bool withDeficiency = false)
        {
            var id = ApprovalsFactory.ItemId(checklist, code);
            using var agency = Agency(AgencyOf[code]);
            await (await office.PostJson($"/api/approvals/items/{id}/submit")).ShouldBe(HttpStatusCode.OK);
            await (await agency.PostJson($"/api/approvals/items/{id}/accept")).ShouldBe(HttpStatusCode.OK);
            var decided = withDeficiency
                ? await agency.PostJson($"/api/approvals/items/{id}/acceptWithDeficiency", new { missingDocuments = new[] { "排污许可申请材料" }, commitDueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)) })
                : await agency.PostJson($"/api/approvals/items/{id}/approve", new { documentNumber = $"阳{code}〔2025〕1号" });
            await decided.ShouldBe(HttpStatusCode.OK);
        }

        // 并联审批: everything without dependencies at once, then the chains.
        await Task.WhenAll(Through("project-approval"), Through("land-presite"), Through("eia", withDeficiency: true),
            Through("energy-commitment"), Through("soil-water"));
        await Through("land-planning-permit");
        await Through("works-planning-permit");
        Assert.Equal(0, await Outbox("ApprovalsCompleted", projectId));
        await Through("construction-permit");

        checklist = await factory.Checklist(projectId);
        Assert.True(checklist.GetProperty("readyToStart").GetBoolean());
        Assert.Equal(1, await Outbox("ApprovalsCompleted", projectId));
        Assert.Equal(8, await Outbox("ApprovalDecided", projectId));

        // Supplying the 容缺 papers later approves the item without a second ApprovalsCompleted.
        using var eco = Agency("生态环境局");
        var supplemented = await (await eco.PostJson($"/api/approvals/items/{ApprovalsFactory.ItemId(checklist, "eia")}/supplement")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("approved", supplemented.GetProperty("status").GetString());
        Assert.Equal(1, await Outbox("ApprovalsCompleted", projectId));
        Assert.Equal(9, await Outbox("ApprovalDecided", projectId));
    }

    [Fact]
    public async Task An_agency_cannot_act_on_another_agencys_item()
    {
        var checklist = await NewChecklist();
        var land = ApprovalsFactory.ItemId(checklist, "land-presite");
        using var office = factory.ClientFor("project-office", "140522");
        await (await office.PostJson($"/api/approvals/items/{land}/submit")).ShouldBe(HttpStatusCode.OK);

        using var eco = Agency("生态环境局");
        await (await eco.PostJson($"/api/approvals/items/{land}/accept")).ShouldBeProblem(HttpStatusCode.Forbidden, "not_your_item");
        using var otherCounty = Agency("自然资源局", "140524");
        await (await otherCounty.PostJson($"/api/approvals/items/{land}/accept")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        using var coordinator = factory.ClientFor("approvals", "140522");
        await (await coordinator.PostJson($"/api/approvals/items/{land}/accept")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Only_the_applicant_side_or_its_agent_submits()
    {
        var checklist = await NewChecklist();
        var eia = ApprovalsFactory.ItemId(checklist, "eia");
        using var helper = factory.ClientFor("approvals", "140522", agency: "行政审批服务管理局");
        await (await helper.PostJson($"/api/approvals/items/{eia}/submit")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");

        using var coordinator = factory.ClientFor("approvals", "140522");
        var assigned = await (await coordinator.PostJson($"/api/approvals/items/{eia}/agent", new { agent = "approvals@140522" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("approvals@140522", assigned.GetProperty("agent").GetString());
        await (await helper.PostJson($"/api/approvals/items/{eia}/submit")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_item_cannot_be_submitted_before_what_it_depends_on_is_through()
    {
        var checklist = await NewChecklist();
        using var office = factory.ClientFor("project-office", "140522");
        var problem = await (await office.PostJson($"/api/approvals/items/{ApprovalsFactory.ItemId(checklist, "construction-permit")}/submit"))
            .ShouldBeProblem(HttpStatusCode.Conflict, "dependencies_pending");
        Assert.Contains("works-planning-permit", problem.GetProperty("detail").GetString());
        await (await office.PostJson($"/api/approvals/items/{ApprovalsFactory.ItemId(checklist, "eia")}/approve")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        using var eco = Agency("生态环境局");
        await (await eco.PostJson($"/api/approvals/items/{ApprovalsFactory.ItemId(checklist, "eia")}/approve")).ShouldBeProblem(HttpStatusCode.Conflict, "illegal_transition");
    }

    [Fact]
    public async Task Bad_input_is_a_400_listing_the_fields()
    {
        var checklist = await NewChecklist();
        var eia = ApprovalsFactory.ItemId(checklist, "eia");
        using var office = factory.ClientFor("project-office", "140522");
        using var eco = Agency("生态环境局");
        await (await office.PostJson($"/api/approvals/items/{eia}/submit", new { date = "2999-01-01" })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await office.PostJson($"/api/approvals/items/{eia}/submit", new { date = "not-a-date" })).ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_request");
        await (await office.PostJson($"/api/approvals/items/{eia}/submit")).ShouldBe(HttpStatusCode.OK);

        var reject = await (await eco.PostJson($"/api/approvals/items/{eia}/reject", new { reason = " " })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(reject.GetProperty("errors").TryGetProperty("reason", out _));
        var deficiency = await (await eco.PostJson($"/api/approvals/items/{eia}/acceptWithDeficiency", new { missingDocuments = Array.Empty<string>() }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(deficiency.GetProperty("errors").TryGetProperty("missingDocuments", out _));
        Assert.True(deficiency.GetProperty("errors").TryGetProperty("commitDueDate", out _));
        await (await eco.GetAsync("/api/approvals/items?warning=late")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await eco.GetAsync("/api/approvals/items?status=done")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await eco.GetAsync("/api/approvals/pre-start")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await eco.PostJson($"/api/approvals/items/{Guid.NewGuid()}/accept")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task An_item_past_its_limit_is_overdue_and_a_late_容缺_commitment_is_flagged()
    {
        var checklist = await NewChecklist();
        var (eia, soil) = (ApprovalsFactory.ItemId(checklist, "eia"), ApprovalsFactory.ItemId(checklist, "soil-water"));
        using var office = factory.ClientFor("project-office", "140522");
        foreach (var id in new[] { eia, soil }) await (await office.PostJson($"/api/approvals/items/{id}/submit", new { date = "2025-03-03" })).ShouldBe(HttpStatusCode.OK);
        using var eco = Agency("生态环境局");
        var accepted = await (await eco.PostJson($"/api/approvals/items/{eia}/accept", new { date = "2025-03-03" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("2025-04-15", accepted.GetProperty("dueDate").GetString()); // 30 working days, 清明 4 April excluded
        Assert.Equal("overdue", accepted.GetProperty("warning").GetString());
        using var water = Agency("水务局");
        await (await water.PostJson($"/api/approvals/items/{soil}/acceptWithDeficiency",
            new { date = "2025-03-04", missingDocuments = new[] { "水土保持方案报告表" }, commitDueDate = "2025-03-20" })).ShouldBe(HttpStatusCode.OK);

        var overdue = await (await eco.GetAsync("/api/approvals/overdue?pageSize=200")).ShouldBe(HttpStatusCode.OK);
        var warnings = overdue.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetGuid(), i => i.GetProperty("warning").GetString());
        Assert.Equal("overdue", warnings[eia]);
        Assert.Equal("commitmentOverdue", warnings[soil]);

        var worklist = await (await eco.GetAsync($"/api/approvals/items?agency=生态环境局&overdue=true&projectId={checklist.GetProperty("projectId")}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, worklist.GetProperty("total").GetInt32());
        Assert.Equal(eia, worklist.GetProperty("items")[0].GetProperty("id").GetGuid());
        var deficient = await (await water.GetAsync($"/api/approvals/items?status=acceptedWithDeficiency&projectId={checklist.GetProperty("projectId")}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(soil, Assert.Single(deficient.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }
}
