using System.Net;
using System.Net.Http.Json;

namespace Funding.Tests;

[Collection(FundingCollection.Name)]
public sealed class ApplicationFlowTests(FundingFactory factory)
{
    [Fact]
    public async Task A_known_project_goes_from_draft_to_disbursement_and_the_events_go_to_the_outbox()
    {
        var project = await factory.KnownProject("140522", totalInvestment: 32000.50m);
        var programme = await factory.Programme("centralBudget", maxShare: 0.8m, categories: ["infrastructure"]);
        using var county = factory.ClientFor("funding", "140522");
        using var city = factory.ClientFor("funding", "140500");

        var created = await (await county.PostAsJsonAsync("/api/funding/applications", new
        {
            projectId = project.ProjectId, programmeId = programme, requestedAmount = 6000m, materials = new[] { "资金申请报告", "可研批复 阳发改〔2025〕12号" },
        })).ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("draft", created.GetProperty("status").GetString());
        Assert.Equal(project.Name, created.GetProperty("projectName").GetString());

        foreach (var (step, status) in new[] { ("submit", "submitted"), ("review", "countyReview"), ("recommend", "recommended") })
        {
            var moved = await (await county.PostAsync($"/api/funding/applications/{id}/{step}", null)).ShouldBe(HttpStatusCode.OK);
            Assert.Equal(status, moved.GetProperty("status").GetString());
        }

        // The county recommends upward; only the programme's owner (the city) decides and allocates.
        await (await county.PostAsJsonAsync($"/api/funding/applications/{id}/approve", new { approvedAmount = 5000m }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await city.PostAsJsonAsync($"/api/funding/applications/{id}/approve", new { approvedAmount = 6000.01m }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "exceeds_requested");
        var approved = await (await city.PostAsJsonAsync($"/api/funding/applications/{id}/approve",
            new { approvedAmount = 5000m, approvedOn = "2025-06-01", note = "2025年第一批" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(5000m, approved.GetProperty("approvedAmount").GetDecimal());

        await (await county.PostAsJsonAsync($"/api/funding/applications/{id}/allocate", new { amount = 1000m }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await city.PostAsJsonAsync($"/api/funding/applications/{id}/allocate", new { amount = 3000m, date = "2025-06-10", document = "晋财建〔2025〕45号" }))
            .ShouldBe(HttpStatusCode.OK);
        await (await county.PostAsJsonAsync($"/api/funding/applications/{id}/disburse", new { amount = 3000.01m, date = "2025-06-20" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "exceeds_allocated");
        var disbursed = await (await county.PostAsJsonAsync($"/api/funding/applications/{id}/disburse", new { amount = 1200m, date = "2025-06-20" }))
            .ShouldBe(HttpStatusCode.OK);
        Assert.Equal((3000m, 1200m, 2), (disbursed.GetProperty("allocatedAmount").GetDecimal(), disbursed.GetProperty("disbursedAmount").GetDecimal(),
            disbursed.GetProperty("transfers").GetArrayLength()));

        var approvedEvents = await factory.Database.ScalarAsync<long>(
            "select count(*) from outbox_messages where message_type like '%FundingApproved' and body->>'applicationId' = @id and (body->>'approvedAmount')::numeric = 5000",
            ("id", id.ToString()));
        var disbursedEvents = await factory.Database.ScalarAsync<long>(
            "select count(*) from outbox_messages where message_type like '%FundsDisbursed' and body->>'applicationId' = @id and (body->>'amount')::numeric = 1200 and body->>'programmeKind' = 'centralBudget'",
            ("id", id.ToString()));
        Assert.Equal((1, 1), (approvedEvents, disbursedEvents));

        var audit = await (await county.GetAsync($"/api/funding/audit?entityType=FundingApplication&entityId={id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(7, audit.GetProperty("total").GetInt32()); // created + 6 changes
    }

    [Fact]
    public async Task A_second_application_of_a_project_to_the_same_programme_batch_is_refused_even_when_sent_at_once()
    {
        var project = await factory.KnownProject("140522");
        var programme = await factory.Programme();
        using var county = factory.ClientFor("funding", "140522");
        var body = new { projectId = project.ProjectId, programmeId = programme, requestedAmount = 100m };

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => county.PostAsJsonAsync("/api/funding/applications", body)));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await refused.ShouldBeProblem(HttpStatusCode.Conflict, "duplicate_application");

        await (await county.PostAsJsonAsync("/api/funding/applications", body)).ShouldBeProblem(HttpStatusCode.Conflict, "duplicate_application");
        var rows = await factory.Database.ScalarAsync<long>("select count(*) from applications where project_id = @p", ("p", project.ProjectId));
        Assert.Equal(1, rows);
    }

    [Fact]
    public async Task Only_projects_the_library_announced_can_apply()
    {
        var programme = await factory.Programme();
        using var county = factory.ClientFor("funding", "140522");
        await (await county.PostAsJsonAsync("/api/funding/applications", new { projectId = Guid.NewGuid(), programmeId = programme, requestedAmount = 100m }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "unknown_project");
    }

    [Fact]
    public async Task Applying_after_the_window_closed_is_409_and_asking_more_than_the_share_is_422()
    {
        var project = await factory.KnownProject("140522", totalInvestment: 10000m);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var closed = await factory.Programme(opensOn: today.AddDays(-30), closesOn: today.AddDays(-1));
        var open = await factory.Programme(maxShare: 0.5m);
        using var county = factory.ClientFor("funding", "140522");
        await (await county.PostAsJsonAsync("/api/funding/applications", new { projectId = project.ProjectId, programmeId = closed, requestedAmount = 100m }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "window_closed");
        await (await county.PostAsJsonAsync("/api/funding/applications", new { projectId = project.ProjectId, programmeId = open, requestedAmount = 5000.01m }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "exceeds_programme_share");
    }

    [Fact]
    public async Task A_special_bond_is_submitted_only_after_its_revenue_covers_principal_and_interest()
    {
        var project = await factory.KnownProject("140522", totalInvestment: 20000m);
        var programme = await factory.Programme("specialBond");
        using var county = factory.ClientFor("funding", "140522");
        var id = (await (await county.PostAsJsonAsync("/api/funding/applications",
            new { projectId = project.ProjectId, programmeId = programme, requestedAmount = 10000m })).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        await (await county.PostAsync($"/api/funding/applications/{id}/submit", null)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "bond_balance_insufficient");
        var weak = await (await county.PutAsJsonAsync($"/api/funding/applications/{id}/bond-balance",
            new { annualRevenue = Enumerable.Repeat(1000m, 10), financingCost = 0m, principal = 10000m, years = 10, rate = 0.03m })).ShouldBe(HttpStatusCode.OK);
        Assert.False(weak.GetProperty("bondBalance").GetProperty("passes").GetBoolean());
        await (await county.PostAsync($"/api/funding/applications/{id}/submit", null)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "bond_balance_insufficient");

        var strong = await (await county.PutAsJsonAsync($"/api/funding/applications/{id}/bond-balance",
            new { annualRevenue = Enumerable.Repeat(1600m, 10), financingCost = 50m, principal = 10000m, years = 10, rate = 0.03m })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1.226m, strong.GetProperty("bondBalance").GetProperty("coverage").GetDecimal()); // 16,000 / 13,050 = 1.22605… cut to four places
        await (await county.PostAsync($"/api/funding/applications/{id}/submit", null)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_county_rejects_while_reviewing_and_only_the_programme_owner_rejects_what_was_recommended()
    {
        using var county = factory.ClientFor("funding", "140522");
        using var city = factory.ClientFor("funding", "140500");
        var programme = await factory.Programme();
        async Task<Guid> Application(params string[] steps)
        {
            var project = await factory.KnownProject("140522");
            var id = (await (await county.PostAsJsonAsync("/api/funding/applications",
                new { projectId = project.ProjectId, programmeId = programme, requestedAmount = 100m })).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
            foreach (var step in steps) await (await county.PostAsync($"/api/funding/applications/{id}/{step}", null)).ShouldBe(HttpStatusCode.OK);
            return id;
        }

        var reviewing = await Application("submit", "review");
        var rejected = await (await county.PostAsJsonAsync($"/api/funding/applications/{reviewing}/reject", new { reason = "材料不全" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(("rejected", "材料不全"), (rejected.GetProperty("status").GetString(), rejected.GetProperty("decisionNote").GetString()));
        await (await county.PostAsync($"/api/funding/applications/{reviewing}/recommend", null)).ShouldBeProblem(HttpStatusCode.Conflict, "illegal_transition");

        var recommended = await Application("submit", "review", "recommend");
        await (await county.PostAsJsonAsync($"/api/funding/applications/{recommended}/reject", new { reason = "x" })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await city.PostAsJsonAsync($"/api/funding/applications/{recommended}/reject", new { reason = "" })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await city.PostAsJsonAsync($"/api/funding/applications/{recommended}/reject", new { reason = "额度已满" })).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_stale_If_Match_is_412_and_nothing_changes()
    {
        var project = await factory.KnownProject("140522");
        var programme = await factory.Programme();
        using var county = factory.ClientFor("funding", "140522");
        var id = (await (await county.PostAsJsonAsync("/api/funding/applications",
            new { projectId = project.ProjectId, programmeId = programme, requestedAmount = 100m })).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/funding/applications/{id}/submit");
        request.Headers.TryAddWithoutValidation("If-Match", "\"7\"");
        await (await county.SendAsync(request)).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
        var current = await (await county.GetAsync($"/api/funding/applications/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("draft", current.GetProperty("status").GetString());
    }
}
