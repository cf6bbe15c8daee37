using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Funding.Tests;

[Collection(FundingCollection.Name)]
public sealed class ScopeAndInputTests(FundingFactory factory)
{
    async Task<Guid> DraftFor(string region, string? township = null)
    {
        var project = await factory.KnownProject(region, township: township);
        var programme = await factory.Programme();
        using var county = factory.ClientFor("funding", region);
        var created = await (await county.PostAsJsonAsync("/api/funding/applications",
            new { projectId = project.ProjectId, programmeId = programme, requestedAmount = 100m })).ShouldBe(HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Another_county_sees_no_trace_of_an_application_and_the_city_reads_it()
    {
        var id = await DraftFor("140522");
        using var other = factory.ClientFor("funding", "140521");
        await (await other.GetAsync($"/api/funding/applications/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await other.PostAsync($"/api/funding/applications/{id}/submit", null)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        var list = await (await other.GetAsync("/api/funding/applications?pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        var audit = await (await other.GetAsync($"/api/funding/audit?entityId={id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, audit.GetProperty("total").GetInt32());

        using var city = factory.ClientFor("city-hq", "140500");
        var seen = await (await city.GetAsync($"/api/funding/applications?regionCode=140522&status=draft&pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.Contains(seen.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Only_the_funding_bureau_of_the_project_county_changes_an_application()
    {
        var id = await DraftFor("140522");
        using var projectOffice = factory.ClientFor("project-office", "140522");
        await (await projectOffice.PostAsync($"/api/funding/applications/{id}/submit", null)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        using var city = factory.ClientFor("funding", "140500");
        await (await city.PostAsync($"/api/funding/applications/{id}/submit", null)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        using var projectOfficeRead = factory.ClientFor("project-office", "140522");
        await (await projectOfficeRead.GetAsync($"/api/funding/applications/{id}")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_township_reads_only_its_own_township_applications()
    {
        var mine = await DraftFor("140522", township: "凤城镇");
        var theirs = await DraftFor("140522", township: "北留镇");
        using var township = factory.ClientFor("township", "140522", township: "凤城镇");
        await (await township.GetAsync($"/api/funding/applications/{mine}")).ShouldBe(HttpStatusCode.OK);
        await (await township.GetAsync($"/api/funding/applications/{theirs}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_county_programme_is_decided_by_the_county_and_invisible_to_other_counties()
    {
        var project = await factory.KnownProject("140524");
        var programme = await factory.Programme("preliminaryFee", owner: "140524");
        using var other = factory.ClientFor("funding", "140522");
        await (await other.GetAsync($"/api/funding/programmes/{programme}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");

        using var county = factory.ClientFor("funding", "140524");
        var id = (await (await county.PostAsJsonAsync("/api/funding/applications",
            new { projectId = project.ProjectId, programmeId = programme, requestedAmount = 50m })).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        foreach (var step in new[] { "submit", "review", "recommend" })
            await (await county.PostAsync($"/api/funding/applications/{id}/{step}", null)).ShouldBe(HttpStatusCode.OK);
        using var city = factory.ClientFor("funding", "140500");
        await (await city.PostAsJsonAsync($"/api/funding/applications/{id}/approve", new { approvedAmount = 50m })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await county.PostAsJsonAsync($"/api/funding/applications/{id}/approve", new { approvedAmount = 40m })).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Programmes_are_opened_only_by_funding_bureaus()
    {
        using var projectOffice = factory.ClientFor("project-office", "140500");
        var response = await projectOffice.PostAsJsonAsync("/api/funding/programmes", new
        {
            name = "x", kind = "other", year = 2025, batch = "1", opensOn = "2025-01-01", closesOn = "2025-12-31", maxShare = 0.5m,
        });
        await response.ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Bad_input_is_a_400_listing_every_wrong_field()
    {
        using var city = factory.ClientFor("funding", "140500");
        var programme = await (await city.PostAsJsonAsync("/api/funding/programmes", new
        {
            name = "", year = 1800, batch = "", opensOn = "2025-06-01", closesOn = "2025-01-01", maxShare = 1.5m, eligibleCategories = new[] { "casino" },
        })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "name", "kind", "year", "batch", "closesOn", "maxShare", "eligibleCategories" })
            Assert.True(programme.GetProperty("errors").TryGetProperty(field, out _), field);

        var application = await (await city.PostAsJsonAsync("/api/funding/applications", new { requestedAmount = -1m }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "projectId", "programmeId", "requestedAmount" })
            Assert.True(application.GetProperty("errors").TryGetProperty(field, out _), field);

        await (await city.PostAsJsonAsync("/api/funding/programmes", new { kind = "lottery" })).ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_request");
        using var broken = new StringContent("{\"projectId\": ", Encoding.UTF8, "application/json");
        await (await city.PostAsync("/api/funding/applications", broken)).ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_request");
        await (await city.GetAsync("/api/funding/summary?year=1800")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await city.GetAsync($"/api/funding/applications/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_fixed_paths()
    {
        using var anonymous = factory.CreateClient();
        var document = await (await anonymous.GetAsync("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK);
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/funding/programmes", "/api/funding/applications", "/api/funding/applications/{id}/submit",
                     "/api/funding/applications/{id}/approve", "/api/funding/applications/{id}/reject", "/api/funding/applications/{id}/allocate",
                     "/api/funding/applications/{id}/disburse", "/api/funding/applications/{id}/bond-balance", "/api/funding/summary" })
            Assert.True(paths.TryGetProperty(path, out _) || paths.TryGetProperty(path + "/", out _), path);
    }
}
