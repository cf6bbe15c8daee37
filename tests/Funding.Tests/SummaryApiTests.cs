using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Funding.Tests;

[Collection(FundingCollection.Name)]
public sealed class SummaryApiTests(FundingFactory factory)
{
    const string Region = "140581"; // 高平市: the factory configures a 2025 target of 10,000 万 and 30 % growth; no other test uses it

    async Task Approved(string kind, int year, decimal requested, decimal approved, decimal allocated = 0m, decimal disbursed = 0m)
    {
        var project = await factory.KnownProject(Region, totalInvestment: 100000m);
        var programme = await factory.Programme(kind, year: year);
        using var county = factory.ClientFor("funding", Region);
        using var city = factory.ClientFor("funding", "140500");
        var id = (await (await county.PostAsJsonAsync("/api/funding/applications",
            new { projectId = project.ProjectId, programmeId = programme, requestedAmount = requested })).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        foreach (var step in new[] { "submit", "review", "recommend" })
            await (await county.PostAsync($"/api/funding/applications/{id}/{step}", null)).ShouldBe(HttpStatusCode.OK);
        await (await city.PostAsJsonAsync($"/api/funding/applications/{id}/approve", new { approvedAmount = approved })).ShouldBe(HttpStatusCode.OK);
        if (allocated > 0) await (await city.PostAsJsonAsync($"/api/funding/applications/{id}/allocate", new { amount = allocated })).ShouldBe(HttpStatusCode.OK);
        if (disbursed > 0) await (await county.PostAsJsonAsync($"/api/funding/applications/{id}/disburse", new { amount = disbursed })).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_summary_adds_up_a_region_year_by_kind_with_growth_and_progress_to_the_configured_target()
    {
        await Approved("centralBudget", 2025, requested: 8000m, approved: 6000m, allocated: 5000m, disbursed: 2000m);
        await Approved("preliminaryFee", 2025, requested: 600m, approved: 500m);
        await Approved("centralBudget", 2024, requested: 5000m, approved: 4000m);

        using var county = factory.ClientFor("funding", Region);
        var summary = await (await county.GetAsync("/api/funding/summary?year=2025")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(Region, summary.GetProperty("regionCode").GetString());
        Assert.Equal(8600m, summary.GetProperty("requested").GetDecimal());
        Assert.Equal(6500m, summary.GetProperty("approved").GetDecimal());
        Assert.Equal(5000m, summary.GetProperty("allocated").GetDecimal());
        Assert.Equal(2000m, summary.GetProperty("disbursed").GetDecimal());
        var central = summary.GetProperty("byKind").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "centralBudget");
        Assert.Equal(6000m, central.GetProperty("approved").GetDecimal());
        Assert.Equal(4000m, summary.GetProperty("previousYearApproved").GetDecimal());
        Assert.Equal(62.5m, summary.GetProperty("growthPercent").GetDecimal()); // (6,500 − 4,000) / 4,000

        var target = summary.GetProperty("target");
        Assert.Equal(10000m, target.GetProperty("securedMin").GetDecimal());
        Assert.Equal(6000m, target.GetProperty("secured").GetDecimal()); // 前期费 does not count toward the target
        Assert.Equal(60m, target.GetProperty("progressPercent").GetDecimal());
        Assert.True(target.GetProperty("growthMet").GetBoolean());

        using var city = factory.ClientFor("city-hq", "140500");
        var fromCity = await (await city.GetAsync($"/api/funding/summary?year=2025&regionCode={Region}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(6500m, fromCity.GetProperty("approved").GetDecimal());
    }

    [Fact]
    public async Task A_county_cannot_read_another_region_summary()
    {
        using var other = factory.ClientFor("funding", "140522");
        await (await other.GetAsync($"/api/funding/summary?year=2025&regionCode={Region}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        var own = await (await other.GetAsync("/api/funding/summary?year=2025")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("140522", own.GetProperty("regionCode").GetString());
        Assert.Equal(JsonValueKind.Object, own.GetProperty("target").ValueKind); // 140522's 4.0 亿 target ships in appsettings.json
        Assert.Equal(40000m, own.GetProperty("target").GetProperty("securedMin").GetDecimal());
    }
}
