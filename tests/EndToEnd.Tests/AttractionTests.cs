using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>Investment attraction through the gateway, with the project library and the broker real.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AttractionTests(PlatformFixture fixture)
{
    static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Signed this year, so a project started today is a same-year start.</summary>
    static object Deal(decimal amount = 56_000m, string region = "140522") => new
    {
        name = Unique("年产10万套新能源汽车零部件项目"),
        investors = new[] { new { name = "某汽车零部件股份有限公司" } },
        amount,
        signedOn = $"{DateTime.UtcNow.Year}-01-15",
        regionCode = region,
        industry = "装备制造",
    };

    Task<JsonElement> Poll(HttpClient client, string url, Func<JsonElement, bool> until) =>
        Eventually.Value(async () => await (await client.GetAsync(url)).ShouldBe(HttpStatusCode.OK), until,
            $"{url} to reach the expected state", detail: fixture.Platform.Diagnostics);

    [Fact]
    public async Task A_converted_deal_becomes_a_project_in_the_library_and_is_marked_started_when_the_project_starts()
    {
        using var centre = await fixture.SignedInAs("attraction@140522");
        using var office = await fixture.SignedInAs("project-office@140522");
        var deal = await (await centre.PostJson("/api/attraction/deals", Deal())).ShouldBe(HttpStatusCode.Created);
        var dealId = deal.GetProperty("id").GetGuid();

        var converted = await (await centre.PostJson($"/api/attraction/deals/{dealId}/convert", new { category = "industry", annualPlannedInvestment = 20_000m }))
            .ShouldBe(HttpStatusCode.Created);
        var projectId = converted.GetProperty("projectId").GetGuid();

        var project = await (await office.GetAsync($"/api/projects/{projectId}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(deal.GetProperty("name").GetString(), project.GetProperty("name").GetString());
        Assert.Equal(56_000m, project.GetProperty("totalInvestment").GetDecimal());
        Assert.Equal($"ZS-{dealId:N}", project.GetProperty("localNumber").GetString());

        await (await centre.PostJson($"/api/attraction/deals/{dealId}/convert", new { })).ShouldBeProblem(HttpStatusCode.Conflict, "already_converted");
        var linked = await (await centre.GetAsync($"/api/attraction/deals/{dealId}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(projectId, linked.GetProperty("projectId").GetGuid());

        // The project office starts the project; ProjectStarted comes back through the broker.
        await (await office.PostJson($"/api/projects/{projectId}/stage", new { stage = "preparation" })).ShouldBe(HttpStatusCode.OK);
        await (await office.PostJson($"/api/projects/{projectId}/stage", new { stage = "underConstruction" })).ShouldBe(HttpStatusCode.OK);
        var started = await Poll(centre, $"/api/attraction/deals/{dealId}", d => d.GetProperty("startedOn").ValueKind == JsonValueKind.String);
        Assert.True(started.GetProperty("startedInSigningYear").GetBoolean());
        Assert.Equal(56_000m, started.GetProperty("projectTotalInvestment").GetDecimal());

        var summary = await (await centre.GetAsync($"/api/attraction/summary?period={DateTime.UtcNow.Year}")).ShouldBe(HttpStatusCode.OK);
        var yangcheng = summary.GetProperty("regions")[0];
        Assert.True(yangcheng.GetProperty("newStartPlannedTotalInvestment").GetDecimal() >= 56_000m);
        Assert.True(yangcheng.GetProperty("startedInSigningYear").GetInt32() >= 1);
    }

    [Fact]
    public async Task Only_the_regions_investment_promotion_centre_converts_and_other_counties_do_not_see_the_deal()
    {
        using var centre = await fixture.SignedInAs("attraction@140522");
        var dealId = (await (await centre.PostJson("/api/attraction/deals", Deal())).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        using var office = await fixture.SignedInAs("project-office@140522");
        await (await office.PostJson($"/api/attraction/deals/{dealId}/convert", new { })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        using var qinshui = await fixture.SignedInAs("attraction@140521");
        await (await qinshui.GetAsync($"/api/attraction/deals/{dealId}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await qinshui.PostJson($"/api/attraction/deals/{dealId}/convert", new { })).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        using var city = await fixture.SignedInAs("city-hq@140500");
        await (await city.GetAsync($"/api/attraction/deals/{dealId}")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_library_refusing_the_project_is_a_422_carrying_its_reason_and_the_deal_stays_unconverted()
    {
        using var centre = await fixture.SignedInAs("attraction@140522");
        var dealId = (await (await centre.PostJson("/api/attraction/deals", Deal())).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var problem = await (await centre.PostJson($"/api/attraction/deals/{dealId}/convert", new { category = "spaceport" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "project_library_refused");
        Assert.Contains("category", problem.GetProperty("detail").GetString());
        var deal = await (await centre.GetAsync($"/api/attraction/deals/{dealId}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, deal.GetProperty("projectId").ValueKind);
    }

    [Fact]
    public async Task Enterprises_are_checked_by_credit_code_and_duplicates_are_409_through_the_gateway()
    {
        using var centre = await fixture.SignedInAs("attraction@140581");
        var enterprise = new { name = Unique("华为技术有限公司"), creditCode = "914403001922038216", originRegion = "粤港澳", types = new[] { "龙头企业" } };
        await (await centre.PostJson("/api/attraction/enterprises", enterprise)).ShouldBe(HttpStatusCode.Created);
        await (await centre.PostJson("/api/attraction/enterprises", enterprise)).ShouldBeProblem(HttpStatusCode.Conflict, "duplicate_credit_code");
        var bad = await (await centre.PostJson("/api/attraction/enterprises", enterprise with { creditCode = "914403001922038217" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("creditCode", out _));

        var listed = await (await centre.GetAsync("/api/attraction/enterprises?q=914403001922038216")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        using var other = await fixture.SignedInAs("attraction@140524");
        var none = await (await other.GetAsync("/api/attraction/enterprises?q=914403001922038216")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Funds_in_place_are_recorded_per_deal_and_counted_in_the_summary()
    {
        using var centre = await fixture.SignedInAs("attraction@140525");
        var dealId = (await (await centre.PostJson("/api/attraction/deals", Deal(region: "140525"))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var before = await (await centre.GetAsync($"/api/attraction/summary?period={DateTime.UtcNow.Year}")).ShouldBe(HttpStatusCode.OK);
        await (await centre.PostJson($"/api/attraction/deals/{dealId}/funds", new { amount = 6_000m, arrivedOn = $"{DateTime.UtcNow.Year}-02-01" }))
            .ShouldBe(HttpStatusCode.Created);
        var after = await (await centre.GetAsync($"/api/attraction/summary?period={DateTime.UtcNow.Year}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(before.GetProperty("total").GetProperty("fundsInPlace").GetDecimal() + 6_000m,
            after.GetProperty("total").GetProperty("fundsInPlace").GetDecimal());
        await (await centre.PostJson($"/api/attraction/deals/{dealId}/funds", new { amount = "much" })).ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_request");
    }
}
