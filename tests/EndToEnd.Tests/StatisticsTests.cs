using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>Statistical inclusion through the gateway, fed by the real project library over the real broker.</summary>
[Collection(PlatformCollection.Name)]
public sealed class StatisticsTests(PlatformFixture fixture)
{
    static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    async Task<Guid> CreateProject(HttpClient office, string? name = null)
    {
        var created = await (await office.PostJson("/api/projects", ProjectSamples.Valid(name: name))).ShouldBe(HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    static async Task<JsonElement?> PendingItem(HttpClient client, Guid projectId)
    {
        var page = await (await client.GetAsync("/api/statistics/pending?pageSize=200&sort=-totalInvestment")).ShouldBe(HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("projectId").GetGuid() == projectId).Select(i => (JsonElement?)i).FirstOrDefault();
    }

    [Fact]
    public async Task A_project_started_in_the_library_becomes_pending_is_included_and_shows_as_included_in_the_library()
    {
        using var office = await fixture.SignedInAs("project-office@140522");
        using var bureau = await fixture.SignedInAs("statistics@140522");
        var id = await CreateProject(office);
        await (await office.PostJson($"/api/projects/{id}/stage", new { stage = "preparation", date = Today.AddDays(-20) })).ShouldBe(HttpStatusCode.OK);
        await (await office.PostJson($"/api/projects/{id}/stage", new { stage = "underConstruction", date = Today.AddDays(-10) })).ShouldBe(HttpStatusCode.OK);

        var pending = await Eventually.Found(() => PendingItem(bureau, id), "the started project in 已开工未入统", detail: fixture.Platform.Diagnostics);
        Assert.Equal(10, pending.GetProperty("daysSinceStart").GetInt32());
        Assert.Equal(32000.50m, pending.GetProperty("totalInvestment").GetDecimal());

        var application = new
        {
            projectId = id, mainConstructionContent = "新建供水管网 45 公里、加压泵站 2 座", constructionContract = "阳城建施〔2025〕018号",
            sitePhotos = new[] { "archive/2025/site-01.jpg", "archive/2025/site-02.jpg" }, approvalDocument = "阳发改审批〔2025〕12号",
        };
        var inclusion = await (await office.PostJson("/api/statistics/inclusions", application)).ShouldBe(HttpStatusCode.Created);
        var code = "TJ" + Guid.NewGuid().ToString("N")[..12];
        var approved = await (await bureau.PostJson($"/api/statistics/inclusions/{inclusion.GetProperty("id").GetGuid()}/approve", new { statisticsCode = code }))
            .ShouldBe(HttpStatusCode.OK);
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Null(await PendingItem(bureau, id));

        await Eventually.Found<JsonElement>(async () =>
        {
            var project = await (await office.GetAsync($"/api/projects/{id}")).ShouldBe(HttpStatusCode.OK);
            return project.TryGetProperty("isIncludedInStatistics", out var included) && included.GetBoolean() ? project : null;
        }, "isIncludedInStatistics in the project library", detail: fixture.Platform.Diagnostics);
        await (await office.PostJson("/api/statistics/inclusions", application)).ShouldBeProblem(HttpStatusCode.Conflict, "already_included");
    }

    [Fact]
    public async Task Similar_names_registered_in_the_library_become_a_duplicate_candidate_pair()
    {
        using var office = await fixture.SignedInAs("project-office@140522");
        using var bureau = await fixture.SignedInAs("statistics@140522");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var whole = await CreateProject(office, $"阳城县东部片区一体化供水工程{suffix}");
        var phaseOne = await CreateProject(office, $"阳城县东部片区一体化供水工程{suffix}（一期）");

        var pair = await Eventually.Found<JsonElement>(async () =>
        {
            var page = await (await bureau.GetAsync($"/api/statistics/duplicates?projectId={phaseOne}&pageSize=200")).ShouldBe(HttpStatusCode.OK);
            return page.GetProperty("items").EnumerateArray()
                .Where(p => p.GetProperty("project").GetProperty("projectId").GetGuid() == whole || p.GetProperty("other").GetProperty("projectId").GetGuid() == whole)
                .Select(p => (JsonElement?)p).FirstOrDefault();
        }, "the duplicate candidate pair", detail: fixture.Platform.Diagnostics);
        Assert.Equal(1m, pair.GetProperty("score").GetDecimal());

        var dismissed = await (await bureau.PostAsync($"/api/statistics/duplicates/{pair.GetProperty("id").GetGuid()}/dismiss", null)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("dismissed", dismissed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Statistics_are_scoped_and_bad_input_is_a_problem()
    {
        using var gaoping = await fixture.SignedInAs("statistics@140581");
        var list = await (await gaoping.GetAsync("/api/statistics/pending?pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.All(list.GetProperty("items").EnumerateArray(), i => Assert.Equal("140581", i.GetProperty("regionCode").GetString()));
        await (await gaoping.GetAsync($"/api/statistics/inclusions/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await gaoping.PostAsync("/api/statistics/inclusions", new StringContent("{\"projectId\": ", Encoding.UTF8, "application/json")))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_request");
        await (await gaoping.PostJson("/api/statistics/inclusions", new { })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await gaoping.GetAsync("/api/statistics/gaps?period=2025-3-1")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("not a workbook")), "file", "统计数.xlsx" } };
        await (await gaoping.PostAsync("/api/statistics/figures/imports", upload)).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_spreadsheet");
        using var anonymous = fixture.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/statistics/pending")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/statistics.json")).StatusCode);
    }
}
