using System.Net;
using System.Security.Cryptography;
using Identity.Api.Features.Accounts;

namespace Identity.Tests;

[Collection(IdentityCollection.Name)]
public sealed class PasswordTests(IdentityFactory factory)
{
    const string Password = "Right#Pass2025";

    [Fact]
    public void New_hashes_use_at_least_600_000_pbkdf2_iterations()
    {
        var hash = PasswordHashing.Hash(Password);
        Assert.StartsWith("pbkdf2-sha256$", hash);
        Assert.True(PasswordHashing.IterationsOf(hash) >= 600_000, hash);
        Assert.False(PasswordHashing.NeedsRehash(hash));
    }

    [Fact]
    public async Task An_older_hash_is_replaced_at_the_next_successful_sign_in()
    {
        var legacy = LegacyHash(Password, 120_000);
        var user = await factory.AddAccountAsync(Password, passwordHash: legacy);
        using var client = factory.From();

        await (await client.SignIn(user, "wrong-password-x")).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(legacy, (await factory.AccountAsync(user)).PasswordHash);

        await (await client.SignIn(user, Password)).ShouldBe(HttpStatusCode.OK);
        var rehashed = (await factory.AccountAsync(user)).PasswordHash;
        Assert.NotEqual(legacy, rehashed);
        Assert.True(PasswordHashing.IterationsOf(rehashed) >= 600_000);
        Assert.True(PasswordHashing.Verify(Password, rehashed));
        await (await client.SignIn(user, Password)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Every_new_password_has_at_least_12_characters()
    {
        using var admin = factory.ClientFor("admin", "140522");
        var create = await admin.PostJson("/api/identity/accounts", new
        {
            userName = "short-" + Guid.NewGuid().ToString("N")[..6], displayName = "x", password = "Elevenchar1", regionCode = "140522", role = "funding",
        });
        Assert.True((await create.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("password", out _));

        var user = await factory.AddAccountAsync(Password);
        var reset = await admin.PostJson($"/api/identity/accounts/{user}/password", new { password = "Elevenchar1" });
        await reset.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        using var owner = factory.From();
        var token = (await (await owner.SignIn(user, Password)).ShouldBe(HttpStatusCode.OK)).GetProperty("access_token").GetString()!;
        var change = await owner.WithToken(token).PostJson("/api/identity/me/password", new { currentPassword = Password, newPassword = "Elevenchar1" });
        Assert.True((await change.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("newPassword", out _));

        Assert.True(PasswordHashing.Verify(Password, (await factory.AccountAsync(user)).PasswordHash));
    }

    [Fact]
    public async Task A_password_reset_by_an_admin_must_be_changed_at_the_next_sign_in()
    {
        var user = await factory.AddAccountAsync(Password, region: "140524");
        using var admin = factory.ClientFor("admin", "140524");
        await (await admin.PostJson($"/api/identity/accounts/{user}/password", new { password = "Reset#ByAdmin2025" })).ShouldBe(HttpStatusCode.NoContent);

        using var owner = factory.From();
        var signIn = await (await owner.SignIn(user, "Reset#ByAdmin2025")).ShouldBe(HttpStatusCode.OK);
        Assert.True(signIn.GetProperty("password_change_required").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, signIn.GetProperty("refresh_token").ValueKind);
        owner.WithToken(signIn.GetProperty("access_token").GetString()!);
        await (await owner.GetAsync("/api/identity/me")).ShouldBeProblem(HttpStatusCode.Forbidden, "password_change_required");

        await (await owner.PostJson("/api/identity/me/password", new { currentPassword = "Reset#ByAdmin2025", newPassword = "Mine#Own#Secret1" }))
            .ShouldBe(HttpStatusCode.NoContent);
        var after = await (await factory.From().SignIn(user, "Mine#Own#Secret1")).ShouldBe(HttpStatusCode.OK);
        Assert.False(after.GetProperty("password_change_required").GetBoolean());
        using var fresh = factory.From().WithToken(after.GetProperty("access_token").GetString()!);
        await (await fresh.GetAsync("/api/identity/me")).ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The stored form the service used before issue 14 (120,000 iterations).</summary>
    static string LegacyHash(string password, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var key = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2-sha256${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(key)}";
    }
}
