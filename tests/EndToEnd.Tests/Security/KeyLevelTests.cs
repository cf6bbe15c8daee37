using System.Net;
using Platform.Spreadsheets;
using static EndToEnd.Tests.Security.FindingsSupport;

namespace EndToEnd.Tests.Security;

/// <summary>Issue 14 item 7: a county decides 县级重点; 市级 and 省级重点 are the city headquarters' to set and to take away.</summary>
[Collection(PlatformCollection.Name)]
public sealed class KeyLevelTests(PlatformFixture fixture)
{
    [Fact]
    public async Task A_county_cannot_raise_a_project_to_a_city_or_provincial_key_level_only_city_hq_can()
    {
        using var county = await fixture.SignedInAs("project-office@140522");
        using var township = await fixture.SignedInAs("township@140522");
        using var hq = await fixture.SignedInAs("city-hq@140500");

        foreach (var level in new[] { "city", "provincial" })
        {
            var refused = await (await county.PostJson("/api/projects", With(ProjectSamples.Valid(), "keyLevel", level)))
                .ShouldBeProblem(HttpStatusCode.Forbidden, "key_level_reserved");
            Assert.Contains("city-hq", refused.GetProperty("detail").GetString());
        }
        await (await township.PostJson("/api/projects", With(With(ProjectSamples.Valid(), "keyLevel", "provincial"), "township", "凤城镇")))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "key_level_reserved");

        var created = await county.PostJson("/api/projects", With(ProjectSamples.Valid(), "keyLevel", "county"));
        var project = await created.ShouldBe(HttpStatusCode.Created);
        var id = project.GetProperty("id").GetGuid();
        var input = With(ProjectSamples.Valid(name: project.GetProperty("name").GetString()), "keyLevel", "city");
        await (await county.SendAsync(Put($"/api/projects/{id}", input, created.Headers.ETag!.Tag)))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "key_level_reserved");

        // The city headquarters flags it; the county can neither take the flag away nor lose it by leaving the level out.
        var flagged = await hq.SendAsync(Put($"/api/projects/{id}/key-level", new { keyLevel = "city" }, created.Headers.ETag!.Tag));
        Assert.Equal("city", (await flagged.ShouldBe(HttpStatusCode.OK)).GetProperty("keyLevel").GetString());
        await (await county.SendAsync(Put($"/api/projects/{id}", With(input, "keyLevel", "county"), flagged.Headers.ETag!.Tag)))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "key_level_reserved");
        var edited = await county.SendAsync(Put($"/api/projects/{id}", With(With(input, "keyLevel", null), "leaderInCharge", "李副县长"), flagged.Headers.ETag!.Tag));
        var kept = await edited.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("city", kept.GetProperty("keyLevel").GetString());
        Assert.Equal("李副县长", kept.GetProperty("leaderInCharge").GetString());
        await (await county.SendAsync(Put($"/api/projects/{id}/key-level", new { keyLevel = (string?)null }, edited.Headers.ETag!.Tag)))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "key_level_reserved");
    }

    [Fact]
    public async Task A_county_sheet_cannot_set_or_take_away_a_city_or_provincial_key_level()
    {
        using var county = await fixture.SignedInAs("project-office@140522");
        using var hq = await fixture.SignedInAs("city-hq@140500");
        var tag = Tag();
        var created = await county.PostJson("/api/projects", ProjectSamples.Valid(name: $"市级重点项目 {tag}"));
        var flaggedId = (await created.ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await hq.SendAsync(Put($"/api/projects/{flaggedId}/key-level", new { keyLevel = "provincial" }, created.Headers.ETag!.Tag)))
            .ShouldBe(HttpStatusCode.OK);

        var template = await (await county.GetAsync("/api/projects/imports/template")).Content.ReadAsByteArrayAsync();
        var headers = XlsxReader.Read(new MemoryStream(template)).First(r => r.Cells.Contains("项目名称")).Cells;
        Dictionary<string, object?> Row(string name, string level) => new()
        {
            ["项目名称"] = name, ["所属地区"] = "阳城县", ["项目类别"] = "基础设施", ["建设性质"] = "新建", ["总投资（万元）"] = 32000.5m,
            ["年度计划投资（万元）"] = 8000m, ["计划年度"] = 2025, ["重点项目级别"] = level,
        };
        var rows = new[] { Row($"新的省级重点 {tag}", "省级重点"), Row($"市级重点项目 {tag}", "县级重点") };
        var sheet = XlsxWriter.Write(new SheetDocument
        {
            SheetName = "项目库",
            Columns = headers.Select(h => new SheetColumn(h)).ToList(),
            Rows = rows.Select(r => (IReadOnlyList<object?>)headers.Select(h => r.GetValueOrDefault(h)).ToList()).ToList(),
        });

        var rejected = await (await Upload(county, "/api/projects/imports", sheet, "重点.xlsx"))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "import_rejected");
        var errors = rejected.GetProperty("rowErrors").EnumerateArray().ToList();
        Assert.Equal([2, 3], errors.Select(e => e.GetProperty("row").GetInt32()).Order());
        Assert.All(errors, e => Assert.Equal("重点项目级别", e.GetProperty("column").GetString()));
        var stored = await (await county.GetAsync($"/api/projects/{flaggedId}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("provincial", stored.GetProperty("keyLevel").GetString());
    }

    static Dictionary<string, object?> With(Dictionary<string, object?> body, string field, object? value) => new(body) { [field] = value };
}
