using System.Net;

namespace Attraction.Tests;

[Collection(AttractionCollection.Name)]
public sealed class DealApiTests(AttractionFactory factory)
{
    Task<long> Outbox(string type, Guid dealId) => factory.Database.ScalarAsync<long>(
        "select count(*) from outbox_messages where message_type like @type and body->>'dealId' = @id", ("type", "%" + type), ("id", dealId.ToString()));

    [Fact]
    public async Task Signing_a_deal_records_it_with_its_investors_and_writes_DealSigned_to_the_outbox()
    {
        using var centre = factory.ClientFor("attraction", "140522");
        var enterprise = await (await centre.PostJson("/api/attraction/enterprises", new { name = "某光伏科技有限公司", creditCode = "91140522MA0K12345" + "X" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed"); // a made-up code fails its check
        Assert.True(enterprise.GetProperty("errors").TryGetProperty("creditCode", out _));
        var investor = (await (await centre.PostJson("/api/attraction/enterprises", new { name = AttractionFactory.UniqueName("阿里巴巴"), creditCode = "91330100716105852F" }))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var deal = await (await centre.PostJson("/api/attraction/deals", AttractionFactory.Deal(amount: 86_500.25m,
            investors: [new { enterpriseId = investor }, new { name = "晋城市某投资有限公司" }]))).ShouldBe(HttpStatusCode.Created);
        var id = deal.GetProperty("id").GetGuid();
        Assert.Equal(86_500.25m, deal.GetProperty("amount").GetDecimal());
        Assert.StartsWith("阿里巴巴", deal.GetProperty("investors")[0].GetProperty("name").GetString());
        Assert.Equal(1, await Outbox("DealSigned", id));

        await (await centre.PostJson("/api/attraction/deals", AttractionFactory.Deal(investors: [new { enterpriseId = Guid.NewGuid() }])))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "unknown_enterprise");
    }

    [Fact]
    public async Task A_deal_with_missing_or_wrong_fields_is_400_listing_each_field()
    {
        using var centre = factory.ClientFor("attraction", "140522");
        var problem = await (await centre.PostJson("/api/attraction/deals", new { name = "", amount = -1m, investors = Array.Empty<object>(), regionCode = "110101", signedOn = "2024-05-01", plannedStartOn = "2024-04-01" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["amount", "investors", "name", "plannedStartOn", "regionCode"], fields.Order());
        await (await centre.PostJson("/api/attraction/deals", new { name = "x", amount = "lots" })).ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_request");
    }

    [Fact]
    public async Task A_county_signs_deals_only_for_itself_and_cannot_see_another_countys()
    {
        using var yangcheng = factory.ClientFor("attraction", "140522");
        await (await yangcheng.PostJson("/api/attraction/deals", AttractionFactory.Deal(region: "140521"))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        var id = await factory.SignDeal("140522");

        using var qinshui = factory.ClientFor("attraction", "140521");
        await (await qinshui.GetAsync($"/api/attraction/deals/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await qinshui.PostJson($"/api/attraction/deals/{id}/funds", new { amount = 1m, arrivedOn = "2024-04-01" })).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        var list = await (await qinshui.GetAsync("/api/attraction/deals")).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);

        using var township = factory.ClientFor("township", "140522", township: "町店镇");
        await (await township.GetAsync($"/api/attraction/deals/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        using var city = factory.ClientFor("city-hq", "140500");
        await (await city.GetAsync($"/api/attraction/deals/{id}")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Commitments_of_both_sides_carry_overdue_flags_until_fulfilled()
    {
        using var centre = factory.ClientFor("attraction", "140522");
        var id = await factory.SignDeal();
        var land = await (await centre.PostJson($"/api/attraction/deals/{id}/commitments",
            new { side = "government", kind = "land", content = "交付净地200亩", dueOn = "2024-06-30" })).ShouldBe(HttpStatusCode.Created);
        Assert.True(land.GetProperty("overdue").GetBoolean());
        await (await centre.PostJson($"/api/attraction/deals/{id}/commitments",
            new { side = "investor", kind = "investment", content = "年内完成投资3亿元", amount = 30_000m, dueOn = "2099-12-31" })).ShouldBe(HttpStatusCode.Created);

        var deal = await (await centre.GetAsync($"/api/attraction/deals/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, deal.GetProperty("overdueCommitments").GetInt32());
        var overdue = await (await centre.GetAsync("/api/attraction/deals?hasOverdueCommitments=true")).ShouldBe(HttpStatusCode.OK);
        Assert.Contains(overdue.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);

        var landId = land.GetProperty("id").GetGuid();
        var kept = await (await centre.PostJson($"/api/attraction/deals/{id}/commitments/{landId}/fulfil", new { fulfilledOn = "2024-07-10", note = "已交地" }))
            .ShouldBe(HttpStatusCode.OK);
        Assert.False(kept.GetProperty("overdue").GetBoolean());
        Assert.True(kept.GetProperty("fulfilledLate").GetBoolean());
        await (await centre.PostJson($"/api/attraction/deals/{id}/commitments/{landId}/fulfil", new { fulfilledOn = "2024-07-11" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "already_fulfilled");

        var commitments = await (await centre.GetAsync($"/api/attraction/deals/{id}/commitments")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(["government", "investor"], commitments.EnumerateArray().Select(c => c.GetProperty("side").GetString()));
        Assert.All(commitments.EnumerateArray(), c => Assert.False(c.GetProperty("overdue").GetBoolean()));
        await (await centre.PostJson($"/api/attraction/deals/{id}/commitments", new { side = "both", kind = "x", content = "x", dueOn = "2024-01-01" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_request");
    }

    [Fact]
    public async Task Funds_in_place_add_up_per_deal_and_each_arrival_writes_FundsArrived()
    {
        using var centre = factory.ClientFor("attraction", "140522");
        var id = await factory.SignDeal(signedOn: "2024-03-18");
        await (await centre.PostJson($"/api/attraction/deals/{id}/funds", new { amount = 12_000m, arrivedOn = "2024-04-02", note = "首期注资" })).ShouldBe(HttpStatusCode.Created);
        await (await centre.PostJson($"/api/attraction/deals/{id}/funds", new { amount = 3_500.75m, arrivedOn = "2024-05-20" })).ShouldBe(HttpStatusCode.Created);
        await (await centre.PostJson($"/api/attraction/deals/{id}/funds", new { amount = 1m, arrivedOn = "2024-03-01" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "funds_before_signing");
        await (await centre.PostJson($"/api/attraction/deals/{id}/funds", new { amount = 0m, arrivedOn = "2024-04-01" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        var funds = await (await centre.GetAsync($"/api/attraction/deals/{id}/funds")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, funds.GetProperty("total").GetInt32());
        Assert.Equal("2024-05-20", funds.GetProperty("items")[0].GetProperty("arrivedOn").GetString());
        var deal = await (await centre.GetAsync($"/api/attraction/deals/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(15_500.75m, deal.GetProperty("fundsInPlace").GetDecimal());
        Assert.Equal(2, await Outbox("FundsArrived", id));
    }
}
