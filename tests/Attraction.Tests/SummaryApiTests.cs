using System.Net;
using Platform.Contracts.ProjectLibrary;

namespace Attraction.Tests;

/// <summary>The summary through the API, on 陵川县 (140524) in 2023 so other tests' deals do not count.</summary>
[Collection(AttractionCollection.Name)]
public sealed class SummaryApiTests(AttractionFactory factory)
{
    [Fact]
    public async Task The_summary_adds_up_signed_investment_new_starts_funds_and_the_same_year_start_rate()
    {
        using var centre = factory.ClientFor("attraction", "140524");
        var started = await factory.SignDeal("140524", 100_000m, "2023-02-10");
        await factory.SignDeal("140524", 50_000m, "2023-05-05");
        await factory.SignDeal("140524", 25_000m, "2023-11-30");
        var project = Guid.NewGuid();
        await factory.LinkProject(started, project);
        var message = Guid.NewGuid();
        await factory.Publish(new ProjectStarted
        {
            ProjectId = project, RegionCode = "140524", ActualStartDate = new DateOnly(2023, 4, 8), TotalInvestment = 96_000m,
            Version = 3, OccurredAt = DateTimeOffset.UtcNow,
        }, message);
        await factory.UntilHandled(message);
        await (await centre.PostJson($"/api/attraction/deals/{started}/funds", new { amount = 8_000m, arrivedOn = "2023-04-20" })).ShouldBe(HttpStatusCode.Created);
        await (await centre.PostJson($"/api/attraction/deals/{started}/funds", new { amount = 2_000.5m, arrivedOn = "2023-07-01" })).ShouldBe(HttpStatusCode.Created);

        var year = await (await centre.GetAsync("/api/attraction/summary?period=2023")).ShouldBe(HttpStatusCode.OK);
        var lingchuan = Assert.Single(year.GetProperty("regions").EnumerateArray());
        Assert.Equal("140524", lingchuan.GetProperty("regionCode").GetString());
        Assert.Equal(3, lingchuan.GetProperty("signedCount").GetInt32());
        Assert.Equal(175_000m, lingchuan.GetProperty("signedTotalInvestment").GetDecimal());
        Assert.Equal(96_000m, lingchuan.GetProperty("newStartPlannedTotalInvestment").GetDecimal());
        Assert.Equal(10_000.5m, lingchuan.GetProperty("fundsInPlace").GetDecimal());
        Assert.Equal(0.3333m, lingchuan.GetProperty("sameYearStartRate").GetDecimal());

        var q2 = await (await centre.GetAsync("/api/attraction/summary?period=2023-Q2")).ShouldBe(HttpStatusCode.OK);
        var total = q2.GetProperty("total");
        Assert.Equal(50_000m, total.GetProperty("signedTotalInvestment").GetDecimal());
        Assert.Equal(8_000m, total.GetProperty("fundsInPlace").GetDecimal());
        Assert.Equal(0.5m, total.GetProperty("sameYearStartRate").GetDecimal());

        using var city = factory.ClientFor("city-hq", "140500");
        var all = await (await city.GetAsync("/api/attraction/summary?period=2023-04")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(8, all.GetProperty("regions").GetArrayLength());
        var april = all.GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("regionCode").GetString() == "140524");
        Assert.Equal(1, april.GetProperty("newStartCount").GetInt32());
        Assert.Equal(8_000m, april.GetProperty("fundsInPlace").GetDecimal());
    }

    [Fact]
    public async Task A_county_cannot_read_another_countys_summary_and_a_bad_period_is_400()
    {
        using var centre = factory.ClientFor("attraction", "140524");
        await (await centre.GetAsync("/api/attraction/summary?period=2023&regionCode=140522")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        var problem = await (await centre.GetAsync("/api/attraction/summary?period=2023-Q7")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("period", out _));
        await (await centre.GetAsync("/api/attraction/summary")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await centre.GetAsync("/api/attraction/summary?period=2023&regionCode=999999")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }
}
