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
    public async Task A_problem_goes_from_found_to_assigned_escalated_and_closed_and_each_step_is_published()
    {
        var (office, project, id) = await Raised();
        using var owned = office;
        var assigned = await (await office.PostJson($"/api/problems/{id}/assign", Assignment(30))).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("assigned", assigned.GetProperty("status").GetString());
        var city = await (await office.PostAsync($"/api/problems/{id}/escalate", null)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("city", city.GetProperty("level").GetString());
        Assert.Equal("escalated", city.GetProperty("status").GetString());
        await (await office.PostAsync($"/api/problems/{id}/escalate", null)).ShouldBe(HttpStatusCode.OK);
        await (await office.PostAsync($"/api/problems/{id}/escalate", null)).ShouldBeProblem(HttpStatusCode.Conflict, "highest_level");
        var closed = await (await office.PostJson($"/api/problems/{id}/close", new { resolution = "省自然资源厅已批复用地指标" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        await (await office.PostJson($"/api/problems/{id}/close", new { resolution = "again" })).ShouldBeProblem(HttpStatusCode.Conflict, "already_closed");

        Assert.Equal(1, await factory.Count("ProblemRaised", id));
        Assert.Equal(1, await factory.Count("ProblemAssigned", id));
        Assert.Equal(2, await factory.Count("ProblemEscalated", id));
        Assert.Equal(1, await factory.Count("ProblemClosed", id));
        var onProject = await (await office.GetAsync($"/api/projects/{project}/problems")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(onProject.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
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
