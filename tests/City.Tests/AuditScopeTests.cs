using System.Net;
using System.Text.Json;

namespace City.Tests;

/// <summary>The target trail is scoped like the targets: a township user reads its district's and its own township's.</summary>
[Collection(CityCollection.Name)]
public sealed class AuditScopeTests(CityFactory factory)
{
    static object Item(string level, string region, string metric, decimal amount, string? township = null) =>
        new { level, regionCode = region, township, metric, amount };

    static Guid IdOf(JsonElement saved, string? township) =>
        saved.EnumerateArray().Single(t => (t.GetProperty("township").GetString() ?? "") == (township ?? "")).GetProperty("id").GetGuid();

    static List<string> EntityIds(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("entityId").GetString()!).ToList();

    [Fact]
    public async Task A_township_user_reads_the_audit_of_its_own_and_its_districts_targets_but_not_a_neighbouring_townships()
    {
        using var city = factory.City();
        var district = IdOf(await (await city.PutJson("/api/city/targets", new { period = "2042", targets = new[] { Item("district", "140524", "newStarts", 20) } }))
            .ShouldBe(HttpStatusCode.OK), null);
        using var county = factory.ClientFor("project-office", "140524");
        var saved = await (await county.PutJson("/api/city/targets", new
        {
            period = "2042",
            targets = new[] { Item("township", "140524", "newStarts", 8, "崇文镇"), Item("township", "140524", "newStarts", 7, "礼义镇") },
        })).ShouldBe(HttpStatusCode.OK);
        var (ours, theirs) = (IdOf(saved, "崇文镇"), IdOf(saved, "礼义镇"));

        using var township = factory.ClientFor("township", "140524", "崇文镇");
        var trail = EntityIds(await (await township.GetAsync("/api/city/audit?entityType=Target&pageSize=200")).ShouldBe(HttpStatusCode.OK));
        Assert.Contains(ours.ToString(), trail);
        Assert.Contains(district.ToString(), trail);
        Assert.DoesNotContain(theirs.ToString(), trail);
        var asked = await (await township.GetAsync($"/api/city/audit?entityId={theirs}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, asked.GetProperty("total").GetInt32());

        // The county reads both of its townships' targets; another county neither.
        Assert.Contains(theirs.ToString(), EntityIds(await (await county.GetAsync("/api/city/audit?pageSize=200")).ShouldBe(HttpStatusCode.OK)));
        using var other = factory.ClientFor("project-office", "140522");
        Assert.Equal(0, (await (await other.GetAsync($"/api/city/audit?entityId={ours}")).ShouldBe(HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }
}
