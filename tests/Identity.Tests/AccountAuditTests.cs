using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Identity.Tests;

/// <summary>The identity service in-process on its own database, for the account audit trail.</summary>
public sealed class AccountAuditFactory() : ServiceFactory<Program>("identity_audit");

/// <summary>The account trail is read like the account list: by administrators only, each its own region's (the city's all).</summary>
public sealed class AccountAuditTests(AccountAuditFactory factory) : IClassFixture<AccountAuditFactory>
{
    async Task<string> CreatedBy(string adminRegion, string role)
    {
        var userName = $"{role}-{Guid.NewGuid().ToString("N")[..8]}@{adminRegion}";
        using var admin = factory.ClientFor("admin", adminRegion);
        var response = await admin.PostAsJsonAsync("/api/identity/accounts", new
        {
            userName, displayName = "审计测试账号", password = "Audit#Trail-2025!", regionCode = adminRegion, role,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return userName;
    }

    static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    static List<string> EntityIds(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("entityId").GetString()!).ToList();

    [Fact]
    public async Task Only_an_administrator_reads_the_account_audit_and_a_county_administrator_only_its_regions()
    {
        var yangcheng = await CreatedBy("140522", "statistics");
        var qinshui = await CreatedBy("140521", "funding");

        foreach (var (role, region, township) in new[] { ("project-office", "140522", (string?)null), ("township", "140522", "凤城镇"), ("city-hq", "140500", null) })
        {
            using var client = factory.ClientFor(role, region, township);
            foreach (var query in new[] { "", $"?entityType=Account&entityId={yangcheng}" })
            {
                var response = await client.GetAsync("/api/identity/audit" + query);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role}@{region}: expected 403, got {(int)response.StatusCode}: {body}");
                Assert.Equal("forbidden", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
                Assert.DoesNotContain(yangcheng, body);
            }
        }

        using var countyAdmin = factory.ClientFor("admin", "140522");
        var own = EntityIds(await Ok(await countyAdmin.GetAsync("/api/identity/audit?pageSize=200")));
        Assert.Contains(yangcheng, own);
        Assert.DoesNotContain(qinshui, own);
        Assert.Equal(0, (await Ok(await countyAdmin.GetAsync($"/api/identity/audit?entityId={qinshui}"))).GetProperty("total").GetInt32());

        using var cityAdmin = factory.ClientFor("admin", "140500");
        var all = EntityIds(await Ok(await cityAdmin.GetAsync("/api/identity/audit?pageSize=200")));
        Assert.Contains(yangcheng, all);
        Assert.Contains(qinshui, all);
        var entry = (await Ok(await cityAdmin.GetAsync($"/api/identity/audit?entityId={yangcheng}"))).GetProperty("items")[0];
        Assert.Contains("\"passwordHash\":\"***\"", entry.GetProperty("after").GetString()!.Replace(" ", ""));
    }
}
