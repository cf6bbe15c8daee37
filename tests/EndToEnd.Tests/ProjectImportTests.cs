using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Platform.Spreadsheets;

namespace EndToEnd.Tests;

/// <summary>Issue 9 through the gateway: the template filled in and imported, the export imported back, the city told.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ProjectImportTests(PlatformFixture fixture)
{
    const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static async Task<byte[]> Workbook(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    static Task<HttpResponseMessage> Upload(HttpClient client, byte[] content, string query = "", string fileName = "阳城县项目表.xlsx")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);
        form.Add(file, "file", fileName);
        return client.PostAsync("/api/projects/imports" + query, form);
    }

    [Fact]
    public async Task A_county_fills_in_the_template_imports_it_and_the_export_imports_back_unchanged()
    {
        using var county = await fixture.SignedInAs("project-office@140522");
        var year = DateTime.UtcNow.Year;
        var tag = Guid.NewGuid().ToString("N")[..6];

        // The headers come from the downloaded template itself, in its order.
        var template = await Workbook(await county.GetAsync("/api/projects/imports/template"));
        var headers = XlsxReader.Read(new MemoryStream(template)).First(r => r.Cells.Contains("项目名称")).Cells;
        var values = new Dictionary<string, object?>
        {
            ["项目名称"] = $"阳城县抽水蓄能电站配套道路 {tag}", ["所属地区"] = "阳城县", ["项目类别"] = "基础设施", ["建设性质"] = "新建",
            ["总投资（万元）"] = 38000m, ["年度计划投资（万元）"] = 9000m, ["计划年度"] = year, ["项目阶段"] = "前期",
            ["计划开工日期"] = new DateOnly(year, 1, 20), ["包保领导"] = "李副县长",
        };
        var bad = new Dictionary<string, object?>(values) { ["项目名称"] = $"错误行 {tag}", ["计划年度"] = "明年" };
        var sheet = XlsxWriter.Write(new SheetDocument
        {
            SheetName = "项目库",
            Columns = headers.Select(h => new SheetColumn(h)).ToList(),
            Rows = [headers.Select(h => values.GetValueOrDefault(h)).ToList(), headers.Select(h => bad.GetValueOrDefault(h)).ToList()],
        });

        var rejected = await (await Upload(county, sheet)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "import_rejected");
        var error = rejected.GetProperty("rowErrors").EnumerateArray().Single();
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal("计划年度", error.GetProperty("column").GetString());

        var report = await (await Upload(county, sheet, "?goodRowsOnly=true")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, report.GetProperty("created").GetInt32());
        var id = report.GetProperty("rows").GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("outcome").GetString() == "created").GetProperty("projectId").GetGuid();
        var project = await (await county.GetAsync($"/api/projects/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("preparation", project.GetProperty("stage").GetString());

        // The imported project reaches the city like any registered one: planned this year, not started.
        using var city = await fixture.SignedInAs("city-hq@140500");
        await Eventually.True(async () =>
            (await (await city.GetAsync($"/api/city/lists/not-started?period={year}&regionCode=140522&pageSize=200")).ShouldBe(HttpStatusCode.OK))
                .GetProperty("items").EnumerateArray().Any(r => r.GetProperty("projectId").GetGuid() == id),
            "the imported project to reach the city's not-started list");

        var export = await Workbook(await county.GetAsync($"/api/projects?q={tag}&format=xlsx"));
        var again = await (await Upload(county, export)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, again.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, again.GetProperty("created").GetInt32() + again.GetProperty("updated").GetInt32());

        var history = await (await county.GetAsync("/api/projects/imports?pageSize=20")).ShouldBe(HttpStatusCode.OK);
        Assert.Contains(history.GetProperty("items").EnumerateArray(), j => j.GetProperty("status").GetString() == "rejected");
        using var other = await fixture.SignedInAs("project-office@140521");
        var theirs = await (await other.GetAsync("/api/projects/imports?pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), j => j.GetProperty("createdBy").GetString() == "project-office@140522");
        Assert.Equal(JsonValueKind.Array, theirs.GetProperty("items").ValueKind);
    }

    [Fact]
    public async Task A_county_downloads_a_months_progress_sheet_fills_it_in_and_the_figures_reach_the_library_and_the_city()
    {
        var year = DateTime.UtcNow.Year;
        var period = $"{year}-01";
        using var county = await fixture.SignedInAs("project-office@140525");
        var input = ProjectSamples.Valid();
        input["regionCode"] = "140525";
        input["year"] = year;
        var id = (await (await county.PostJson("/api/projects", input)).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        // The month's sheet lists the county's projects; the office types this project's amount and leaves the rest blank.
        var template = await Workbook(await county.GetAsync($"/api/projects/imports/template?kind=progress&period={period}"));
        var rows = XlsxReader.Read(new MemoryStream(template));
        var header = rows.First(r => r.Cells.Contains("项目名称")).Cells.ToList();
        var amountColumn = header.IndexOf("本月完成投资（万元）");
        var filled = rows.Where(r => r.Number > 2 && r[0] != "合计").Select(r =>
        {
            var cells = r.Cells.Select(c => (object?)c).ToList();
            while (cells.Count < header.Count) cells.Add(null);
            if (r.Cells.Contains(id.ToString())) cells[amountColumn] = 2_345.5m;
            return (IReadOnlyList<object?>)cells;
        }).ToList();
        var sheet = XlsxWriter.Write(new SheetDocument { SheetName = "月度调度", Columns = header.Select(h => new SheetColumn(h)).ToList(), Rows = filled });

        var report = await (await Upload(county, sheet, "?kind=progress", "月度调度.xlsx")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, report.GetProperty("created").GetInt32());
        Assert.Equal(filled.Count - 1, report.GetProperty("skipped").GetInt32() + report.GetProperty("unchanged").GetInt32());
        var project = await (await county.GetAsync($"/api/projects/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2_345.5m, project.GetProperty("yearToDateInvestment").GetDecimal());

        using var city = await fixture.SignedInAs("city-hq@140500");
        await Eventually.Value(async () =>
            {
                var overview = await (await city.GetAsync($"/api/city/overview?period={year}")).ShouldBe(HttpStatusCode.OK);
                return overview.GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("regionCode").GetString() == "140525")
                    .GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "fixedAssetInvestment")
                    .GetProperty("scheduled").GetDecimal();
            },
            scheduled => scheduled >= 2_345.5m, "the imported 调度数 to reach the city's overview");
    }

    [Fact]
    public async Task A_sheet_larger_than_the_gateways_default_request_limit_still_reaches_the_library()
    {
        using var county = await fixture.SignedInAs("project-office@140522");
        var junk = new byte[40 * 1024 * 1024]; // above Kestrel's 30 MB default, below the library's 64 MB
        Random.Shared.NextBytes(junk);
        var problem = await (await Upload(county, junk, fileName: "大表.xlsx")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_spreadsheet");
        Assert.Contains("xlsx", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }
}
