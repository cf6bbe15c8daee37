using System.Net;
using Platform.Spreadsheets;
using static ProjectLibrary.Tests.ImportSheets;

namespace ProjectLibrary.Tests;

/// <summary>The monthly progress sheet: a month's template filled with the office's projects, and its import.</summary>
[Collection(ProjectsCollection.Name)]
public sealed class ProgressImportApiTests(ProjectsFactory factory)
{
    const string AsProgress = "?kind=progress";

    async Task<(Guid Id, string Name)> NewProject(HttpClient office, string region = "140522")
    {
        var body = Samples.Project(region, annual: 12000m);
        return (await office.CreateProject(body), (string)body["name"]!);
    }

    [Fact]
    public async Task A_months_template_lists_the_offices_projects_with_what_is_on_record()
    {
        using var office = factory.Office();
        var (id, name) = await NewProject(office);
        await (await office.PostJson($"/api/projects/{id}/progress", new { period = "2025-02", completedInvestment = 700m })).ShouldBe(HttpStatusCode.Created);
        await (await office.PostJson($"/api/projects/{id}/progress", new { period = "2025-03", completedInvestment = 300m, note = "主体施工" })).ShouldBe(HttpStatusCode.Created);
        using var other = factory.Office("140525");
        var (_, otherName) = await NewProject(other, "140525");

        var bytes = await (await office.GetAsync("/api/projects/imports/template?kind=progress&period=2025-03")).ShouldBeWorkbook();
        var rows = XlsxReader.Read(new MemoryStream(bytes));
        var header = rows.Single(r => r.Cells.Contains("项目名称")).Cells.ToList();
        var line = rows.Single(r => r.Cells.Contains(name)).Cells;
        Assert.Equal("2025-03", line[header.IndexOf("月份")]);
        Assert.Equal(300m, decimal.Parse(line[header.IndexOf("本月完成投资（万元）")]));
        Assert.Equal("主体施工", line[header.IndexOf("备注")]);
        Assert.Equal(700m, decimal.Parse(line[header.IndexOf("上月末累计完成（万元）")]));
        Assert.DoesNotContain(rows, r => r.Cells.Contains(otherName));

        // The filled sheet imports back unchanged.
        var report = await (await office.Upload(bytes, "月度调度.xlsx", AsProgress)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("progress", report.GetProperty("kind").GetString());
        Assert.Equal(0, report.GetProperty("rejected").GetInt32());
        Assert.Equal(0, report.GetProperty("created").GetInt32() + report.GetProperty("updated").GetInt32());
        Assert.True(report.GetProperty("unchanged").GetInt32() >= 1);
        Assert.Equal(report.GetProperty("rowsRead").GetInt32(), report.GetProperty("unchanged").GetInt32() + report.GetProperty("skipped").GetInt32());
        Assert.Equal(2, await factory.Count("ProgressReported", id));

        var blank = await (await office.GetAsync("/api/projects/imports/template?kind=progress")).ShouldBeWorkbook();
        Assert.Contains(XlsxReader.Read(new MemoryStream(blank), "说明"), n => n[0].StartsWith("月份") && n[0].Contains("必填"));
        await (await office.GetAsync("/api/projects/imports/template?kind=progress&period=2025-3x")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await office.GetAsync("/api/projects/imports/template?kind=budget")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Imported_months_update_the_year_to_date_publish_events_in_order_and_a_second_import_changes_nothing()
    {
        using var office = factory.Office();
        var (first, firstName) = await NewProject(office);
        var (second, secondName) = await NewProject(office);
        var sheet = ProgressXlsx((firstName, "2025-01", 1000m, null, null), (firstName, "2025年2月", 1500m, null, "主体施工"), (secondName, "2025-01", 400m, null, null));

        var report = await (await office.Upload(sheet, "进度.xlsx", AsProgress)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(3, report.GetProperty("created").GetInt32());
        var project = await (await office.GetAsync($"/api/projects/{first}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2500m, project.GetProperty("yearToDateInvestment").GetDecimal());
        var february = await factory.LatestBody("ProgressReported", first);
        Assert.Equal("2025-02", february.GetProperty("period").GetString());
        Assert.Equal(2500m, february.GetProperty("yearToDateInvestment").GetDecimal());
        Assert.Equal(project.GetProperty("version").GetInt64(), february.GetProperty("version").GetInt64());
        Assert.Equal(2, await factory.Count("ProgressReported", first));
        var months = await (await office.GetAsync($"/api/projects/{first}/progress?year=2025")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("主体施工", months.GetProperty("months")[1].GetProperty("note").GetString());

        var again = await (await office.Upload(sheet, "进度.xlsx", AsProgress)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(3, again.GetProperty("unchanged").GetInt32());
        Assert.Equal(2, await factory.Count("ProgressReported", first));

        // A different figure corrects the month, and the audit keeps the one before.
        var corrected = await (await office.Upload(ProgressXlsx((firstName, "2025-01", 1200m, null, null)), "进度.xlsx", AsProgress)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, corrected.GetProperty("updated").GetInt32());
        Assert.Equal(2700m, (await (await office.GetAsync($"/api/projects/{first}")).ShouldBe(HttpStatusCode.OK)).GetProperty("yearToDateInvestment").GetDecimal());
        var audit = await (await office.GetAsync($"/api/projects/audit?entityType=MonthlyProgress&entityId={first},2025,1")).ShouldBe(HttpStatusCode.OK);
        var update = Assert.Single(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "updated");
        Assert.Contains("1000", update.GetProperty("before").GetString());
        Assert.Contains("1200", update.GetProperty("after").GetString());
        Assert.Equal("project-office@140522", update.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task A_sheet_with_bad_rows_writes_nothing_and_names_each_row_and_column()
    {
        using var office = factory.Office();
        var (id, name) = await NewProject(office);
        using var other = factory.Office("140525");
        var (_, otherName) = await NewProject(other, "140525");
        await (await office.PostJson("/api/projects/progress/locks", new { regionCode = "140522", period = "2024-12" })).ShouldBe(HttpStatusCode.Created);
        try
        {
            var sheet = ProgressXlsx((name, "2025-01", 1000m, null, null), (name, "2024-12", 5m, null, null), (otherName, "2025-01", 5m, null, null),
                (name, "2099-01", 5m, null, null), (name, "2025-02", "很多", null, null));
            var problem = await (await office.Upload(sheet, "进度.xlsx", AsProgress)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "import_rejected");
            var errors = problem.GetProperty("rowErrors").EnumerateArray()
                .Select(e => (Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString(), Problem: e.GetProperty("problem").GetString()!)).ToList();
            Assert.Contains(errors, e => e is { Row: 4, Column: "月份" } && e.Problem.Contains("锁定"));
            Assert.Contains(errors, e => e is { Row: 5, Column: "项目名称" } && e.Problem.Contains("没有名为")); // another county's project is not found
            Assert.Contains(errors, e => e is { Row: 6, Column: "月份" } && e.Problem.Contains("尚未开始"));
            Assert.Contains(errors, e => e is { Row: 7, Column: "本月完成投资（万元）" });
            Assert.DoesNotContain(errors, e => e.Row == 3);
            Assert.Equal(0, await factory.Count("ProgressReported", id));

            var partial = await (await office.Upload(sheet, "进度.xlsx", AsProgress + "&goodRowsOnly=true")).ShouldBe(HttpStatusCode.OK);
            Assert.Equal((1, 4), (partial.GetProperty("created").GetInt32(), partial.GetProperty("rejected").GetInt32()));
            Assert.Equal(1, await factory.Count("ProgressReported", id));
        }
        finally
        {
            await office.DeleteAsync("/api/projects/progress/locks?regionCode=140522&period=2024-12");
        }
    }

    [Fact]
    public async Task A_project_sheet_sent_as_progress_and_an_unknown_kind_are_refused_clearly()
    {
        using var office = factory.Office();
        var projects = Xlsx(Row($"城东供水工程 {Tag()}"));
        var failed = await (await office.Upload(projects, "projects.xlsx", AsProgress)).ShouldBeProblem(HttpStatusCode.BadRequest, "missing_columns");
        Assert.Contains("本月完成投资", failed.GetProperty("detail").GetString());
        await (await office.Upload(projects, "projects.xlsx", "?kind=budget")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        var history = await (await office.GetAsync("/api/projects/imports?kind=progress&pageSize=5")).ShouldBe(HttpStatusCode.OK);
        Assert.All(history.GetProperty("items").EnumerateArray(), j => Assert.Equal("progress", j.GetProperty("kind").GetString()));
        await (await office.GetAsync("/api/projects/imports?status=sideways")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }
}
