using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace EndToEnd.Tests;

/// <summary>The first slice of the project library through the gateway: create, read, list, scope and bad input.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ProjectFoundationTests(PlatformFixture fixture)
{
    [Fact]
    public async Task Creating_a_project_answers_201_with_id_stage_and_etag()
    {
        using var client = await fixture.SignedInAs("project-office@140522");
        var response = await client.PostJson("/api/projects", ProjectSamples.Valid());
        var project = await response.ShouldBe(HttpStatusCode.Created);

        Assert.NotEqual(Guid.Empty, project.GetProperty("id").GetGuid());
        Assert.Equal("reserve", project.GetProperty("stage").GetString());
        Assert.Equal("county", project.GetProperty("keyLevel").GetString());
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal($"/api/projects/{project.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);

        var read = await client.GetAsync(response.Headers.Location);
        var body = await read.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(32000.50m, body.GetProperty("totalInvestment").GetDecimal());
        Assert.Equal(response.Headers.ETag, read.Headers.ETag);
    }

    [Fact]
    public async Task A_county_user_cannot_read_or_create_another_countys_project()
    {
        using var yangcheng = await fixture.SignedInAs("project-office@140522");
        using var gaoping = await fixture.SignedInAs("project-office@140581");
        var created = await (await gaoping.PostJson("/api/projects", ProjectSamples.Valid("140581"))).ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        await (await yangcheng.GetAsync($"/api/projects/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await yangcheng.PostJson("/api/projects", ProjectSamples.Valid("140581"))).ShouldBeProblem(HttpStatusCode.Forbidden);

        var list = await (await yangcheng.GetAsync("/api/projects?pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.All(list.GetProperty("items").EnumerateArray(), p => Assert.Equal("140522", p.GetProperty("regionCode").GetString()));
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task The_city_reads_every_countys_projects()
    {
        using var gaoping = await fixture.SignedInAs("project-office@140581");
        var created = await (await gaoping.PostJson("/api/projects", ProjectSamples.Valid("140581"))).ShouldBe(HttpStatusCode.Created);
        using var city = await fixture.SignedInAs("city-hq@140500");
        await (await city.GetAsync($"/api/projects/{created.GetProperty("id").GetGuid()}")).ShouldBe(HttpStatusCode.OK);
        var filtered = await (await city.GetAsync("/api/projects?regionCode=140581&pageSize=5")).ShouldBe(HttpStatusCode.OK);
        Assert.True(filtered.GetProperty("total").GetInt32() >= 1);
        Assert.True(filtered.GetProperty("items").GetArrayLength() <= 5);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        using var client = await fixture.SignedInAs("project-office@140522");
        var response = await client.PostAsync("/api/projects", new StringContent("{\"name\": \"x\", ", Encoding.UTF8, "application/json"));
        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_request");
    }

    [Fact]
    public async Task Missing_fields_are_a_400_problem_listing_each_field()
    {
        using var client = await fixture.SignedInAs("project-office@140522");
        var problem = await (await client.PostJson("/api/projects", new { name = "只有名称" })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "regionCode", "category", "nature", "totalInvestment", "annualPlannedInvestment", "year" })
            Assert.True(errors.TryGetProperty(field, out _), $"{field} should be reported: {problem}");
    }

    [Fact]
    public async Task Negative_money_is_a_400_problem()
    {
        using var client = await fixture.SignedInAs("project-office@140522");
        var body = ProjectSamples.Valid();
        body["totalInvestment"] = -1m;
        var problem = await (await client.PostJson("/api/projects", body)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("totalInvestment", out _));
    }

    [Fact]
    public async Task An_unknown_enum_value_is_a_400_problem()
    {
        using var client = await fixture.SignedInAs("project-office@140522");
        var body = ProjectSamples.Valid();
        body["category"] = "spaceport";
        var problem = await (await client.PostJson("/api/projects", body)).ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_request");
        Assert.Contains("category", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_malformed_national_project_code_is_a_400_and_a_duplicate_one_is_a_409()
    {
        using var client = await fixture.SignedInAs("project-office@140522");
        var bad = ProjectSamples.Valid();
        bad["nationalCode"] = "2503-140522-04-01-12345";
        await (await client.PostJson("/api/projects", bad)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        var code = $"2503-140522-04-01-{Random.Shared.Next(100000, 999999)}";
        var first = ProjectSamples.Valid();
        first["nationalCode"] = code;
        await (await client.PostJson("/api/projects", first)).ShouldBe(HttpStatusCode.Created);
        var second = ProjectSamples.Valid();
        second["nationalCode"] = code;
        await (await client.PostJson("/api/projects", second)).ShouldBeProblem(HttpStatusCode.Conflict, "duplicate_national_code");
    }

    [Fact]
    public async Task The_gateway_echoes_the_correlation_id_and_reports_aggregated_health()
    {
        using var client = await fixture.SignedInAs("project-office@140522");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/projects");
        request.Headers.Add("X-Correlation-Id", "trace-me-123");
        var response = await client.SendAsync(request);
        Assert.Equal("trace-me-123", response.Headers.GetValues("X-Correlation-Id").Single());

        var health = await (await client.GetAsync("/health/ready")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("healthy", health.GetProperty("checks").GetProperty("services").GetProperty("data").GetProperty("projects").GetString());
    }

    [Fact]
    public async Task The_gateway_serves_every_services_openapi_document()
    {
        using var client = fixture.Anonymous();
        var index = await (await client.GetAsync("/openapi")).ShouldBe(HttpStatusCode.OK);
        Assert.Contains(index.EnumerateArray(), d => d.GetProperty("service").GetString() == "projects");
        var document = await (await client.GetAsync("/openapi/projects.json")).ShouldBe(HttpStatusCode.OK);
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/projects", out _));
    }

    [Fact]
    public async Task Changes_are_audited_with_who_and_before_and_after()
    {
        using var client = await fixture.SignedInAs("project-office@140522");
        var created = await (await client.PostJson("/api/projects", ProjectSamples.Valid())).ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var audit = await (await client.GetAsync($"/api/projects/audit?entityType=Project&entityId={id}")).ShouldBe(HttpStatusCode.OK);
        var entry = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal("project-office@140522", entry.GetProperty("actor").GetString());
        Assert.Equal("created", entry.GetProperty("action").GetString());
        Assert.Contains("阳城县东部片区", entry.GetProperty("after").GetString());
    }
}
