using System.Net;
using System.Text.Json;

namespace Identity.Tests;

[Collection(IdentityCollection.Name)]
public sealed class RefreshTokenTests(IdentityFactory factory)
{
    const string Password = "Right#Pass2025";

    [Fact]
    public async Task Access_tokens_last_at_most_15_minutes_and_come_with_a_refresh_token()
    {
        var user = await factory.AddAccountAsync(Password);
        var token = await SignIn(user);
        Assert.InRange(token.GetProperty("expires_in").GetInt32(), 1, 15 * 60);
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.False(string.IsNullOrEmpty(token.GetProperty("refresh_token").GetString()));
    }

    [Fact]
    public async Task A_refresh_token_is_rotated_and_reusing_an_old_one_revokes_the_family()
    {
        var user = await factory.AddAccountAsync(Password);
        var first = (await SignIn(user)).GetProperty("refresh_token").GetString()!;
        using var client = factory.From();

        var second = await (await client.Refresh(first)).ShouldBe(HttpStatusCode.OK);
        var secondRefresh = second.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(first, secondRefresh);
        using (var me = factory.From().WithToken(second.GetProperty("access_token").GetString()!))
            Assert.Equal(user, (await (await me.GetAsync("/api/identity/me")).ShouldBe(HttpStatusCode.OK)).GetProperty("userName").GetString());

        // The first token again: someone copied it. Both it and the legitimate successor stop working.
        await (await client.Refresh(first)).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        await (await client.Refresh(secondRefresh)).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        await (await client.Refresh("made-up-token")).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Fact]
    public async Task Disabling_an_account_revokes_its_refresh_tokens()
    {
        var user = await factory.AddAccountAsync(Password, region: "140502");
        var refresh = (await SignIn(user)).GetProperty("refresh_token").GetString()!;
        using var admin = factory.ClientFor("admin", "140502");
        await (await admin.PutJson($"/api/identity/accounts/{user}", new { enabled = false })).ShouldBe(HttpStatusCode.OK);
        await (await admin.PutJson($"/api/identity/accounts/{user}", new { enabled = true })).ShouldBe(HttpStatusCode.OK);
        await (await factory.From().Refresh(refresh)).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Fact]
    public async Task Changing_an_accounts_role_revokes_its_refresh_tokens_but_a_new_name_does_not()
    {
        var user = await factory.AddAccountAsync(Password, region: "140502");
        var refresh = (await SignIn(user)).GetProperty("refresh_token").GetString()!;
        using var admin = factory.ClientFor("admin", "140502");
        await (await admin.PutJson($"/api/identity/accounts/{user}", new { displayName = "城区 项目办 王科长" })).ShouldBe(HttpStatusCode.OK);
        refresh = (await (await factory.From().Refresh(refresh)).ShouldBe(HttpStatusCode.OK)).GetProperty("refresh_token").GetString()!;

        await (await admin.PutJson($"/api/identity/accounts/{user}", new { role = "funding" })).ShouldBe(HttpStatusCode.OK);
        await (await factory.From().Refresh(refresh)).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Fact]
    public async Task Resetting_or_changing_the_password_revokes_the_refresh_tokens()
    {
        var user = await factory.AddAccountAsync(Password, region: "140525");
        var beforeReset = (await SignIn(user)).GetProperty("refresh_token").GetString()!;
        using var admin = factory.ClientFor("admin", "140525");
        await (await admin.PostJson($"/api/identity/accounts/{user}/password", new { password = "Reset#ByAdmin2025" })).ShouldBe(HttpStatusCode.NoContent);
        await (await factory.From().Refresh(beforeReset)).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_refresh_token");

        var other = await factory.AddAccountAsync(Password);
        var session = await SignIn(other);
        using var owner = factory.From().WithToken(session.GetProperty("access_token").GetString()!);
        await (await owner.PostJson("/api/identity/me/password", new { currentPassword = Password, newPassword = "Changed#Myself2025" })).ShouldBe(HttpStatusCode.NoContent);
        await (await factory.From().Refresh(session.GetProperty("refresh_token").GetString()!)).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    async Task<JsonElement> SignIn(string user)
    {
        using var client = factory.From();
        return await (await client.SignIn(user, Password)).ShouldBe(HttpStatusCode.OK);
    }
}
