using System.Net;
using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>
/// With demo data (as under ./platform up; the fixture turns it on) every bureau opens onto a desk with something on
/// it, through the gateway. Some desks fill only once the project library's events reached their service, so each
/// list is polled for a while.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DemoDeskTests(PlatformFixture fixture)
{
    /// <summary>Each role's main list, what the console opens on.</summary>
    static readonly (string Role, string[] Lists)[] Desks =
    [
        ("project-office", ["/api/projects", "/api/problems"]),
        ("township", ["/api/projects"]),
        ("approvals", ["/api/approvals/items", "/api/approvals/items?status=approved"]),
        ("attraction", ["/api/attraction/enterprises", "/api/attraction/leads", "/api/attraction/deals"]),
        ("statistics", ["/api/statistics/inclusions", "/api/statistics/figures", "/api/statistics/pending"]),
        ("funding", ["/api/funding/programmes", "/api/funding/applications"]),
        ("admin", ["/api/identity/accounts"]),
    ];

    [Theory]
    [InlineData("140522")]
    [InlineData("140581")]
    public async Task Every_demo_account_of_a_county_opens_onto_a_list_with_something_on_it(string region)
    {
        foreach (var (role, lists) in Desks)
        {
            using var client = await fixture.SignedInAs($"{role}@{region}");
            foreach (var list in lists)
                await Until(async () => (await Page(client, list)).GetProperty("total").GetInt32() > 0, $"{role}@{region} finds nothing at {list}");
        }
    }

    [Fact]
    public async Task City_hq_opens_the_overview_on_this_month_with_targets_and_official_figures()
    {
        using var city = await fixture.SignedInAs("city-hq@140500");
        var month = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM");
        await Until(async () =>
        {
            var fixedAsset = Standing(await Page(city, $"/api/city/overview?period={month}"), "140522", "fixedAssetInvestment");
            return fixedAsset.GetProperty("target").ValueKind == JsonValueKind.Number && fixedAsset.GetProperty("target").GetDecimal() > 0
                && fixedAsset.GetProperty("actual").GetDecimal() > 0;
        }, $"the overview of {month} shows no 阳城 fixed-asset target or no official figure");
    }

    static JsonElement Standing(JsonElement overview, string region, string metric) =>
        overview.GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("regionCode").GetString() == region)
            .GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == metric);

    static async Task<JsonElement> Page(HttpClient client, string url) => await (await client.GetAsync(url)).ShouldBe(HttpStatusCode.OK);

    static async Task Until(Func<Task<bool>> condition, string failure, int seconds = 90)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(500);
        }
        Assert.Fail(failure);
    }
}
