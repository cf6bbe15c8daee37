using System.Net;
using System.Net.Http.Json;

namespace Attraction.Tests;

/// <summary>
/// The attraction service in-process on its own database and the real broker. The project library is not
/// running here (its address points at a closed port): conversion against the real library is an end-to-end test.
/// </summary>
public sealed class AttractionFactory() : ServiceFactory<Program>("attraction_test")
{
    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Services:projects"] = "http://127.0.0.1:9/",
    };

    public static string UniqueName(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    public static object Deal(string region = "140522", decimal amount = 120_000m, string signedOn = "2024-03-18", string? plannedStartOn = null,
        object[]? investors = null, Guid? leadId = null) => new
        {
            name = UniqueName("年产5万吨光伏玻璃项目"),
            investors = investors ?? [new { name = "某光伏科技有限公司" }],
            amount,
            signedOn,
            regionCode = region,
            industry = "新材料",
            plannedStartOn,
            leadId,
        };

    /// <summary>Signs a deal as the region's investment promotion centre and returns its id.</summary>
    public async Task<Guid> SignDeal(string region = "140522", decimal amount = 120_000m, string signedOn = "2024-03-18")
    {
        using var client = ClientFor("attraction", region);
        var body = await (await client.PostAsJsonAsync("/api/attraction/deals", Deal(region, amount, signedOn))).ShouldBe(HttpStatusCode.Created);
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>Links a deal to a project as a successful conversion would (the library itself is not running here).</summary>
    public Task LinkProject(Guid dealId, Guid projectId) =>
        Database.ExecuteAsync($"update deals set project_id = '{projectId}', converted_at = now(), version = version + 1 where id = '{dealId}'");
}

[CollectionDefinition(Name)]
public sealed class AttractionCollection : ICollectionFixture<AttractionFactory>
{
    public const string Name = "attraction-service";
}
