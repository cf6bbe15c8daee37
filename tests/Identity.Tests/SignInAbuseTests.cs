using System.Net;
using System.Text.Json;
using Identity.Api.Features.Accounts;

namespace Identity.Tests;

[Collection(IdentityCollection.Name)]
public sealed class SignInAbuseTests(IdentityFactory factory)
{
    const string Password = "Right#Pass2025";

    [Fact]
    public async Task Unknown_wrong_password_disabled_and_throttled_sign_ins_get_one_identical_answer()
    {
        var known = await factory.AddAccountAsync(Password);
        var disabled = await factory.AddAccountAsync(Password, enabled: false);
        var throttled = await factory.AddAccountAsync(Password);
        using var client = factory.From(forwardedFor: "192.0.2.10");
        for (var i = 0; i < 5; i++) await client.SignIn(throttled, "not-the-password");

        var answers = new[]
        {
            await Answer(await client.SignIn("nobody-" + Guid.NewGuid().ToString("N")[..6] + "@140522", Password)),
            await Answer(await client.SignIn(known, "not-the-password")),
            await Answer(await client.SignIn(disabled, Password)),
            await Answer(await client.SignIn(throttled, Password)),
        };

        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.StartsWith("401 application/problem+json", answers[0]);
        Assert.Contains("\"code\":\"invalid_credentials\"", answers[0]);
    }

    [Fact]
    public async Task One_address_hammering_an_account_does_not_block_its_owner_signing_in_from_another()
    {
        var user = await factory.AddAccountAsync(Password);
        using var attacker = factory.From(forwardedFor: "198.51.100.66");
        for (var i = 0; i < 8; i++)
            await (await attacker.SignIn(user, $"guess-{i}-xxxxxx")).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");
        // The attacker's own key is in its back-off: even the right password is refused there, with the same answer.
        await (await attacker.SignIn(user, Password)).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");

        using var owner = factory.From(forwardedFor: "203.0.113.20");
        var token = await (await owner.SignIn(user, Password)).ShouldBe(HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(token.GetProperty("access_token").GetString()));
    }

    [Fact]
    public async Task X_forwarded_for_from_an_untrusted_peer_is_ignored()
    {
        var user = await factory.AddAccountAsync(Password);
        // A client talking to the service directly cannot pick a fresh address per attempt.
        for (var i = 0; i < 6; i++)
        {
            using var spoofing = factory.From(forwardedFor: $"203.0.113.{i + 1}", peer: "198.51.100.9");
            await spoofing.SignIn(user, "wrong-password-x");
        }
        using var again = factory.From(forwardedFor: "203.0.113.200", peer: "198.51.100.9");
        await (await again.SignIn(user, Password)).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");

        using var elsewhere = factory.From(peer: "198.51.100.10");
        await (await elsewhere.SignIn(user, Password)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Changing_ones_password_is_refused_after_repeated_wrong_current_passwords()
    {
        var user = await factory.AddAccountAsync(Password);
        using var client = factory.From();
        var token = (await (await client.SignIn(user, Password)).ShouldBe(HttpStatusCode.OK)).GetProperty("access_token").GetString()!;
        client.WithToken(token);
        for (var i = 0; i < 5; i++)
            await (await client.PostJson("/api/identity/me/password", new { currentPassword = $"guess-{i}-xxxxxxx", newPassword = "New#Password2025" }))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "invalid_credentials");

        var right = await client.PostJson("/api/identity/me/password", new { currentPassword = Password, newPassword = "New#Password2025" });
        await right.ShouldBeProblem(HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.True(PasswordHashing.Verify(Password, (await factory.AccountAsync(user)).PasswordHash));
    }

    [Fact]
    public async Task An_admin_lifts_the_back_off_of_an_account()
    {
        var user = await factory.AddAccountAsync(Password, region: "140581");
        using var client = factory.From(forwardedFor: "192.0.2.99");
        for (var i = 0; i < 6; i++) await client.SignIn(user, "wrong-password-x");
        await (await client.SignIn(user, Password)).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");

        using var admin = factory.ClientFor("admin", "140581");
        await (await admin.PostAsync($"/api/identity/accounts/{user}/unlock", null)).ShouldBe(HttpStatusCode.NoContent);
        await (await client.SignIn(user, Password)).ShouldBe(HttpStatusCode.OK);
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

/// <summary>The back-off on a clock the test moves: the wait passes without waiting.</summary>
public sealed class SignInBackOffTests(IdentityOnAFakeClockFactory factory) : IClassFixture<IdentityOnAFakeClockFactory>
{
    const string Password = "Right#Pass2025";

    [Fact]
    public async Task The_back_off_grows_and_ends_once_the_wait_has_passed()
    {
        var user = await factory.AddAccountAsync(Password);
        using var client = factory.From(forwardedFor: "192.0.2.77");
        for (var i = 0; i < 5; i++) await client.SignIn(user, "wrong-password-x");

        // Five free attempts, then a wait (10 s here): the right password inside it fails, after it succeeds.
        await (await client.SignIn(user, Password)).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");
        factory.Clock!.Advance(TimeSpan.FromSeconds(11));
        await (await client.SignIn(user, Password)).ShouldBe(HttpStatusCode.OK);
    }
}
