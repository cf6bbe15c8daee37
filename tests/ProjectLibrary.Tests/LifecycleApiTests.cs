using System.Net;
using System.Net.Http.Headers;

namespace ProjectLibrary.Tests;

[Collection(ProjectsCollection.Name)]
public sealed class LifecycleApiTests(ProjectsFactory factory)
{
    [Fact]
    public async Task Entering_construction_records_the_actual_start_and_publishes_ProjectStarted_and_ProjectStageChanged()
    {
        using var office = factory.Office();
        var id = await office.CreateProject(Samples.Project());
        await (await office.PostJson($"/api/projects/{id}/stage", new { stage = "preparation", date = "2025-02-01" })).ShouldBe(HttpStatusCode.OK);
        var started = await (await office.PostJson($"/api/projects/{id}/stage", new { stage = "underConstruction", date = "2025-03-10" })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("underConstruction", started.GetProperty("stage").GetString());
        Assert.Equal("2025-03-10", started.GetProperty("actualStartDate").GetString());
        Assert.Equal(3, started.GetProperty("version").GetInt64());
        Assert.Equal(1, await factory.Count("ProjectStarted", id));
        Assert.Equal(2, await factory.Count("ProjectStageChanged", id));
        Assert.Equal("underConstruction", (await factory.LatestBody("ProjectStageChanged", id)).GetProperty("toStage").GetString());

        var in2025 = await (await office.GetAsync($"/api/projects/{id}?year=2025")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("newStart", in2025.GetProperty("startKind").GetString());
        var in2026 = await (await office.GetAsync($"/api/projects/{id}?year=2026")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("continuing", in2026.GetProperty("startKind").GetString());

        var completed = await (await office.PostJson($"/api/projects/{id}/stage", new { stage = "completed", date = "2025-09-30" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("2025-09-30", completed.GetProperty("actualFinishDate").GetString());
    }

    [Fact]
    public async Task An_illegal_transition_is_a_409_and_changes_nothing()
    {
        using var office = factory.Office();
        var id = await office.CreateProject(Samples.Project());
        await (await office.PostJson($"/api/projects/{id}/stage", new { stage = "completed", date = "2025-02-01" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "illegal_transition");
        var project = await (await office.GetAsync($"/api/projects/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("reserve", project.GetProperty("stage").GetString());
        Assert.Equal(0, await factory.Count("ProjectStageChanged", id));
    }

    [Fact]
    public async Task Suspending_and_resuming_returns_to_the_previous_stage()
    {
        using var office = factory.Office();
        var id = await office.CreateProject(Samples.Project());
        await (await office.PostJson($"/api/projects/{id}/stage", new { stage = "preparation", date = "2025-02-01" })).ShouldBe(HttpStatusCode.OK);
        await (await office.PostJson($"/api/projects/{id}/stage", new { stage = "suspended", date = "2025-03-01" })).ShouldBe(HttpStatusCode.OK);
        await (await office.PostJson($"/api/projects/{id}/stage", new { stage = "underConstruction", date = "2025-04-01" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "illegal_transition");
        var resumed = await (await office.PostJson($"/api/projects/{id}/stage", new { stage = "preparation", date = "2025-04-01" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("preparation", resumed.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task A_date_in_the_future_or_before_the_previous_transition_is_refused_with_422()
    {
        using var office = factory.Office();
        var id = await office.CreateProject(Samples.Project());
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(1);
        await (await office.PostJson($"/api/projects/{id}/stage", new { stage = "preparation", date = tomorrow.ToString("yyyy-MM-dd") }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "date_in_future");
        await (await office.PostJson($"/api/projects/{id}/stage", new { stage = "preparation", date = "2025-05-01" })).ShouldBe(HttpStatusCode.OK);
        await (await office.PostJson($"/api/projects/{id}/stage", new { stage = "underConstruction", date = "2025-04-30" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "date_before_previous_transition");
    }

    [Fact]
    public async Task Bad_stage_input_is_a_400_problem()
    {
        using var office = factory.Office();
        var id = await office.CreateProject(Samples.Project());
        await (await office.PostJson($"/api/projects/{id}/stage", new { stage = "demolished" })).ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_request");
        var problem = await (await office.PostJson($"/api/projects/{id}/stage", new { date = "2025-05-01" })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("stage", out _));
    }

    [Fact]
    public async Task A_stale_If_Match_on_a_stage_change_is_412_and_another_countys_project_is_404()
    {
        using var office = factory.Office();
        var id = await office.CreateProject(Samples.Project());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/projects/{id}/stage")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { stage = "preparation", date = "2025-02-01" }),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"7\""));
        await (await office.SendAsync(request)).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");

        using var gaoping = factory.Office("140581");
        await (await gaoping.PostJson($"/api/projects/{id}/stage", new { stage = "preparation", date = "2025-02-01" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Put_requires_If_Match_and_refuses_a_stale_one()
    {
        using var office = factory.Office();
        var body = Samples.Project();
        var id = await office.CreateProject(body);
        await (await office.PutAsync($"/api/projects/{id}", System.Net.Http.Json.JsonContent.Create(body)))
            .ShouldBeProblem((HttpStatusCode)428, "precondition_required");
        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/projects/{id}") { Content = System.Net.Http.Json.JsonContent.Create(body) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"9\""));
        await (await office.SendAsync(stale)).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
        using var fresh = new HttpRequestMessage(HttpMethod.Put, $"/api/projects/{id}") { Content = System.Net.Http.Json.JsonContent.Create(body) };
        fresh.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        await (await office.SendAsync(fresh)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, await factory.Count("ProjectUpdated", id));
    }

    [Fact]
    public async Task New_starts_and_continuing_projects_are_told_apart_by_the_startKind_filter()
    {
        using var office = factory.Office();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var fresh = await Started(office, tag, "2025-04-01");
        var older = await Started(office, tag, "2024-06-01");

        var newStarts = await (await office.GetAsync($"/api/projects?startKind=newStart&year=2025&q={tag}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal([fresh], newStarts.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        var continuing = await (await office.GetAsync($"/api/projects?startKind=continuing&year=2025&q={tag}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal([older], continuing.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
    }

    static async Task<Guid> Started(HttpClient office, string tag, string start)
    {
        var body = Samples.Project();
        body["name"] = $"凤凰街市政基础设施更新改造项目 {tag} {Guid.NewGuid().ToString("N")[..4]}";
        var id = await office.CreateProject(body);
        var prep = DateOnly.Parse(start).AddDays(-30).ToString("yyyy-MM-dd");
        await (await office.PostJson($"/api/projects/{id}/stage", new { stage = "preparation", date = prep })).ShouldBe(HttpStatusCode.OK);
        await (await office.PostJson($"/api/projects/{id}/stage", new { stage = "underConstruction", date = start })).ShouldBe(HttpStatusCode.OK);
        return id;
    }
}
