using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace EndToEnd.Tests;

/// <summary>Issue 3 through the gateway: lifecycle, monthly progress and 序时进度, the problem ledger, summaries, scope, demo data.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ProjectLibraryTests(PlatformFixture fixture)
{
    static async Task<Guid> Create(HttpClient client, Dictionary<string, object?> body) =>
        (await (await client.PostJson("/api/projects", body)).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    static Dictionary<string, object?> Planned(string tag, decimal annual = 12000m)
    {
        var body = ProjectSamples.Valid(name: $"凤凰路中段地下公共停车场及附属配套设施建设项目 {tag} {Guid.NewGuid().ToString("N")[..4]}");
        body["annualPlannedInvestment"] = annual;
        return body;
    }

    [Fact]
    public async Task A_project_moves_through_its_lifecycle_and_an_illegal_transition_is_409()
    {
        using var office = await fixture.SignedInAs("project-office@140522");
        var id = await Create(office, ProjectSamples.Valid());
        await (await office.PostJson($"/api/projects/{id}/stage", new { stage = "underConstruction", date = "2025-03-01" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "illegal_transition");
        await (await office.PostJson($"/api/projects/{id}/stage", new { stage = "preparation", date = "2025-02-01" })).ShouldBe(HttpStatusCode.OK);
        var started = await (await office.PostJson($"/api/projects/{id}/stage", new { stage = "underConstruction", date = "2025-03-01" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("2025-03-01", started.GetProperty("actualStartDate").GetString());

        var listed = await (await office.GetAsync($"/api/projects?stage=underConstruction&startKind=newStart&year=2025&q={started.GetProperty("name").GetString()}"))
            .ShouldBe(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        await (await office.PostJson($"/api/projects/{id}/stage", new { stage = "flying" })).ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_request");
    }

    [Fact]
    public async Task Monthly_progress_drives_the_schedule_warning_and_a_locked_month_is_409()
    {
        using var office = await fixture.SignedInAs("project-office@140524");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var body = Planned(tag);
        body["regionCode"] = "140524";
        var id = await Create(office, body);
        await (await office.PostJson($"/api/projects/{id}/progress", new { period = "2025-03", completedInvestment = 1500m, note = "主体施工" }))
            .ShouldBe(HttpStatusCode.Created);
        var project = await (await office.GetAsync($"/api/projects/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1500m, project.GetProperty("yearToDateInvestment").GetDecimal());
        Assert.Equal(3000m, project.GetProperty("expectedToDate").GetDecimal());
        Assert.Equal("behind", project.GetProperty("scheduleStatus").GetString());
        Assert.Equal("yellow", project.GetProperty("warningLevel").GetString());
        var laggards = await (await office.GetAsync($"/api/projects?behindSchedule=true&q={tag}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(laggards.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        await (await office.PostJson("/api/projects/progress/locks", new { regionCode = "140524", period = "2025-03" })).ShouldBe(HttpStatusCode.Created);
        await (await office.PostJson($"/api/projects/{id}/progress", new { period = "2025-03", completedInvestment = 3000m }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "period_locked");
        await (await office.DeleteAsync("/api/projects/progress/locks?regionCode=140524&period=2025-03")).ShouldBe(HttpStatusCode.NoContent);
        var corrected = await (await office.PostJson($"/api/projects/{id}/progress", new { period = "2025-03", completedInvestment = 3000m }))
            .ShouldBe(HttpStatusCode.OK);
        Assert.Equal(3000m, corrected.GetProperty("yearToDateInvestment").GetDecimal());
        await (await office.PostJson($"/api/projects/{id}/progress", new { period = "March", completedInvestment = 1m }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_stale_If_Match_is_412()
    {
        using var office = await fixture.SignedInAs("project-office@140522");
        var body = ProjectSamples.Valid();
        var id = await Create(office, body);
        await (await office.PostJson($"/api/projects/{id}/stage", new { stage = "preparation", date = "2025-02-01" })).ShouldBe(HttpStatusCode.OK);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/projects/{id}") { Content = JsonContent.Create(body) };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        await (await office.SendAsync(put)).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
    }

    [Fact]
    public async Task A_city_level_problem_runs_the_loop_with_city_hq_reviewing_and_409s_at_the_edges()
    {
        using var office = await fixture.SignedInAs("project-office@140522");
        using var city = await fixture.SignedInAs("city-hq@140500");
        var project = await Create(office, ProjectSamples.Valid());
        await (await office.PostJson($"/api/projects/{project}/problems", new { title = "" })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        var raised = await (await office.PostJson($"/api/projects/{project}/problems",
            new { title = "环评批复未取得", description = "需市生态环境局协调", category = "environment", level = "city" })).ShouldBe(HttpStatusCode.Created);
        var id = raised.GetProperty("id").GetGuid();
        await (await city.PostJson($"/api/problems/{id}/close", new { })).ShouldBeProblem(HttpStatusCode.Conflict, "invalid_transition");
        var due = DateTime.UtcNow.AddHours(8).AddDays(20).ToString("yyyy-MM-dd");
        var assignment = new { leadUnit = "晋城市生态环境局", responsibleLeader = "分管副市长", responsibleSection = "环评科", assignee = "赵科长", dueDate = due };
        await (await office.PostJson($"/api/problems/{id}/assign", assignment)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await city.PostJson($"/api/problems/{id}/assign", assignment)).ShouldBe(HttpStatusCode.OK);
        var noted = await (await office.PostJson($"/api/problems/{id}/notes", new { text = "已补报环评材料" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("inProgress", noted.GetProperty("status").GetString());
        await (await office.PostJson($"/api/problems/{id}/request-close", new { resolution = "已取得环评批复", evidence = "晋市环审〔2025〕3号" }))
            .ShouldBe(HttpStatusCode.OK);
        await (await office.PostJson($"/api/problems/{id}/close", new { })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await city.PostJson($"/api/problems/{id}/return", new { opinion = "请附批复原件" })).ShouldBe(HttpStatusCode.OK);
        await (await office.PostJson($"/api/problems/{id}/request-close", new { resolution = "已取得环评批复，附原件" })).ShouldBe(HttpStatusCode.OK);
        await (await city.PostJson($"/api/problems/{id}/close", new { opinion = "同意销号" })).ShouldBe(HttpStatusCode.OK);
        await (await city.PostJson($"/api/problems/{id}/close", new { })).ShouldBeProblem(HttpStatusCode.Conflict, "invalid_transition");

        var closed = await (await office.GetAsync($"/api/problems?status=closed&level=city&regionCode=140522&pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.Contains(closed.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
        var problem = await (await office.GetAsync($"/api/problems/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(["progress", "closeRequest", "return", "closeRequest", "closing"],
            problem.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("kind").GetString()));
        using var gaoping = await fixture.SignedInAs("project-office@140581");
        await (await gaoping.GetAsync($"/api/problems/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await gaoping.PostJson($"/api/problems/{id}/notes", new { text = "x" })).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task An_overdue_problem_is_escalated_by_the_background_job_exactly_once()
    {
        using var office = await fixture.SignedInAs("project-office@140522");
        var first = await OverdueProblem(office);
        await Eventually.True(async () => (await Problem(office, first)).GetProperty("level").GetString() == "city",
            "the overdue problem to be escalated", detail: fixture.Platform.Diagnostics);

        // A second overdue problem escalated later proves further scans ran; the first is not escalated again.
        var second = await OverdueProblem(office);
        await Eventually.True(async () => (await Problem(office, second)).GetProperty("level").GetString() == "city",
            "the second overdue problem to be escalated", detail: fixture.Platform.Diagnostics);
        Assert.Equal("city", (await Problem(office, first)).GetProperty("level").GetString());
        var events = await fixture.Platform.Databases["projects"].ScalarAsync<long>(
            "select count(*) from outbox_messages where message_type like '%.ProblemEscalated' and body->>'problemId' = @id", ("id", first.ToString()));
        Assert.Equal(1, events);
    }

    async Task<Guid> OverdueProblem(HttpClient office)
    {
        var project = await Create(office, ProjectSamples.Valid());
        var id = (await (await office.PostJson($"/api/projects/{project}/problems", new { title = "征地拆迁进度缓慢", category = "demolition" }))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var due = DateTime.UtcNow.AddHours(8).AddDays(10).ToString("yyyy-MM-dd");
        await (await office.PostJson($"/api/problems/{id}/assign", new { department = "县自然资源局", assignee = "钱科长", dueDate = due })).ShouldBe(HttpStatusCode.OK);
        // The deadline passes: nobody waits ten days in a test, so the date is moved in the service's own database.
        await fixture.Platform.Databases["projects"].ExecuteAsync($"update problems set due_date = current_date - 2 where id = '{id}'");
        return id;
    }

    static async Task<System.Text.Json.JsonElement> Problem(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/problems/{id}")).ShouldBe(HttpStatusCode.OK);

    [Fact]
    public async Task The_township_user_sees_only_its_townships_seeded_projects()
    {
        using var township = await fixture.SignedInAs("township@140522");
        var list = await (await township.GetAsync("/api/projects?pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.True(list.GetProperty("total").GetInt32() > 0, "the demo data puts projects in 凤城镇");
        Assert.All(list.GetProperty("items").EnumerateArray(), p => Assert.Equal("凤城镇", p.GetProperty("township").GetString()));
        using var county = await fixture.SignedInAs("project-office@140522");
        var countyList = await (await county.GetAsync("/api/projects?pageSize=200")).ShouldBe(HttpStatusCode.OK);
        var other = countyList.GetProperty("items").EnumerateArray()
            .First(p => p.GetProperty("township").ValueKind == System.Text.Json.JsonValueKind.Null || p.GetProperty("township").GetString() != "凤城镇")
            .GetProperty("id").GetGuid();
        await (await township.GetAsync($"/api/projects/{other}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task The_demo_library_shows_named_projects_laggards_and_a_monthly_summary_per_region()
    {
        using var county = await fixture.SignedInAs("project-office@140522");
        var named = await (await county.GetAsync("/api/projects?q=大唐阳城2×1000MW煤电项目")).ShouldBe(HttpStatusCode.OK);
        Assert.True(named.GetProperty("total").GetInt32() >= 1);
        var laggards = await (await county.GetAsync("/api/projects?behindSchedule=true&pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.All(laggards.GetProperty("items").EnumerateArray(), p => Assert.Equal("behind", p.GetProperty("scheduleStatus").GetString()));

        var month = DateTime.UtcNow.AddHours(8).AddMonths(-1).ToString("yyyy-MM");
        using var city = await fixture.SignedInAs("city-hq@140500");
        var summary = await (await city.GetAsync($"/api/projects/summary?period={month}")).ShouldBe(HttpStatusCode.OK);
        var regions = summary.GetProperty("regions").EnumerateArray().ToList();
        Assert.Equal(8, regions.Count);
        Assert.All(regions, r => Assert.True(r.GetProperty("projects").GetInt32() >= 15));
        Assert.True(regions.Sum(r => r.GetProperty("laggards").GetInt32()) > 0);
        var own = await (await county.GetAsync($"/api/projects/summary?period={month}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("140522", Assert.Single(own.GetProperty("regions").EnumerateArray()).GetProperty("regionCode").GetString());
    }
}
