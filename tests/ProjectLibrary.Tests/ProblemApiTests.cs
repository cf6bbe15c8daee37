using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using ProjectLibrary.Api.Features.Problems;

namespace ProjectLibrary.Tests;

/// <summary>On a project library of their own, whose clock they move: a deadline passes without waiting days.</summary>
public sealed class ProblemApiTests(ProjectsOnAFakeClockFactory factory) : IClassFixture<ProjectsOnAFakeClockFactory>
{
    DateOnly Today => DateOnly.FromDateTime(factory.Clock!.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    async Task<(HttpClient Office, Guid Project, Guid Problem)> Raised(string region = "140522")
    {
        var office = factory.Office(region);
        var project = await office.CreateProject(Samples.Project(region));
        var problem = await (await office.PostJson($"/api/projects/{project}/problems",
            new { title = "用地指标未落实", description = "需市级协调用地指标", category = "land" })).ShouldBe(HttpStatusCode.Created);
        Assert.Equal("found", problem.GetProperty("status").GetString());
        Assert.Equal("county", problem.GetProperty("level").GetString());
        return (office, project, problem.GetProperty("id").GetGuid());
    }

    object Assignment(int days) => new { department = "县自然资源局", assignee = "李科长", dueDate = Today.AddDays(days).ToString("yyyy-MM-dd") };

    [Fact]
    public async Task A_county_problem_runs_the_loop_at_the_county_office_and_each_step_is_published()
    {
        var (office, project, id) = await Raised();
        using var owned = office;
        await (await office.PostJson($"/api/problems/{id}/close", new { opinion = "同意" })).ShouldBeProblem(HttpStatusCode.Conflict, "invalid_transition");
        var assigned = await (await office.PostJson($"/api/problems/{id}/assign", new
        {
            leadUnit = "县自然资源局", responsibleLeader = "王副县长", responsibleSection = "用地科", assignee = "李科长",
            dueDate = Today.AddDays(30).ToString("yyyy-MM-dd"),
        })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("assigned", assigned.GetProperty("status").GetString());
        Assert.Equal("县自然资源局", assigned.GetProperty("leadUnit").GetString());
        Assert.Equal("用地科", assigned.GetProperty("responsibleSection").GetString());
        var noted = await (await office.PostJson($"/api/problems/{id}/notes", new { text = "已报市自然资源局" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("inProgress", noted.GetProperty("status").GetString());
        await (await office.PostJson($"/api/problems/{id}/request-close", new { resolution = "用地指标已落实", evidence = "晋自然资函〔2025〕8号" }))
            .ShouldBe(HttpStatusCode.OK);
        var returned = await (await office.PostJson($"/api/problems/{id}/return", new { opinion = "请附批复文件" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("inProgress", returned.GetProperty("status").GetString());
        Assert.Equal("请附批复文件", returned.GetProperty("opinion").GetString());
        await (await office.PostJson($"/api/problems/{id}/request-close", new { resolution = "用地指标已落实，附批复" })).ShouldBe(HttpStatusCode.OK);
        var closed = await (await office.PostJson($"/api/problems/{id}/close", new { })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("用地指标已落实，附批复", closed.GetProperty("resolution").GetString());
        await (await office.PostJson($"/api/problems/{id}/close", new { })).ShouldBeProblem(HttpStatusCode.Conflict, "invalid_transition");
        await (await office.PostJson($"/api/problems/{id}/reopen", new { opinion = "批复被撤回" })).ShouldBe(HttpStatusCode.OK);

        var problem = await (await office.GetAsync($"/api/problems/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("inProgress", problem.GetProperty("status").GetString());
        Assert.Equal(["progress", "closeRequest", "return", "closeRequest", "reopen"],
            problem.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("kind").GetString()));
        Assert.Equal(1, await factory.Count("ProblemRaised", id));
        Assert.Equal(1, await factory.Count("ProblemAssigned", id));
        Assert.Equal(1, await factory.Count("ProblemProgressed", id));
        Assert.Equal(2, await factory.Count("ProblemCloseRequested", id));
        Assert.Equal(1, await factory.Count("ProblemReturned", id));
        Assert.Equal(1, await factory.Count("ProblemClosed", id));
        Assert.Equal(1, await factory.Count("ProblemReopened", id));
        var onProject = await (await office.GetAsync($"/api/projects/{project}/problems")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(onProject.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Once_escalated_city_hq_assigns_and_closes_and_the_county_works_on_it_but_cannot_close_it()
    {
        var (office, _, id) = await Raised();
        using var owned = office;
        using var city = factory.ClientFor("city-hq", "140500");
        await (await city.PostJson($"/api/problems/{id}/assign", Assignment(20))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        var escalated = await (await office.PostAsync($"/api/problems/{id}/escalate", null)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("city", escalated.GetProperty("level").GetString());
        Assert.Equal("found", escalated.GetProperty("status").GetString());
        Assert.Equal("provincial", (await (await city.PostAsync($"/api/problems/{id}/escalate", null)).ShouldBe(HttpStatusCode.OK))
            .GetProperty("level").GetString());
        await (await city.PostAsync($"/api/problems/{id}/escalate", null)).ShouldBeProblem(HttpStatusCode.Conflict, "highest_level");

        await (await office.PostJson($"/api/problems/{id}/assign", Assignment(20))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await city.PostJson($"/api/problems/{id}/assign", new
        {
            leadUnit = "市自然资源局", responsibleLeader = "分管副市长", responsibleSection = "耕保科", assignee = "周处长",
            dueDate = Today.AddDays(20).ToString("yyyy-MM-dd"),
        })).ShouldBe(HttpStatusCode.OK);
        await (await office.PostAsync($"/api/problems/{id}/accept", null)).ShouldBe(HttpStatusCode.OK);
        await (await office.PostJson($"/api/problems/{id}/notes", new { text = "县里已完成补充材料" })).ShouldBe(HttpStatusCode.OK);
        await (await office.PostJson($"/api/problems/{id}/request-close", new { resolution = "指标已下达" })).ShouldBe(HttpStatusCode.OK);
        await (await office.PostJson($"/api/problems/{id}/close", new { })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await office.PostJson($"/api/problems/{id}/return", new { opinion = "x" })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        var closed = await (await city.PostJson($"/api/problems/{id}/close", new { opinion = "同意销号" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("同意销号", closed.GetProperty("opinion").GetString());
        Assert.Equal(1, await factory.Count("ProblemClosed", id));

        // Another county neither sees nor touches it; a township user of the county cannot handle it either.
        using var gaoping = factory.Office("140581");
        await (await gaoping.PostJson($"/api/problems/{id}/notes", new { text = "x" })).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await gaoping.PostJson($"/api/problems/{id}/reopen", new { opinion = "x" })).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Supervision_13710_starts_clocks_that_turn_overdue_with_time_and_are_listed_by_supervised_and_overdue()
    {
        var (office, _, id) = await Raised("140521");
        using var owned = office;
        await (await office.PostJson($"/api/problems/{id}/supervise", new { system = "12345", reference = "x" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        var supervised = await (await office.PostJson($"/api/problems/{id}/supervise", new { system = "13710", reference = "二季度13710交办-7" }))
            .ShouldBe(HttpStatusCode.OK);
        var clocks = supervised.GetProperty("supervision");
        Assert.Equal(Today.AddDays(1).ToString("yyyy-MM-dd"), clocks.GetProperty("arrange").GetProperty("due").GetString());
        Assert.Equal(Today.AddDays(10).ToString("yyyy-MM-dd"), clocks.GetProperty("answer").GetProperty("due").GetString());
        Assert.False(clocks.GetProperty("overdue").GetBoolean());
        await (await office.PostJson($"/api/problems/{id}/supervise", new { system = "13710", reference = "again" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "already_supervised");
        Assert.Equal("二季度13710交办-7", (await factory.LatestBody("ProblemSupervised", id)).GetProperty("reference").GetString());

        factory.Clock!.Advance(TimeSpan.FromDays(2)); // nobody arranged it within a day
        var late = await (await office.GetAsync($"/api/problems/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.True(late.GetProperty("supervision").GetProperty("arrange").GetProperty("overdue").GetBoolean());
        var overdue = await (await office.GetAsync("/api/problems?supervised=true&overdue=true&pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.Contains(overdue.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
        var unsupervised = await (await office.GetAsync("/api/problems?supervised=false&pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(unsupervised.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);

        await (await office.PostJson($"/api/problems/{id}/assign", Assignment(20))).ShouldBe(HttpStatusCode.OK);
        var arranged = await (await office.GetAsync($"/api/problems/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.False(arranged.GetProperty("supervision").GetProperty("overdue").GetBoolean());
        var none = await (await office.GetAsync("/api/problems?supervised=true&overdue=true&pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(none.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task A_major_problem_is_kept_and_filtered_by_severity()
    {
        using var office = factory.Office("140525");
        var project = await office.CreateProject(Samples.Project("140525"));
        var major = await (await office.PostJson($"/api/projects/{project}/problems",
            new { title = "征地补偿争议", category = "demolition", severity = "major" })).ShouldBe(HttpStatusCode.Created);
        Assert.Equal("major", major.GetProperty("severity").GetString());
        var id = major.GetProperty("id").GetGuid();
        Assert.Equal("major", (await factory.LatestBody("ProblemRaised", id)).GetProperty("severity").GetString());
        var list = await (await office.GetAsync("/api/problems?severity=major&pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
        Assert.All(list.GetProperty("items").EnumerateArray(), p => Assert.Equal("major", p.GetProperty("severity").GetString()));
        await (await office.GetAsync("/api/problems?severity=huge")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Bad_problem_input_is_400_a_past_deadline_is_422_and_a_stale_If_Match_is_412()
    {
        var (office, project, id) = await Raised();
        using var owned = office;
        var problem = await (await office.PostJson($"/api/projects/{project}/problems", new { description = "no title" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("title", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("category", out _));
        await (await office.PostJson($"/api/problems/{id}/assign", new { department = "县审批局" })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await office.PostJson($"/api/problems/{id}/assign", Assignment(-1))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "due_date_in_past");

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/problems/{id}/escalate");
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"5\""));
        await (await office.SendAsync(request)).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
    }

    [Fact]
    public async Task Problems_are_scoped_filtered_and_another_countys_are_404()
    {
        var (office, _, id) = await Raised("140524");
        using var owned = office;
        await (await office.PostJson($"/api/problems/{id}/assign", Assignment(10))).ShouldBe(HttpStatusCode.OK);

        var assigned = await (await office.GetAsync("/api/problems?status=assigned&department=县自然资源局&level=county&pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.Contains(assigned.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
        Assert.All(assigned.GetProperty("items").EnumerateArray(), p => Assert.Equal("140524", p.GetProperty("regionCode").GetString()));
        var overdue = await (await office.GetAsync("/api/problems?overdue=true&pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(overdue.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);

        using var yangcheng = factory.Office();
        await (await yangcheng.GetAsync($"/api/problems/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await yangcheng.PostAsync($"/api/problems/{id}/escalate", null)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        var theirs = await (await yangcheng.GetAsync("/api/problems?pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
        using var city = factory.ClientFor("city-hq", "140500");
        await (await city.GetAsync($"/api/problems/{id}")).ShouldBe(HttpStatusCode.OK);
        await (await city.PostAsync($"/api/problems/{id}/escalate", null)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task An_overdue_problem_is_escalated_automatically_exactly_once_even_with_concurrent_scans()
    {
        var (office, _, id) = await Raised();
        using var owned = office;
        await (await office.PostJson($"/api/problems/{id}/assign", Assignment(1))).ShouldBe(HttpStatusCode.OK);
        factory.Clock!.Advance(TimeSpan.FromDays(3)); // the deadline has passed
        // The background job is running every 300 ms; two more scans race it and each other.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ProblemScanner>().ScanOnceAsync(CancellationToken.None);
        }));
        await Eventually.True(async () => await factory.Count("ProblemEscalated", id) > 0, "the overdue problem to be escalated");
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ProblemScanner>().ScanOnceAsync(CancellationToken.None);

        Assert.Equal(1, await factory.Count("ProblemEscalated", id));
        Assert.True((await factory.LatestBody("ProblemEscalated", id)).GetProperty("automatic").GetBoolean());
        var problem = await (await office.GetAsync($"/api/problems/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("city", problem.GetProperty("level").GetString());
        Assert.True(problem.GetProperty("overdue").GetBoolean());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, problem.GetProperty("autoEscalatedAt").ValueKind);
    }

    [Fact]
    public async Task A_problem_due_within_the_reminder_days_is_reminded_once_by_the_background_job()
    {
        var (office, _, id) = await Raised();
        using var owned = office;
        await (await office.PostJson($"/api/problems/{id}/assign", Assignment(2))).ShouldBe(HttpStatusCode.OK);
        await Eventually.True(async () => await factory.Count("ProblemDueSoon", id) > 0, "a reminder to be sent");
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ProblemScanner>().ScanOnceAsync(CancellationToken.None);
        Assert.Equal(1, await factory.Count("ProblemDueSoon", id));
        Assert.Equal(0, await factory.Count("ProblemEscalated", id));
    }
}
