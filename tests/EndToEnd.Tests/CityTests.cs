using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>
/// The city's aggregation through the gateway: a project the county registers and pushes forward in the
/// project library reaches the city's lists and overview by events alone.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CityTests(PlatformFixture fixture)
{
    static async Task<JsonElement> Json(HttpClient client, string url) => await (await client.GetAsync(url)).ShouldBe(HttpStatusCode.OK);

    static bool Lists(JsonElement page, Guid projectId) =>
        page.GetProperty("items").EnumerateArray().Any(r => r.GetProperty("projectId").GetGuid() == projectId);

    static JsonElement Standing(JsonElement overview, string region, string metric) =>
        overview.GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("regionCode").GetString() == region)
            .GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == metric);

    [Fact]
    public async Task A_project_registered_started_and_scheduled_in_the_library_shows_up_in_the_city_lists_and_overview()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var year = today.Year;
        using var county = await fixture.SignedInAs("project-office@140522");
        var input = ProjectSamples.Valid();
        input["year"] = year;
        input["plannedStartDate"] = new DateOnly(year, 1, 10);
        var id = (await (await county.PostJson("/api/projects", input)).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        await Eventually.True(async () => Lists(await Json(county, $"/api/city/lists/not-started?period={year}&pageSize=200"), id),
            "the registered project never reached the city's not-started list");

        await (await county.PostJson($"/api/projects/{id}/stage", new { stage = "preparation", date = new DateOnly(year, 1, 2) })).ShouldBe(HttpStatusCode.OK);
        await (await county.PostJson($"/api/projects/{id}/stage", new { stage = "underConstruction", date = new DateOnly(year, 1, 15) })).ShouldBe(HttpStatusCode.OK);
        await (await county.PostJson($"/api/projects/{id}/progress", new { period = $"{year}-01", completedInvestment = 1_234m })).ShouldBe(HttpStatusCode.Created);

        using var city = await fixture.SignedInAs("city-hq@140500");
        await Eventually.True(async () => Lists(await Json(city, $"/api/city/lists/started-not-included?period={year}&pageSize=200&regionCode=140522"), id),
            "the started project never reached the city's started-not-included list");
        Assert.False(Lists(await Json(county, $"/api/city/lists/not-started?period={year}&pageSize=200"), id));
        await Eventually.True(async () =>
        {
            var overview = await Json(city, $"/api/city/overview?period={year}");
            return Standing(overview, "140522", "newStarts").GetProperty("actual").GetDecimal() >= 1
                && Standing(overview, "140522", "fixedAssetInvestment").GetProperty("scheduled").GetDecimal() >= 1_234m;
        }, "the overview never counted the new start and its 调度数");

        // The county reads only its own row; another county does not see this project at all.
        var own = await Json(county, $"/api/city/overview?period={year}");
        Assert.Equal("140522", Assert.Single(own.GetProperty("regions").EnumerateArray()).GetProperty("regionCode").GetString());
        using var gaoping = await fixture.SignedInAs("project-office@140581");
        Assert.False(Lists(await Json(gaoping, $"/api/city/lists/started-not-included?period={year}&pageSize=200"), id));
    }

    [Fact]
    public async Task The_demo_targets_of_the_2023_winter_plan_are_loaded_and_their_gaps_reported()
    {
        using var city = await fixture.SignedInAs("city-hq@140500");
        var overview = await Json(city, "/api/city/overview?period=2023-Q4");
        Assert.Equal(488_000m, Standing(overview, "140522", "fixedAssetInvestment").GetProperty("target").GetDecimal());

        var report = await Json(city, "/api/city/targets/decomposition?period=2024");
        var gap = report.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("metric").GetString() == "reserveProvincialKeyInvestment" && c.GetProperty("parentLevel").GetString() == "city");
        Assert.Equal(454_000m, gap.GetProperty("gap").GetDecimal());

        await (await city.GetAsync("/api/city/lists/nine-and-a-half?period=2024")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        using var county = await fixture.SignedInAs("project-office@140522");
        await (await county.PutAsJsonAsync("/api/city/targets", new { period = "2024", targets = new[] { new { level = "district", regionCode = "140522", metric = "newStarts", amount = 1 } } }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        var xlsx = await city.GetAsync("/api/city/lists/not-started?period=2024&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }
}
