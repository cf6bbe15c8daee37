using System.Net;
using Platform.Spreadsheets;
using static EndToEnd.Tests.Security.FindingsSupport;

namespace EndToEnd.Tests.Security;

/// <summary>Issue 14 item 7: a code already held elsewhere is a 409 that names nothing about the record holding it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class UniqueConflictTests(PlatformFixture fixture)
{
    [Fact]
    public async Task A_national_code_held_by_another_county_is_409_without_revealing_that_project()
    {
        using var yangcheng = await fixture.SignedInAs("project-office@140522");
        using var gaoping = await fixture.SignedInAs("project-office@140581");
        // A provincially coded project (region segment 140000), so the code itself names no county.
        var code = $"2501-140000-04-01-{Random.Shared.Next(100_000, 999_999)}";
        var holder = ProjectSamples.Valid(name: $"阳城县保密项目 {Tag()}");
        holder["nationalCode"] = code;
        var held = await (await yangcheng.PostJson("/api/projects", holder)).ShouldBe(HttpStatusCode.Created);
        var secrets = new[] { held.GetProperty("id").GetGuid().ToString(), (string)holder["name"]!, "140522", "阳城" };

        var attempt = ProjectSamples.Valid(regionCode: "140581");
        attempt["nationalCode"] = code;
        var created = await gaoping.PostJson("/api/projects", attempt);
        AssertReveals(await created.ShouldBeProblem(HttpStatusCode.Conflict, "duplicate_national_code"), code, secrets);

        attempt["nationalCode"] = null;
        var own = await gaoping.PostJson("/api/projects", attempt);
        var ownId = (await own.ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        attempt["nationalCode"] = code;
        var updated = await gaoping.SendAsync(Put($"/api/projects/{ownId}", attempt, own.Headers.ETag!.Tag));
        AssertReveals(await updated.ShouldBeProblem(HttpStatusCode.Conflict, "duplicate_national_code"), code, secrets);

        // The spreadsheet import says the code is taken, not by whom or where.
        var template = await (await gaoping.GetAsync("/api/projects/imports/template")).Content.ReadAsByteArrayAsync();
        var headers = XlsxReader.Read(new MemoryStream(template)).First(r => r.Cells.Contains("项目名称")).Cells;
        var row = new Dictionary<string, object?>
        {
            ["项目名称"] = $"高平市项目 {Tag()}", ["所属地区"] = "高平市", ["项目类别"] = "基础设施", ["建设性质"] = "新建",
            ["总投资（万元）"] = 32000.5m, ["年度计划投资（万元）"] = 8000m, ["计划年度"] = 2025, ["项目代码"] = code,
        };
        Assert.Contains("项目代码", headers);
        var sheet = XlsxWriter.Write(new SheetDocument
        {
            SheetName = "项目库", Columns = headers.Select(h => new SheetColumn(h)).ToList(), Rows = [headers.Select(h => row.GetValueOrDefault(h)).ToList()],
        });
        var imported = await (await Upload(gaoping, "/api/projects/imports", sheet, "高平.xlsx")).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "import_rejected");
        var error = imported.GetProperty("rowErrors").EnumerateArray().Single();
        Assert.Equal("项目代码", error.GetProperty("column").GetString());
        Assert.DoesNotContain("地区", error.GetProperty("problem").GetString());
        AssertReveals(imported, null, secrets);
    }

    [Fact]
    public async Task A_credit_code_already_in_the_library_is_409_without_the_holding_enterprises_id_or_name()
    {
        using var centre = await fixture.SignedInAs("attraction@140525");
        var creditCode = RandomCreditCode();
        var name = $"晋城某能源科技有限公司 {Tag()}";
        var first = await (await centre.PostJson("/api/attraction/enterprises", new { name, creditCode })).ShouldBe(HttpStatusCode.Created);
        var again = await centre.PostJson("/api/attraction/enterprises", new { name = $"另一家 {Tag()}", creditCode });
        AssertReveals(await again.ShouldBeProblem(HttpStatusCode.Conflict, "duplicate_credit_code"), creditCode,
            [first.GetProperty("id").GetGuid().ToString(), name]);

        // Another county's library is its own: the same code is no conflict there, and nothing of ours shows.
        using var other = await fixture.SignedInAs("attraction@140524");
        var theirs = await (await other.PostJson("/api/attraction/enterprises", new { name = $"陵川县登记 {Tag()}", creditCode })).ShouldBe(HttpStatusCode.Created);
        Assert.NotEqual(first.GetProperty("id").GetGuid(), theirs.GetProperty("id").GetGuid());
    }

    /// <summary>A fresh code passing the GB 32100-2015 check (so reruns never collide).</summary>
    static string RandomCreditCode()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var first = "91140500" + new string(Enumerable.Range(0, 9).Select(_ => alphabet[Random.Shared.Next(10)]).ToArray());
        var check = 31 - first.Select((c, i) => alphabet.IndexOf(c) * weights[i]).Sum() % 31;
        return first + alphabet[check == 31 ? 0 : check];
    }

    /// <summary>The problem names nothing of the holding record; where it names a code, it is the one the caller sent.</summary>
    static void AssertReveals(System.Text.Json.JsonElement problem, string? code, IEnumerable<string> secrets)
    {
        var text = System.Text.RegularExpressions.Regex.Unescape(problem.GetRawText());
        foreach (var secret in secrets) Assert.DoesNotContain(secret, text);
        if (code is not null) Assert.Contains(code, text);
    }
}
