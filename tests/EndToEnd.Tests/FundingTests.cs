using System.Net;
using System.Net.Http.Json;

namespace EndToEnd.Tests;

/// <summary>Policy funds through the gateway: a project registered in the library, applied for, approved by the city, paid out.</summary>
[Collection(PlatformCollection.Name)]
public sealed class FundingTests(PlatformFixture fixture)
{
    static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    async Task<Guid> RegisteredProject(string region = "140522")
    {
        using var office = await fixture.SignedInAs($"project-office@{region}");
        var project = await (await office.PostJson("/api/projects", ProjectSamples.Valid(region))).ShouldBe(HttpStatusCode.Created);
        var id = project.GetProperty("id").GetGuid();
        using var funding = await fixture.SignedInAs($"funding@{region}");
        await Eventually.True(async () => (await funding.GetAsync($"/api/funding/projects/{id}")).IsSuccessStatusCode, $"funding to know project {id}");
        await (await funding.GetAsync($"/api/funding/projects/{id}")).ShouldBe(HttpStatusCode.OK);
        return id;
    }

    static async Task<Guid> OpenProgramme(HttpClient city, string kind = "centralBudget") =>
        (await (await city.PostJson("/api/funding/programmes", new
        {
            name = "2025年中央预算内投资 城乡供水", kind, year = 2025, batch = "e2e-" + Guid.NewGuid().ToString("N")[..8],
            opensOn = Today.AddDays(-5), closesOn = Today.AddDays(25), eligibleCategories = new[] { "infrastructure", "livelihood" }, maxShare = 0.8m,
        })).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    [Fact]
    public async Task A_library_project_is_applied_for_approved_by_the_city_allocated_and_disbursed()
    {
        var projectId = await RegisteredProject();
        using var city = await fixture.SignedInAs("funding@140500");
        using var county = await fixture.SignedInAs("funding@140522");
        var programme = await OpenProgramme(city);

        // ProjectSamples: total investment 32,000.50 万, so 80 % allows at most 25,600.40 万.
        await (await county.PostJson("/api/funding/applications", new { projectId, programmeId = programme, requestedAmount = 25600.41m }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "exceeds_programme_share");
        var created = await (await county.PostJson("/api/funding/applications",
            new { projectId, programmeId = programme, requestedAmount = 8000m, materials = new[] { "资金申请报告" } })).ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        await (await county.PostJson("/api/funding/applications", new { projectId, programmeId = programme, requestedAmount = 10m }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "duplicate_application");

        foreach (var step in new[] { "submit", "review", "recommend" })
            await (await county.PostAsync($"/api/funding/applications/{id}/{step}", null)).ShouldBe(HttpStatusCode.OK);
        await (await city.PostJson($"/api/funding/applications/{id}/approve", new { approvedAmount = 6000m, note = "第一批" })).ShouldBe(HttpStatusCode.OK);
        await (await city.PostJson($"/api/funding/applications/{id}/allocate", new { amount = 6000m, document = "晋财建〔2025〕45号" })).ShouldBe(HttpStatusCode.OK);
        await (await county.PostJson($"/api/funding/applications/{id}/disburse", new { amount = 6000.01m })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "exceeds_allocated");
        var paid = await (await county.PostJson($"/api/funding/applications/{id}/disburse", new { amount = 2500m })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("approved", paid.GetProperty("status").GetString());
        Assert.Equal((6000m, 6000m, 2500m), (paid.GetProperty("approvedAmount").GetDecimal(), paid.GetProperty("allocatedAmount").GetDecimal(),
            paid.GetProperty("disbursedAmount").GetDecimal()));

        var summary = await (await city.GetAsync("/api/funding/summary?year=2025&regionCode=140522")).ShouldBe(HttpStatusCode.OK);
        Assert.True(summary.GetProperty("disbursed").GetDecimal() >= 2500m);
        Assert.Equal(40000m, summary.GetProperty("target").GetProperty("securedMin").GetDecimal());

        // Both events left through the outbox: the relay marks a row sent only once the broker confirmed it.
        var funding = fixture.Platform.Databases["funding"];
        var sent = await Eventually.Value(() => funding.ScalarAsync<long>(
                "select count(*) from outbox_messages where body->>'applicationId' = @id and sent_at is not null", ("id", id.ToString())),
            n => n >= 2, "FundingApproved and FundsDisbursed to be sent", 20, detail: fixture.Platform.Diagnostics);
        Assert.True(sent == 2, "FundingApproved and FundsDisbursed were not both sent:\n" + fixture.Platform.Diagnostics());
    }

    [Fact]
    public async Task Funding_is_scoped_to_the_county_and_refuses_bad_input_through_the_gateway()
    {
        var projectId = await RegisteredProject();
        using var city = await fixture.SignedInAs("funding@140500");
        using var county = await fixture.SignedInAs("funding@140522");
        var programme = await OpenProgramme(city);
        var id = (await (await county.PostJson("/api/funding/applications", new { projectId, programmeId = programme, requestedAmount = 100m }))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        using var otherCounty = await fixture.SignedInAs("funding@140521");
        await (await otherCounty.GetAsync($"/api/funding/applications/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await otherCounty.PostJson("/api/funding/applications", new { projectId, programmeId = programme, requestedAmount = 1m }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "unknown_project");
        using var office = await fixture.SignedInAs("project-office@140522");
        await (await office.PostAsync($"/api/funding/applications/{id}/submit", null)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await county.PostJson("/api/funding/applications", new { programmeId = programme })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await county.GetAsync("/api/funding/applications?status=lost")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous().GetAsync("/api/funding/programmes")).StatusCode);
        await (await fixture.Anonymous().GetAsync("/openapi/funding.json")).ShouldBe(HttpStatusCode.OK);
    }
}
