using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace EndToEnd.Tests;

/// <summary>
/// Issue 14 item 8, one request each, through the gateway: bad input is a 4xx problem naming what is wrong, never a
/// 500 or a false 503 — and nothing is written. (tests/Fuzz.Tests generates thousands more of these.)
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BadInputTests(PlatformFixture fixture)
{
    static StringContent RawJson(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_NUL_character_in_a_progress_note_is_a_400_naming_the_field_and_nothing_is_stored()
    {
        using var office = await fixture.SignedInAs("project-office@140522");
        var project = await (await office.PostJson("/api/projects", ProjectSamples.Valid())).ShouldBe(HttpStatusCode.Created);
        var id = project.GetProperty("id").GetGuid();

        var response = await office.PostAsync($"/api/projects/{id}/progress",
            RawJson("""{"period":"2025-03","completedInvestment":100,"note":"主体\u0000施工"}"""));

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_character");
        Assert.Equal("note", problem.GetProperty("field").GetString());
        var progress = await (await office.GetAsync($"/api/projects/{id}/progress?year=2025")).ShouldBe(HttpStatusCode.OK);
        Assert.Empty(progress.GetProperty("months").EnumerateArray());
    }

    [Fact]
    public async Task A_NUL_character_in_a_sign_in_user_name_is_a_400_not_a_500()
    {
        using var client = fixture.Anonymous();
        var response = await client.PostAsync("/api/identity/token", RawJson("""{"username":"a\u0000b","password":"whatever-it-is"}"""));
        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_character");
        Assert.Equal("username", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_NUL_character_in_a_query_string_is_a_400_naming_the_parameter()
    {
        using var office = await fixture.SignedInAs("project-office@140522");
        var problem = await (await office.GetAsync("/api/projects?q=a%00b")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_character");
        Assert.Equal("q", problem.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("/api/projects")]
    [InlineData("/api/attraction/deals")]
    [InlineData("/api/funding/applications")]
    public async Task A_page_past_the_deepest_offset_is_a_400_not_a_database_outage(string list)
    {
        using var city = await fixture.SignedInAs("city-hq@140500");
        var problem = await (await city.GetAsync(list + "?page=2147483647&pageSize=200")).ShouldBeProblem(HttpStatusCode.BadRequest, "page_out_of_range");
        Assert.Equal("page", problem.GetProperty("field").GetString());
        // The deepest page allowed still answers (empty).
        await (await city.GetAsync(list + "?page=501&pageSize=200")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_null_element_in_a_list_of_targets_is_a_400_naming_the_element()
    {
        using var city = await fixture.SignedInAs("city-hq@140500");
        var response = await city.PutAsync("/api/city/targets", RawJson("""{"period":"2097","targets":[null]}"""));
        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "null_element");
        Assert.Equal("targets[0]", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_deal_naming_an_enterprise_that_does_not_exist_is_a_422_and_no_deal_is_recorded()
    {
        using var centre = await fixture.SignedInAs("attraction@140522");
        var name = $"不存在的投资方项目 {Guid.NewGuid():N}";
        var response = await centre.PostAsync("/api/attraction/deals", RawJson($$"""
            {"name":"{{name}}","investors":[{"enterpriseId":"00000000-0000-0000-0000-000000000000"}],
             "amount":1000,"signedOn":"{{DateTime.UtcNow.Year}}-01-15","industry":"装备制造"}
            """));
        await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "unknown_enterprise");
        var deals = await (await centre.GetAsync($"/api/attraction/deals?q={Uri.EscapeDataString(name)}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, deals.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/projects/imports", "project-office@140522")]
    [InlineData("/api/statistics/figures/imports", "statistics@140522")]
    public async Task A_multipart_upload_without_a_boundary_or_with_a_form_body_is_a_400(string url, string account)
    {
        using var client = await fixture.SignedInAs(account);
        var sheet = Encoding.UTF8.GetBytes("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\na,b\r\n--b--\r\n");

        var noBoundary = new ByteArrayContent(sheet);
        noBoundary.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data");
        await (await client.PostAsync(url, noBoundary)).ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_form");

        var formBody = new ByteArrayContent(Encoding.UTF8.GetBytes("file=abc&x=1"));
        formBody.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        await (await client.PostAsync(url, formBody)).ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_form");

        var truncated = new ByteArrayContent(sheet[..(sheet.Length / 2)]);
        truncated.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        await (await client.PostAsync(url, truncated)).ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_form");
    }

    [Fact]
    public async Task A_body_in_a_charset_nobody_knows_is_a_415()
    {
        using var office = await fixture.SignedInAs("project-office@140522");
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{}"));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=binary");
        await (await office.PostAsync("/api/projects", content)).ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }
}
