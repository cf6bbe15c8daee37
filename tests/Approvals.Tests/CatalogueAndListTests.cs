using System.Net;
using System.Net.Http.Json;

namespace Approvals.Tests;

[Collection(ApprovalsCollection.Name)]
public sealed class CatalogueAndListTests(ApprovalsFactory factory)
{
    static object Procedure(string code, params string[] dependsOn) => new
    {
        code, name = "消防设计审查", agency = "住建局", timeLimitWorkingDays = 15, requiredBeforeStart = true, dependsOn,
    };

    [Fact]
    public async Task The_catalogue_is_seeded_with_the_usual_procedures_and_stable_codes()
    {
        using var client = factory.ClientFor("project-office", "140522");
        var page = await (await client.GetAsync("/api/approvals/procedures?pageSize=50")).ShouldBe(HttpStatusCode.OK);
        var byCode = page.GetProperty("items").EnumerateArray().ToDictionary(p => p.GetProperty("code").GetString()!);
        foreach (var code in new[] { "project-approval", "land-presite", "land-planning-permit", "works-planning-permit", "eia", "energy-review", "energy-commitment", "soil-water", "construction-permit" })
            Assert.True(byCode.ContainsKey(code), code);
        Assert.Equal(["works-planning-permit", "eia"], byCode["construction-permit"].GetProperty("dependsOn").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("自然资源局", byCode["land-planning-permit"].GetProperty("agency").GetString());
    }

    [Fact]
    public async Task Only_the_citys_administrator_edits_the_catalogue_and_dependencies_must_be_sound()
    {
        var code = "fire-" + Guid.NewGuid().ToString("N")[..6];
        using var county = factory.ClientFor("admin", "140522");
        await (await county.PostJson("/api/approvals/procedures", Procedure(code))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");

        using var city = factory.ClientFor("admin", "140500");
        await (await city.PostJson("/api/approvals/procedures", Procedure(code, "no-such-code"))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "invalid_dependencies");
        await (await city.PostJson("/api/approvals/procedures", new { code = "Bad Code" })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        var created = await city.PostJson("/api/approvals/procedures", Procedure(code, "works-planning-permit"));
        await created.ShouldBe(HttpStatusCode.Created);
        await (await city.PostJson("/api/approvals/procedures", Procedure(code))).ShouldBeProblem(HttpStatusCode.Conflict, "duplicate_procedure");

        var change = new { code, name = "消防设计审查", agency = "住建局", timeLimitWorkingDays = 10, requiredBeforeStart = false, active = false };
        await (await city.PutAsJsonAsync($"/api/approvals/procedures/{code}", change)).ShouldBeProblem(HttpStatusCode.PreconditionRequired, "precondition_required");
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/approvals/procedures/{code}") { Content = JsonContent.Create(change) };
        put.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.Tag);
        var updated = await (await city.SendAsync(put)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(10, updated.GetProperty("timeLimitWorkingDays").GetInt32());
        Assert.Equal(2, updated.GetProperty("version").GetInt64());

        // construction-permit → works-planning-permit → … ; making works-planning-permit depend on it would be a cycle.
        var cyclic = new { code = "works-planning-permit", name = "建设工程规划许可", agency = "自然资源局", timeLimitWorkingDays = 20, requiredBeforeStart = true, dependsOn = new[] { "construction-permit" } };
        using var cycle = new HttpRequestMessage(HttpMethod.Put, "/api/approvals/procedures/works-planning-permit") { Content = JsonContent.Create(cyclic) };
        cycle.Headers.TryAddWithoutValidation("If-Match", "*");
        await (await city.SendAsync(cycle)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "invalid_dependencies");
    }

    [Fact]
    public async Task Lists_are_scoped_to_the_callers_region()
    {
        var mine = ApprovalsFactory.Snapshot(region: "140522", plannedStart: new DateOnly(2031, 4, 1));
        var theirs = ApprovalsFactory.Snapshot(region: "140524", plannedStart: new DateOnly(2031, 5, 1));
        await factory.Register(mine);
        await factory.Register(theirs);
        await factory.Checklist(mine.ProjectId);
        await factory.Checklist(theirs.ProjectId);

        using var yangcheng = factory.ClientFor("approvals", "140522");
        await (await yangcheng.GetAsync($"/api/approvals/projects/{theirs.ProjectId}/checklist")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        var items = await (await yangcheng.GetAsync($"/api/approvals/items?projectId={theirs.ProjectId}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, items.GetProperty("total").GetInt32());

        var preStart = await (await yangcheng.GetAsync("/api/approvals/pre-start?year=2031")).ShouldBe(HttpStatusCode.OK);
        var projects = preStart.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(projects, p => p.GetProperty("projectId").GetGuid() == mine.ProjectId);
        Assert.DoesNotContain(projects, p => p.GetProperty("projectId").GetGuid() == theirs.ProjectId);
        var row = projects.Single(p => p.GetProperty("projectId").GetGuid() == mine.ProjectId);
        Assert.Equal(8, row.GetProperty("pendingItems").GetArrayLength());
        Assert.False(row.GetProperty("readyToStart").GetBoolean());

        using var city = factory.ClientFor("city-hq", "140500");
        var cityWide = await (await city.GetAsync("/api/approvals/pre-start?year=2031&pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.Contains(cityWide.GetProperty("items").EnumerateArray(), p => p.GetProperty("projectId").GetGuid() == theirs.ProjectId);
    }

    [Fact]
    public async Task Every_change_is_in_the_audit_trail_with_who_made_it()
    {
        var project = ApprovalsFactory.Snapshot();
        await factory.Register(project);
        var checklist = await factory.Checklist(project.ProjectId);
        var eia = ApprovalsFactory.ItemId(checklist, "eia");
        using var office = factory.ClientFor("project-office", "140522");
        await (await office.PostJson($"/api/approvals/items/{eia}/submit")).ShouldBe(HttpStatusCode.OK);

        var trail = await (await office.GetAsync($"/api/approvals/audit?entityType=ChecklistItem&entityId={eia}")).ShouldBe(HttpStatusCode.OK);
        var actors = trail.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("actor").GetString()).ToList();
        Assert.Contains("project-office@140522", actors);
        Assert.Contains("system:ProjectRegistered", actors);
    }

    [Fact]
    public async Task An_energy_estimate_of_10000_tce_or_more_swaps_the_untouched_commitment_for_an_energy_review()
    {
        var project = ApprovalsFactory.Snapshot();
        await factory.Register(project);
        await factory.Checklist(project.ProjectId);
        var url = $"/api/approvals/projects/{project.ProjectId}/energy";

        using var ecology = factory.ClientFor("approvals", "140522", agency: "生态环境局");
        await (await ecology.PutAsJsonAsync(url, new { energyConsumptionTce = 12_000m })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        using var development = factory.ClientFor("approvals", "140522", agency: "发改局");
        await (await development.PutAsJsonAsync(url, new { energyConsumptionTce = -1m })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        var checklist = await (await development.PutAsJsonAsync(url, new { energyConsumptionTce = 12_000m })).ShouldBe(HttpStatusCode.OK);
        Assert.Contains("energy-review", ApprovalsFactory.Codes(checklist));
        Assert.DoesNotContain("energy-commitment", ApprovalsFactory.Codes(checklist));
        checklist = await (await development.PutAsJsonAsync(url, new { energyConsumptionTce = 800m })).ShouldBe(HttpStatusCode.OK);
        Assert.Contains("energy-commitment", ApprovalsFactory.Codes(checklist));
        Assert.DoesNotContain("energy-review", ApprovalsFactory.Codes(checklist));
    }
}
