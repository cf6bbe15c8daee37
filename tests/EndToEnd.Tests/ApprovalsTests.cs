using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>
/// Pre-construction approvals through the gateway: the project library's ProjectRegistered builds the checklist in the
/// approvals service, agencies decide in parallel, and ApprovalsCompleted makes the project ready to start in the
/// library — by events only, each service on its own database.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ApprovalsTests(PlatformFixture fixture)
{
    async Task<(Guid ProjectId, JsonElement Checklist)> RegisteredProjectWithChecklist(HttpClient reader)
    {
        using var office = await fixture.SignedInAs("project-office@140522");
        var project = await (await office.PostJson("/api/projects", ProjectSamples.Valid())).ShouldBe(HttpStatusCode.Created);
        var id = project.GetProperty("id").GetGuid();
        var checklist = await Eventually.Found(async () =>
        {
            using var response = await reader.GetAsync($"/api/approvals/projects/{id}/checklist");
            return response.StatusCode == HttpStatusCode.OK ? await response.ReadJson() : (JsonElement?)null;
        }, "a checklist built from ProjectRegistered", 20, detail: fixture.Platform.Diagnostics);
        return (id, checklist);
    }

    static Guid Item(JsonElement checklist, string code) =>
        checklist.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();

    /// <summary>An approvals user of one agency, created through the identity admin API.</summary>
    async Task<HttpClient> AgencyUser(string agency)
    {
        using var admin = await fixture.SignedInAs("admin@140522");
        var userName = $"agency-{Guid.NewGuid().ToString("N")[..8]}@140522";
        const string password = "Agency@E2e2025";
        await (await admin.PostJson("/api/identity/accounts", new
        {
            userName, displayName = agency + " 审批科", password, regionCode = "140522", role = "approvals", agency,
        })).ShouldBe(HttpStatusCode.Created);
        var client = fixture.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await PlatformFixture.TokenFor(client, userName, password));
        return client;
    }

    [Fact]
    public async Task A_registered_project_gets_its_checklist_agencies_approve_in_parallel_and_it_becomes_ready_to_start()
    {
        using var coordinator = await fixture.SignedInAs("approvals@140522");
        var (projectId, checklist) = await RegisteredProjectWithChecklist(coordinator);
        var codes = checklist.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Equal(["project-approval", "land-presite", "land-planning-permit", "works-planning-permit", "eia", "energy-commitment", "soil-water", "construction-permit"], codes);
        Assert.All(checklist.GetProperty("items").EnumerateArray(), i => Assert.Equal("notStarted", i.GetProperty("status").GetString()));

        using var office = await fixture.SignedInAs("project-office@140522");
        await (await office.PostJson($"/api/approvals/items/{Item(checklist, "construction-permit")}/submit", new { }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "dependencies_pending");

        async Task Through(string code)
        {
            var id = Item(checklist, code);
            await (await office.PostJson($"/api/approvals/items/{id}/submit", new { })).ShouldBe(HttpStatusCode.OK);
            var accepted = await (await coordinator.PostJson($"/api/approvals/items/{id}/accept", new { })).ShouldBe(HttpStatusCode.OK);
            Assert.True(accepted.TryGetProperty("dueDate", out var due) && due.ValueKind == JsonValueKind.String, "an accepted item has a due date");
            await (await coordinator.PostJson($"/api/approvals/items/{id}/approve", new { documentNumber = "阳审〔2025〕" + code })).ShouldBe(HttpStatusCode.OK);
        }

        // 并联审批: the items without dependencies at once, then the planning chain and the construction permit.
        await Task.WhenAll(Through("project-approval"), Through("land-presite"), Through("eia"), Through("energy-commitment"), Through("soil-water"));
        await Through("land-planning-permit");
        await Through("works-planning-permit");
        await Through("construction-permit");

        var done = await (await coordinator.GetAsync($"/api/approvals/projects/{projectId}/checklist")).ShouldBe(HttpStatusCode.OK);
        Assert.True(done.GetProperty("readyToStart").GetBoolean(), "the approvals service considers the checklist complete");

        // ApprovalsCompleted → the project library marks the project 手续完备.
        await Eventually.True(async () =>
                (await (await office.GetAsync($"/api/projects/{projectId}")).ShouldBe(HttpStatusCode.OK)).GetProperty("readyToStart").GetBoolean(),
            "the project library to mark the project ready to start", 20, detail: fixture.Platform.Diagnostics);
    }

    [Fact]
    public async Task An_agency_cannot_act_on_another_agencys_item_but_decides_its_own()
    {
        using var coordinator = await fixture.SignedInAs("approvals@140522");
        var (_, checklist) = await RegisteredProjectWithChecklist(coordinator);
        using var office = await fixture.SignedInAs("project-office@140522");
        var (land, eia) = (Item(checklist, "land-presite"), Item(checklist, "eia"));
        await (await office.PostJson($"/api/approvals/items/{land}/submit", new { })).ShouldBe(HttpStatusCode.OK);
        await (await office.PostJson($"/api/approvals/items/{eia}/submit", new { })).ShouldBe(HttpStatusCode.OK);

        using var ecology = await AgencyUser("生态环境局");
        await (await ecology.PostJson($"/api/approvals/items/{land}/accept", new { })).ShouldBeProblem(HttpStatusCode.Forbidden, "not_your_item");
        var accepted = await (await ecology.PostJson($"/api/approvals/items/{eia}/acceptWithDeficiency", new
        {
            missingDocuments = new[] { "公众参与说明" }, commitDueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)),
        })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("acceptedWithDeficiency", accepted.GetProperty("status").GetString());

        using var otherCounty = await fixture.SignedInAs("approvals@140524");
        await (await otherCounty.PostJson($"/api/approvals/items/{land}/accept", new { })).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");

        var worklist = await (await ecology.GetAsync("/api/approvals/items?agency=生态环境局&status=acceptedWithDeficiency&pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.Contains(worklist.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == eia);
    }

    [Fact]
    public async Task Bad_input_to_the_approvals_service_is_a_400_problem()
    {
        using var coordinator = await fixture.SignedInAs("approvals@140522");
        var (_, checklist) = await RegisteredProjectWithChecklist(coordinator);
        using var office = await fixture.SignedInAs("project-office@140522");
        var eia = Item(checklist, "eia");
        await (await office.PostJson($"/api/approvals/items/{eia}/submit", new { })).ShouldBe(HttpStatusCode.OK);

        var problem = await (await coordinator.PostJson($"/api/approvals/items/{eia}/reject", new { reason = "" })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        await (await coordinator.PostJson($"/api/approvals/items/{eia}/accept", new { date = "yesterday" })).ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_request");
        await (await coordinator.GetAsync("/api/approvals/pre-start")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }
}
