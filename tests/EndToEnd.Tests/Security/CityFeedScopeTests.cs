using System.Net;
using static EndToEnd.Tests.Security.FindingsSupport;

namespace EndToEnd.Tests.Security;

/// <summary>Issue 14 item 7: the city change feed shows a caller only the events it may read elsewhere.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CityFeedScopeTests(PlatformFixture fixture)
{
    [Fact]
    public async Task A_township_reads_only_its_own_townships_events_in_the_city_feed_and_no_deal_events()
    {
        using var county = await fixture.SignedInAs("project-office@140522");
        using var centre = await fixture.SignedInAs("attraction@140522");
        using var township = await fixture.SignedInAs("township@140522"); // 凤城镇

        var tag = Tag();
        var ours = await ProjectIn(county, "凤城镇", $"凤城镇项目 {tag}");
        var theirs = await ProjectIn(county, "北留镇", $"北留镇项目 {tag}");
        var deal = await (await centre.PostJson("/api/attraction/deals", new
        {
            name = $"签约项目 {tag}", investors = new[] { new { name = "某投资有限公司" } }, amount = 12_000m,
            signedOn = $"{DateTime.UtcNow.Year}-01-15", regionCode = "140522", industry = "装备制造",
        })).ShouldBe(HttpStatusCode.Created);
        var dealId = deal.GetProperty("id").GetGuid().ToString();

        // The county sees all three once the city has applied them ...
        var countyFeed = await Eventually.Value(() => WholeFeed(county),
            items => items.Any(e => About(e, ours)) && items.Any(e => About(e, theirs)) && items.Any(e => e.GetProperty("data").GetRawText().Contains(dealId)),
            "the city to journal both projects and the deal");
        Assert.Contains(countyFeed, e => e.GetProperty("type").GetString() == "DealSigned");

        // ... the township only its own township's project, and none of the investment promotion centre's events.
        var townshipFeed = await WholeFeed(township);
        Assert.Contains(townshipFeed, e => About(e, ours));
        Assert.DoesNotContain(townshipFeed, e => About(e, theirs));
        Assert.DoesNotContain(townshipFeed, e => e.GetProperty("type").GetString() is "DealSigned" or "DealConverted" or "FundsArrived");
        Assert.DoesNotContain(townshipFeed, e => e.GetProperty("data").GetRawText().Contains(dealId));
        Assert.All(townshipFeed, e => Assert.Equal("140522", e.GetProperty("regionCode").GetString()));
    }

    static bool About(System.Text.Json.JsonElement item, Guid projectId) =>
        item.GetProperty("projectId").ValueKind == System.Text.Json.JsonValueKind.String && item.GetProperty("projectId").GetGuid() == projectId;

    static async Task<Guid> ProjectIn(HttpClient county, string township, string name)
    {
        var body = ProjectSamples.Valid(name: name);
        body["township"] = township;
        return (await (await county.PostJson("/api/projects", body)).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }
}
