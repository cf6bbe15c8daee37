using System.Net;

namespace Attraction.Tests;

[Collection(AttractionCollection.Name)]
public sealed class LeadApiTests(AttractionFactory factory)
{
    async Task<Guid> OpenLead(HttpClient client)
    {
        var lead = await (await client.PostJson("/api/attraction/leads", new
        {
            title = AttractionFactory.UniqueName("新能源重卡换电站项目"),
            enterpriseName = "某新能源科技有限公司",
            intendedInvestment = 35_000m,
            leader = "张副县长",
            team = new[] { "投促中心王科长", "工信局李股长" },
            contactedOn = "2024-02-01",
        })).ShouldBe(HttpStatusCode.Created);
        Assert.Equal("contact", lead.GetProperty("stage").GetString());
        return lead.GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_lead_moves_forward_through_its_stages_and_an_illegal_move_is_409()
    {
        using var centre = factory.ClientFor("attraction", "140522");
        var id = await OpenLead(centre);

        var visited = await (await centre.PostJson($"/api/attraction/leads/{id}/stage", new { stage = "visit", date = "2024-02-20" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("visit", visited.GetProperty("stage").GetString());
        await (await centre.PostJson($"/api/attraction/leads/{id}/stage", new { stage = "contact", date = "2024-02-21" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "illegal_transition");
        await (await centre.PostJson($"/api/attraction/leads/{id}/stage", new { stage = "terminated", date = "2024-02-21" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await centre.PostJson($"/api/attraction/leads/{id}/stage", new { stage = "terminated", date = "2024-03-01", reason = "企业选址外省" }))
            .ShouldBe(HttpStatusCode.OK);
        await (await centre.PostJson($"/api/attraction/leads/{id}/stage", new { stage = "negotiation", date = "2024-03-02" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "lead_closed");
        await (await centre.PostJson($"/api/attraction/leads/{id}/stage", new { stage = "won", date = "2024-03-02" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_request");
    }

    [Fact]
    public async Task The_contact_log_keeps_dated_entries_and_the_leader_finds_the_leads_they_follow()
    {
        using var centre = factory.ClientFor("attraction", "140522");
        var id = await OpenLead(centre);
        await (await centre.PostJson($"/api/attraction/leads/{id}/contacts", new { contactedOn = "2024-02-03", method = "电话", summary = "初步沟通投资意向" }))
            .ShouldBe(HttpStatusCode.Created);
        await (await centre.PostJson($"/api/attraction/leads/{id}/contacts", new { contactedOn = "2024-02-15", method = "上门拜访", summary = "赴深圳总部洽谈", participants = "张副县长、王科长" }))
            .ShouldBe(HttpStatusCode.Created);
        await (await centre.PostJson($"/api/attraction/leads/{id}/contacts", new { method = "", summary = "" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        var log = await (await centre.GetAsync($"/api/attraction/leads/{id}/contacts")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, log.GetProperty("total").GetInt32());
        Assert.Equal("2024-02-15", log.GetProperty("items")[0].GetProperty("contactedOn").GetString());
        Assert.Equal("attraction@140522", log.GetProperty("items")[0].GetProperty("recordedBy").GetString());

        var followed = await (await centre.GetAsync("/api/attraction/leads?leader=工信局李股长&open=true")).ShouldBe(HttpStatusCode.OK);
        Assert.Contains(followed.GetProperty("items").EnumerateArray(), l => l.GetProperty("id").GetGuid() == id);

        using var other = factory.ClientFor("attraction", "140521");
        await (await other.GetAsync($"/api/attraction/leads/{id}/contacts")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await other.PostJson($"/api/attraction/leads/{id}/contacts", new { contactedOn = "2024-02-03", method = "电话", summary = "x" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Signing_a_deal_from_a_lead_marks_the_lead_signed_and_a_second_deal_from_it_is_409()
    {
        using var centre = factory.ClientFor("attraction", "140522");
        var lead = await OpenLead(centre);
        var deal = await (await centre.PostJson("/api/attraction/deals", AttractionFactory.Deal(leadId: lead))).ShouldBe(HttpStatusCode.Created);
        Assert.Equal(lead, deal.GetProperty("leadId").GetGuid());

        var signed = await (await centre.GetAsync($"/api/attraction/leads/{lead}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("signed", signed.GetProperty("stage").GetString());
        Assert.Equal(deal.GetProperty("id").GetGuid(), signed.GetProperty("dealId").GetGuid());

        await (await centre.PostJson("/api/attraction/deals", AttractionFactory.Deal(leadId: lead))).ShouldBeProblem(HttpStatusCode.Conflict, "lead_already_signed");
    }
}
