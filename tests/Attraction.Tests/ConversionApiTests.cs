using System.Net;

namespace Attraction.Tests;

/// <summary>Conversion when the project library cannot be reached, and who may convert (the round trip is end-to-end).</summary>
[Collection(AttractionCollection.Name)]
public sealed class ConversionApiTests(AttractionFactory factory)
{
    [Fact]
    public async Task When_the_project_library_does_not_answer_the_conversion_is_503_and_nothing_changes()
    {
        var id = await factory.SignDeal();
        using var centre = factory.ClientFor("attraction", "140522");
        // No body at all: every conversion setting has a default.
        var problem = await (await centre.PostAsync($"/api/attraction/deals/{id}/convert", null)).ShouldBeProblem(HttpStatusCode.ServiceUnavailable, "project_library_unavailable");
        Assert.Contains("nothing was changed", problem.GetProperty("detail").GetString());

        var deal = await (await centre.GetAsync($"/api/attraction/deals/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, deal.GetProperty("projectId").ValueKind);
        Assert.Equal(1, deal.GetProperty("version").GetInt64());
        Assert.Equal(0, await factory.Database.ScalarAsync<long>(
            "select count(*) from outbox_messages where message_type like '%DealConverted' and body->>'dealId' = @id", ("id", id.ToString())));
    }

    [Fact]
    public async Task Only_the_regions_investment_promotion_centre_converts_and_a_converted_deal_is_not_converted_again()
    {
        var id = await factory.SignDeal();
        using var office = factory.ClientFor("project-office", "140522");
        await (await office.PostJson($"/api/attraction/deals/{id}/convert")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        using var admin = factory.ClientFor("admin", "140522");
        await (await admin.PostJson($"/api/attraction/deals/{id}/convert")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        using var other = factory.ClientFor("attraction", "140521");
        await (await other.PostJson($"/api/attraction/deals/{id}/convert")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");

        var project = Guid.NewGuid();
        await factory.LinkProject(id, project);
        using var centre = factory.ClientFor("attraction", "140522");
        var again = await (await centre.PostJson($"/api/attraction/deals/{id}/convert")).ShouldBeProblem(HttpStatusCode.Conflict, "already_converted");
        Assert.Contains(project.ToString(), again.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_conversion_body_with_bad_values_is_400_and_an_annual_plan_above_the_deal_is_422()
    {
        var id = await factory.SignDeal(amount: 1_000m);
        using var centre = factory.ClientFor("attraction", "140522");
        await (await centre.PostJson($"/api/attraction/deals/{id}/convert", new { year = 1900, annualPlannedInvestment = -1m }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await centre.PostJson($"/api/attraction/deals/{id}/convert", new { annualPlannedInvestment = 2_000m }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "annual_plan_above_amount");
    }
}
