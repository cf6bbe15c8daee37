using System.Net;
using System.Text.Json;

namespace EndToEnd.Tests.Security;

/// <summary>
/// A township user goes after the county's audit trails through the gateway, step by step, and gets nothing it may not
/// read elsewhere: no enterprise contacts, no accounts, no other township's project.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AuditScopeAttackTests(PlatformFixture fixture)
{
    static readonly string[] Trails =
        ["/api/identity/audit", "/api/projects/audit", "/api/problems/audit", "/api/approvals/audit", "/api/attraction/audit",
         "/api/statistics/audit", "/api/funding/audit", "/api/city/audit"];

    static string UniqueCreditCode()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var first17 = "91140522" + string.Concat(Enumerable.Range(0, 9).Select(_ => alphabet[Random.Shared.Next(alphabet.Length)]));
        var check = 31 - first17.Select((c, i) => alphabet.IndexOf(c) * weights[i]).Sum() % 31;
        return first17 + alphabet[check == 31 ? 0 : check];
    }

    [Fact]
    public async Task A_township_user_reading_the_countys_audit_trails_step_by_step_gets_no_enterprise_contacts_accounts_or_other_townships_records()
    {
        // The county's investment centre keeps an enterprise with its contacts and corrects it once, so both before and after hold them.
        var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999);
        var email = $"ceo-{Guid.NewGuid().ToString("N")[..8]}@example.cn";
        using var centre = await fixture.SignedInAs("attraction@140522");
        var enterprise = new Dictionary<string, object?>
        {
            ["name"] = $"阳城县某新材料有限公司 {Guid.NewGuid().ToString("N")[..6]}",
            ["creditCode"] = UniqueCreditCode(),
            ["contacts"] = new[] { new { name = "赵总", title = "董事长", phone, email } },
        };
        var created = await centre.PostJson("/api/attraction/enterprises", enterprise);
        var id = (await created.ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        enterprise["note"] = "已对接两次";
        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/attraction/enterprises/{id}") { Content = JsonContent(enterprise) };
        update.Headers.IfMatch.Add(created.Headers.ETag!);
        await (await centre.SendAsync(update)).ShouldBe(HttpStatusCode.OK);

        // The project office registers a project of another township, with a contact phone of its own.
        var projectPhone = "138" + Random.Shared.Next(10_000_000, 99_999_999);
        using var office = await fixture.SignedInAs("project-office@140522");
        var project = (await (await office.PostJson("/api/projects", new
        {
            name = $"阳城县润城镇文旅综合体 {Guid.NewGuid().ToString("N")[..6]}", regionCode = "140522", township = "润城镇",
            category = "cultureTourism", nature = "new", totalInvestment = 30000m, annualPlannedInvestment = 6000m, year = DateTime.UtcNow.Year,
            contactPerson = "钱主任", contactPhone = projectPhone,
        })).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        using var township = await fixture.SignedInAs("township@140522");

        // Step 1: the records themselves are out of reach.
        await (await township.GetAsync($"/api/attraction/enterprises/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await township.GetAsync($"/api/projects/{project}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");

        // Step 2: the attraction trail, whole, by type, by id, by actor: refused.
        foreach (var query in new[] { "", "?entityType=Enterprise", $"?entityId={id}", "?actor=attraction@140522&pageSize=200" })
        {
            var response = await township.GetAsync("/api/attraction/audit" + query);
            var body = await response.Content.ReadAsStringAsync();
            await response.ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
            Assert.DoesNotContain(phone, body);
            Assert.DoesNotContain(email, body);
        }

        // Step 3: the account trail: administrators only.
        foreach (var query in new[] { "", "?entityType=Account", "?entityId=admin@140522" })
            await (await township.GetAsync("/api/identity/audit" + query)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");

        // Step 4: the project trail by the other township's project, by its id and by the office's name.
        foreach (var query in new[] { $"?entityId={project}", $"?entityType=Project&entityId={project}", "?actor=project-office@140522&pageSize=200" })
        {
            var page = await (await township.GetAsync("/api/projects/audit" + query)).ShouldBe(HttpStatusCode.OK);
            Assert.DoesNotContain(page.GetProperty("items").EnumerateArray(), e => e.GetProperty("entityId").GetString() == project.ToString());
        }

        // Step 5: every trail, page after page of what it does answer, holds none of it.
        foreach (var trail in Trails)
        {
            var response = await township.GetAsync(trail + "?pageSize=200");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden, $"{trail}: {(int)response.StatusCode} {body}");
            Assert.DoesNotContain(phone, body);
            Assert.DoesNotContain(email, body);
            Assert.DoesNotContain(projectPhone, body);
            Assert.DoesNotContain("passwordHash", body);
            if (response.StatusCode == HttpStatusCode.OK)
                Assert.All(JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray(),
                    e => Assert.Contains(e.GetProperty("regionCode").GetString(), new[] { "140522", "140500" }));
        }

        // The county's own bureaus still read the enterprise's history, contacts included, before and after.
        var history = await (await office.GetAsync($"/api/attraction/audit?entityType=Enterprise&entityId={id}")).ShouldBe(HttpStatusCode.OK);
        var corrected = history.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "updated");
        Assert.Contains(phone, corrected.GetProperty("before").GetString());
        Assert.Contains(phone, corrected.GetProperty("after").GetString());
    }

    static HttpContent JsonContent(object body) => System.Net.Http.Json.JsonContent.Create(body);
}
