using System.Net;

namespace Attraction.Tests;

/// <summary>The attraction trail is read like the records: the county's bureaus and the city, never a township user.</summary>
[Collection(AttractionCollection.Name)]
public sealed class AuditScopeTests(AttractionFactory factory)
{
    static string UniqueCreditCode()
    {
        var alphabet = Attraction.Api.Features.Enterprises.CreditCode.Alphabet;
        var first17 = "91140522" + string.Concat(Enumerable.Range(0, 9).Select(_ => alphabet[Random.Shared.Next(alphabet.Length)]));
        return first17 + Attraction.Api.Features.Enterprises.CreditCode.CheckCharacter(first17);
    }

    [Fact]
    public async Task A_township_user_cannot_read_the_enterprise_audit_and_the_countys_bureaus_read_it_with_its_contacts()
    {
        using var centre = factory.ClientFor("attraction", "140522");
        var created = await (await centre.PostJson("/api/attraction/enterprises", new
        {
            name = AttractionFactory.UniqueName("晋城市某新材料有限公司"),
            creditCode = UniqueCreditCode(),
            contacts = new[] { new { name = "赵总", title = "董事长", phone = "13903561234", email = "zhao@example.cn" } },
        })).ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        using var township = factory.ClientFor("township", "140522", "北留镇");
        await (await township.GetAsync($"/api/attraction/enterprises/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        foreach (var query in new[] { "", "?entityType=Enterprise", $"?entityId={id}", $"?entityType=Enterprise&entityId={id}&pageSize=200" })
        {
            var response = await township.GetAsync("/api/attraction/audit" + query);
            var body = await response.Content.ReadAsStringAsync();
            await response.ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
            Assert.DoesNotContain("13903561234", body);
        }

        // Every bureau of the county reads the enterprise, contacts included, and so its trail; another county does not.
        using var office = factory.ClientFor("project-office", "140522");
        var trail = await (await office.GetAsync($"/api/attraction/audit?entityType=Enterprise&entityId={id}")).ShouldBe(HttpStatusCode.OK);
        var entry = Assert.Single(trail.GetProperty("items").EnumerateArray());
        Assert.Contains("13903561234", entry.GetProperty("after").GetString());
        using var other = factory.ClientFor("attraction", "140521");
        var none = await (await other.GetAsync($"/api/attraction/audit?entityId={id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }
}
