using System.Net;

namespace Identity.Tests;

[Collection(IdentityCollection.Name)]
public sealed class UserNameTests(IdentityFactory factory)
{
    [Fact]
    public async Task A_full_width_user_name_is_stored_in_its_plain_form_and_answered_201_once()
    {
        using var admin = factory.ClientFor("admin", "140522");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var fullWidth = string.Concat(("clerk" + suffix).Select(c => (char)(c + 0xFEE0))); // ｃｌｅｒｋ…
        var body = new { userName = fullWidth, displayName = "阳城县 办事员", password = "Yangcheng#2025", regionCode = "140522", role = "funding" };

        var created = await (await admin.PostJson("/api/identity/accounts", body)).ShouldBe(HttpStatusCode.Created);
        Assert.Equal("clerk" + suffix, created.GetProperty("userName").GetString());
        await (await admin.PostJson("/api/identity/accounts", body)).ShouldBeProblem(HttpStatusCode.Conflict, "duplicate_user_name");

        using var client = factory.From();
        await (await client.SignIn(fullWidth, "Yangcheng#2025")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_chinese_user_name_gets_an_escaped_location()
    {
        using var admin = factory.ClientFor("admin", "140522");
        var userName = "张三" + Guid.NewGuid().ToString("N")[..4];
        var response = await admin.PostJson("/api/identity/accounts", new
        {
            userName, displayName = "张三", password = "Yangcheng#2025", regionCode = "140522", role = "funding",
        });
        await response.ShouldBe(HttpStatusCode.Created);
        Assert.Equal($"/api/identity/accounts/{Uri.EscapeDataString(userName)}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_user_name_with_a_NUL_is_refused_by_the_shared_text_check_before_anything_is_stored()
    {
        using var admin = factory.ClientFor("admin", "140522");
        var response = await admin.PostJson("/api/identity/accounts", new
        {
            userName = "a\u0000b", displayName = "x", password = "Yangcheng#2025", regionCode = "140522", role = "funding",
        });
        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_character");
        Assert.Equal("userName", problem.GetProperty("field").GetString());
        using var client = factory.From();
        await (await client.SignIn("a\u0000b", "Yangcheng#2025")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_character");
        await (await client.SignIn("ab", "Yangcheng#2025")).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("tab\there")]
    [InlineData("slash/name")]
    public async Task A_user_name_with_control_characters_spaces_or_symbols_is_refused_and_nothing_is_stored(string userName)
    {
        using var admin = factory.ClientFor("admin", "140522");
        var response = await admin.PostJson("/api/identity/accounts", new
        {
            userName, displayName = "x", password = "Yangcheng#2025", regionCode = "140522", role = "funding",
        });
        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("userName", out _));
        using var client = factory.From();
        await (await client.SignIn(userName, "Yangcheng#2025")).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");
    }
}
