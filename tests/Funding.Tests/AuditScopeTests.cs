using System.Net;
using System.Net.Http.Json;

namespace Funding.Tests;

/// <summary>The funding trail is scoped like the records: applications by county and township, programmes by who may apply.</summary>
[Collection(FundingCollection.Name)]
public sealed class AuditScopeTests(FundingFactory factory)
{
    async Task<Guid> DraftFor(Guid programme, string township)
    {
        var project = await factory.KnownProject("140522", township: township);
        using var county = factory.ClientFor("funding", "140522");
        var created = await (await county.PostAsJsonAsync("/api/funding/applications",
            new { projectId = project.ProjectId, programmeId = programme, requestedAmount = 100m })).ShouldBe(HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    async Task<int> Total(HttpClient client, string query) =>
        (await (await client.GetAsync("/api/funding/audit?" + query)).ShouldBe(HttpStatusCode.OK)).GetProperty("total").GetInt32();

    [Fact]
    public async Task A_township_user_reads_the_audit_of_its_townships_applications_and_of_the_programmes_it_sees_only()
    {
        var cityWide = await factory.Programme();
        var otherCounty = await factory.Programme(owner: "140521");
        var ours = await DraftFor(cityWide, "北留镇");
        var theirs = await DraftFor(cityWide, "润城镇");

        using var township = factory.ClientFor("township", "140522", "北留镇");
        await (await township.GetAsync($"/api/funding/applications/{theirs}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, await Total(township, $"entityId={theirs}"));
        Assert.Equal(1, await Total(township, $"entityType=FundingApplication&entityId={ours}"));
        Assert.Equal(0, await Total(township, $"entityId={otherCounty}"));
        // The city's programme is open to every county, so its trail is too (its entries carry region 140500).
        Assert.Equal(1, await Total(township, $"entityType=Programme&entityId={cityWide}"));
        var everything = await (await township.GetAsync("/api/funding/audit?pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(everything.GetProperty("items").EnumerateArray(), e => e.GetProperty("entityId").GetString() == theirs.ToString());

        using var county = factory.ClientFor("funding", "140522");
        Assert.Equal(1, await Total(county, $"entityId={theirs}"));
    }
}
