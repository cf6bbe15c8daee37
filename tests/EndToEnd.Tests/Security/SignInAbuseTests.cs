using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace EndToEnd.Tests.Security;

/// <summary>
/// Sign-in as an attacker tries it, through the gateway. Clients connect from different loopback addresses
/// (127.0.0.2, 127.0.0.3), so the gateway sees two real client addresses and passes them to the identity service.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SignInAbuseTests(PlatformFixture fixture)
{
    const string Password = "Owner#Secret2025";

    [Fact]
    public async Task An_attacker_hammering_an_account_learns_nothing_and_does_not_lock_out_its_owner()
    {
        var user = await CreateAccount("140521");
        using var attacker = ClientFrom("127.0.0.2");
        var answers = new List<string>();
        for (var i = 0; i < 8; i++) answers.Add(await Answer(await attacker.PostJson("/api/identity/token", new { username = user, password = $"guess-{i}-xxxxxx" })));
        // In its back-off the attacker's address is refused even the right password, with the very same answer;
        // so is a user name that does not exist, and a disabled account's right password.
        answers.Add(await Answer(await attacker.PostJson("/api/identity/token", new { username = user, password = Password })));
        answers.Add(await Answer(await attacker.PostJson("/api/identity/token", new { username = "nobody@140521", password = Password })));
        var disabled = await CreateAccount("140521");
        using (var admin = await fixture.SignedInAs("admin@140521"))
            await (await admin.PutAsJsonAsync($"/api/identity/accounts/{disabled}", new { enabled = false })).ShouldBe(HttpStatusCode.OK);
        answers.Add(await Answer(await attacker.PostJson("/api/identity/token", new { username = disabled, password = Password })));
        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.Contains("\"code\":\"invalid_credentials\"", answers[0]);

        // The owner, from another address, signs in and keeps the session going with the refresh token.
        using var owner = ClientFrom("127.0.0.3");
        var signIn = await (await owner.PostJson("/api/identity/token", new { username = user, password = Password })).ShouldBe(HttpStatusCode.OK);
        Assert.InRange(signIn.GetProperty("expires_in").GetInt32(), 1, 900);
        var refreshed = await (await owner.PostJson("/api/identity/token/refresh", new { refresh_token = signIn.GetProperty("refresh_token").GetString() }))
            .ShouldBe(HttpStatusCode.OK);
        owner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", refreshed.GetProperty("access_token").GetString());
        await (await owner.GetAsync("/api/projects?pageSize=1")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task After_an_admin_resets_a_password_every_service_refuses_the_token_until_it_is_changed()
    {
        var user = await CreateAccount("140525");
        using (var admin = await fixture.SignedInAs("admin@140525"))
            await (await admin.PostJson($"/api/identity/accounts/{user}/password", new { password = "Reset#ByAdmin2025" })).ShouldBe(HttpStatusCode.NoContent);

        using var owner = fixture.Anonymous();
        var signIn = await (await owner.PostJson("/api/identity/token", new { username = user, password = "Reset#ByAdmin2025" })).ShouldBe(HttpStatusCode.OK);
        Assert.True(signIn.GetProperty("password_change_required").GetBoolean());
        owner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", signIn.GetProperty("access_token").GetString());
        await (await owner.GetAsync("/api/projects")).ShouldBeProblem(HttpStatusCode.Forbidden, "password_change_required");
        await (await owner.GetAsync("/api/funding/summary")).ShouldBeProblem(HttpStatusCode.Forbidden, "password_change_required");

        await (await owner.PostJson("/api/identity/me/password", new { currentPassword = "Reset#ByAdmin2025", newPassword = Password })).ShouldBe(HttpStatusCode.NoContent);
        using var after = await SignedIn(user, Password);
        await (await after.GetAsync("/api/projects?pageSize=1")).ShouldBe(HttpStatusCode.OK);
    }

    async Task<string> CreateAccount(string region)
    {
        using var admin = await fixture.SignedInAs($"admin@{region}");
        var userName = "clerk-" + Guid.NewGuid().ToString("N")[..8];
        await (await admin.PostJson("/api/identity/accounts", new
        {
            userName, displayName = "项目推进中心", password = Password, regionCode = region, role = "project-office",
        })).ShouldBe(HttpStatusCode.Created);
        return userName;
    }

    async Task<HttpClient> SignedIn(string user, string password)
    {
        var client = fixture.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await PlatformFixture.TokenFor(client, user, password));
        return client;
    }

    /// <summary>A client whose connections to the gateway leave from the given loopback address.</summary>
    HttpClient ClientFrom(string localAddress)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = fixture.Platform.Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Status, media type and body, without the per-request trace and correlation ids.</summary>
    static async Task<string> Answer(HttpResponseMessage response)
    {
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(await response.Content.ReadAsStringAsync())!;
        body.Remove("traceId");
        body.Remove("correlationId");
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} {JsonSerializer.Serialize(body.OrderBy(p => p.Key).ToDictionary())}";
    }
}
