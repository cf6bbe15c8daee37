using System.Net;
using System.Net.Http.Headers;

namespace EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class SecurityTests(PlatformFixture fixture)
{
    [Fact]
    public async Task A_request_without_a_token_is_refused_with_401()
    {
        using var client = fixture.Anonymous();
        var response = await client.GetAsync("/api/projects");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_by_someone_else_is_refused_by_the_gateway()
    {
        using var client = fixture.Anonymous();
        var forged = ForgedToken();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/projects")).StatusCode);
    }

    [Fact]
    public async Task A_service_checks_the_token_itself_and_does_not_trust_the_gateway()
    {
        var projects = fixture.Platform.Processes.Single(p => p.Name == "ProjectLibrary.Api");
        using var direct = new HttpClient { BaseAddress = projects.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await direct.GetAsync("/api/projects")).StatusCode);

        direct.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ForgedToken());
        direct.DefaultRequestHeaders.Add("X-User-Region", "140500");
        Assert.Equal(HttpStatusCode.Unauthorized, (await direct.GetAsync("/api/projects")).StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        using var client = fixture.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.For("project-office", "140522", lifetime: TimeSpan.FromMinutes(-5)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/projects")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_401_and_repeated_failures_put_that_address_in_a_back_off()
    {
        using var client = fixture.Anonymous();
        const string user = "statistics@140524";
        for (var i = 0; i < 4; i++)
        {
            var wrong = await client.PostJson("/api/identity/token", new { username = user, password = "not-the-password" });
            await wrong.ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");
        }
        var fifth = await client.PostJson("/api/identity/token", new { username = user, password = "still-wrong" });
        await fifth.ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");

        // In the back-off even the right password is refused from this address, with the same answer as any failure
        // (no account_locked that would tell a stranger the account exists), until it has waited or an admin lifts it.
        var right = await client.PostJson("/api/identity/token", new { username = user, password = PlatformUnderTest.DemoPassword });
        await right.ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");

        using var admin = await fixture.SignedInAs("admin@140524");
        (await admin.PostAsync($"/api/identity/accounts/{user}/unlock", null)).EnsureSuccessStatusCode();
        var afterUnlock = await client.PostJson("/api/identity/token", new { username = user, password = PlatformUnderTest.DemoPassword });
        var token = await afterUnlock.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.True(token.GetProperty("expires_in").GetInt32() > 0);
    }

    [Fact]
    public async Task An_unknown_user_gets_the_same_answer_as_a_wrong_password()
    {
        using var client = fixture.Anonymous();
        var response = await client.PostJson("/api/identity/token", new { username = "nobody@140522", password = "whatever-it-is" });
        await response.ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task An_admin_manages_only_its_own_regions_accounts()
    {
        using var admin = await fixture.SignedInAs("admin@140522");
        var list = await (await admin.GetAsync("/api/identity/accounts?pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.NotEmpty(list.GetProperty("items").EnumerateArray());
        Assert.All(list.GetProperty("items").EnumerateArray(), a => Assert.Equal("140522", a.GetProperty("regionCode").GetString()));

        var foreign = await admin.PostJson("/api/identity/accounts", new
        {
            userName = "intruder-" + Guid.NewGuid().ToString("N")[..6], displayName = "x", password = "long-enough-1", regionCode = "140581", role = "admin",
        });
        await foreign.ShouldBeProblem(HttpStatusCode.Forbidden);

        using var clerk = await fixture.SignedInAs("project-office@140522");
        await (await clerk.GetAsync("/api/identity/accounts")).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_admin_creates_an_account_that_can_sign_in()
    {
        using var admin = await fixture.SignedInAs("admin@140581");
        var userName = "clerk-" + Guid.NewGuid().ToString("N")[..6];
        var created = await admin.PostJson("/api/identity/accounts", new
        {
            userName, displayName = "高平市 项目推进中心", password = "Gaoping#2025", regionCode = "140581", role = "project-office",
        });
        await created.ShouldBe(HttpStatusCode.Created);
        using var client = fixture.Anonymous();
        var token = await PlatformFixture.TokenFor(client, userName, "Gaoping#2025");
        Assert.False(string.IsNullOrEmpty(token));
    }

    static string ForgedToken()
    {
        // Right claims, issuer and audience, but signed with a key the platform does not trust.
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var key = new Microsoft.IdentityModel.Tokens.RsaSecurityKey(rsa);
        return new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = "platform-identity",
            Audience = "platform-api",
            Claims = new Dictionary<string, object> { ["sub"] = "city-hq@140500", ["region"] = "140500", ["role"] = "city-hq" },
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(key, "RS256"),
        });
    }
}
