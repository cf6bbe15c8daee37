using System.Net;
using System.Text;
using System.Text.Json;
using Platform.Spreadsheets;
using static ProjectLibrary.Tests.ImportSheets;

namespace ProjectLibrary.Tests;

[Collection(ProjectsCollection.Name)]
public sealed class ImportApiTests(ProjectsFactory factory)
{
    Task<long> ProjectsNamed(string tag) =>
        factory.Database.ScalarAsync<long>("select count(*) from projects where name like @tag", ("tag", $"%{tag}%"));

    Task<long> EventsAbout(string tag) =>
        factory.Database.ScalarAsync<long>("select count(*) from outbox_messages where body->'project'->>'name' like @tag", ("tag", $"%{tag}%"));

    [Fact]
    public async Task The_template_has_every_column_with_units_and_a_notes_sheet()
    {
        using var office = factory.Office();
        var bytes = await (await office.GetAsync("/api/projects/imports/template")).ShouldBeWorkbook();
        var rows = XlsxReader.Read(new MemoryStream(bytes));
        var headers = rows.Single(r => r.Cells.Contains("项目名称")).Cells;
        Assert.Contains("总投资（万元）", headers);
        Assert.Contains("项目阶段", headers);
        Assert.Contains("重点项目级别", headers);
        var notes = XlsxReader.Read(new MemoryStream(bytes), "说明");
        Assert.Contains(notes, n => n[0].StartsWith("项目类别") && n[0].Contains("必填"));
    }

    [Fact]
    public async Task A_sheet_with_bad_rows_reports_each_row_and_column_and_writes_nothing()
    {
        using var office = factory.Office();
        var tag = Tag();
        var sheet = Xlsx(
            Row($"城东供水工程 {tag}"),
            Row($"金属新材料项目 {tag}", cells: ("总投资", "六万")),
            Row($"光伏电站 {tag}", cells: ("年度计划投资", 90000m)),
            Row($"沁水县煤层气项目 {tag}", region: "沁水县"));

        var problem = await (await office.Upload(sheet)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "import_rejected");
        var errors = problem.GetProperty("rowErrors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("problem").GetString()!)).ToList();
        Assert.Contains(errors, e => e.Item1 == 4 && e.Item2 == "总投资（万元）" && e.Item3.Contains("不是数字"));
        Assert.Contains(errors, e => e.Item1 == 5 && e.Item2 == "年度计划投资（万元）" && e.Item3 == "不能超过总投资");
        Assert.Contains(errors, e => e.Item1 == 6 && e.Item2 == "所属地区" && e.Item3.Contains("管辖范围"));
        Assert.DoesNotContain(errors, e => e.Item1 == 3);
        Assert.Equal(4, problem.GetProperty("rowsRead").GetInt32());
        Assert.Equal(0, await ProjectsNamed(tag));
        Assert.Equal(0, await EventsAbout(tag));

        // Asked to, it imports the good row and still reports the others.
        var report = await (await office.Upload(sheet, query: "?goodRowsOnly=true")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("completed", report.GetProperty("status").GetString());
        Assert.Equal(1, report.GetProperty("created").GetInt32());
        Assert.Equal(3, report.GetProperty("rejected").GetInt32());
        Assert.Equal(1, await ProjectsNamed(tag));
        Assert.Equal(1, await EventsAbout(tag));
    }

    [Fact]
    public async Task Importing_the_same_sheet_twice_changes_nothing_the_second_time()
    {
        using var office = factory.Office();
        var tag = Tag();
        var sheet = Xlsx(Row($"城东供水工程 {tag}", cells: ("项目代码", NewCode())), Row($"污水处理厂提标改造 {tag}"));

        var first = await (await office.Upload(sheet)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, first.GetProperty("created").GetInt32());
        var versions = await factory.Database.ScalarAsync<long>("select sum(version) from projects where name like @tag", ("tag", $"%{tag}%"));

        var second = await (await office.Upload(sheet)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, second.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, second.GetProperty("created").GetInt32() + second.GetProperty("updated").GetInt32());
        Assert.Equal(2, await ProjectsNamed(tag));
        Assert.Equal(2, await EventsAbout(tag));
        Assert.Equal(versions, await factory.Database.ScalarAsync<long>("select sum(version) from projects where name like @tag", ("tag", $"%{tag}%")));
    }

    [Fact]
    public async Task A_row_with_a_known_national_code_updates_that_project_and_announces_it()
    {
        using var office = factory.Office();
        var tag = Tag();
        var code = NewCode();
        var body = Samples.Project();
        body["name"] = $"晋城东站综合枢纽 {tag}";
        body["nationalCode"] = code;
        var id = await office.CreateProject(body);

        // Renamed in the county's sheet, with a new annual plan: the code says it is the same project.
        var sheet = Xlsx(Row($"晋城东站综合交通枢纽 {tag}", cells: [("项目代码", code), ("年度计划投资", 20000m)]));
        var report = await (await office.Upload(sheet)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, report.GetProperty("updated").GetInt32());
        Assert.Equal(id, report.GetProperty("rows").GetProperty("items")[0].GetProperty("projectId").GetGuid());

        var project = await (await office.GetAsync($"/api/projects/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal($"晋城东站综合交通枢纽 {tag}", project.GetProperty("name").GetString());
        Assert.Equal(20000m, project.GetProperty("annualPlannedInvestment").GetDecimal());
        Assert.Equal(1, await factory.Count("ProjectUpdated", id));
        Assert.Equal(1, await ProjectsNamed(tag));
        var actor = await factory.Database.ScalarAsync<string>(
            "select actor from audit_log where entity_id = @id and action = 'updated' order by id desc limit 1", ("id", id.ToString()));
        Assert.Equal("project-office@140522", actor);
    }

    [Fact]
    public async Task Without_a_code_a_row_matches_by_name_and_region()
    {
        using var office = factory.Office();
        var tag = Tag();
        var body = Samples.Project();
        body["name"] = $"阳城县人民医院新院区 {tag}";
        var id = await office.CreateProject(body);

        var report = await (await office.Upload(Xlsx(Row($"阳城县人民医院新院区 {tag}", cells: ("总投资", 65000m))))).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, report.GetProperty("updated").GetInt32());
        var project = await (await office.GetAsync($"/api/projects/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(65000m, project.GetProperty("totalInvestment").GetDecimal());
    }

    [Fact]
    public async Task Another_countys_project_code_is_refused_and_the_city_cannot_import_county_rows()
    {
        var tag = Tag();
        var code = NewCode("140521");
        using var qinshui = factory.Office("140521");
        var body = Samples.Project(region: "140521");
        body["name"] = $"沁水县煤层气综合利用 {tag}";
        body["nationalCode"] = code;
        await qinshui.CreateProject(body);

        using var yangcheng = factory.Office();
        var problem = await (await yangcheng.Upload(Xlsx(Row($"煤层气综合利用 {tag}", cells: ("项目代码", code)))))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "import_rejected");
        Assert.Equal("项目代码", problem.GetProperty("rowErrors")[0].GetProperty("column").GetString());

        using var city = factory.ClientFor("city-hq", "140500");
        await (await city.Upload(Xlsx(Row($"城区项目 {tag}", region: "阳城县")))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "import_rejected");
        using var reader = factory.ClientFor("statistics", "140522");
        await (await reader.Upload(Xlsx(Row($"统计局项目 {tag}")))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(1, await ProjectsNamed(tag));
    }

    [Fact]
    public async Task An_exported_list_imports_back_unchanged_and_is_laid_out_for_print()
    {
        using var office = factory.Office();
        var tag = Tag();
        var sheet = Xlsx(
            Row($"城东供水工程 {tag}", cells: [("项目代码", NewCode()), ("乡镇", "凤城镇"), ("计划开工日期", new DateOnly(2025, 3, 1)), ("民间投资", "是")]),
            Row($"智能制造产业园 {tag}", cells: [("项目阶段", "在建"), ("实际开工日期", new DateOnly(2025, 2, 10)), ("重点项目级别", "县级重点"), ("年度计划投资", 3000.5m)]));
        var created = await (await office.Upload(sheet)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, created.GetProperty("created").GetInt32());

        var bytes = await (await office.GetAsync($"/api/projects?q={tag}&format=xlsx")).ShouldBeWorkbook();
        var rows = XlsxReader.Read(new MemoryStream(bytes));
        Assert.StartsWith("阳城县项目库清单", rows[0][0]);
        Assert.Equal("序号", rows[1][0]);
        Assert.Contains("年度计划投资（万元）", rows[1].Cells);
        var totals = rows[^1];
        Assert.Equal("合计", totals[0]);
        Assert.Equal(15000.5m, decimal.Parse(totals[rows[1].Cells.ToList().IndexOf("年度计划投资（万元）")], System.Globalization.CultureInfo.InvariantCulture));

        var again = await (await office.Upload(bytes, "export.xlsx")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, again.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, again.GetProperty("rejected").GetInt32() + again.GetProperty("updated").GetInt32());
    }

    [Fact]
    public async Task A_project_under_construction_is_imported_in_its_stage_and_a_csv_sheet_works_too()
    {
        using var office = factory.Office();
        var tag = Tag();
        var csv = "项目名称,所属地区,项目类别,建设性质,总投资（万元）,年度计划投资（万元）,计划年度,项目阶段,实际开工日期\n" +
                  $"煤矸石综合利用 {tag},阳城县,产业,新建,\"8,000\",3000,2025,在建,2025/4/8\n";
        var report = await (await office.Upload(Encoding.UTF8.GetBytes(csv), "projects.csv")).ShouldBe(HttpStatusCode.OK);
        var id = report.GetProperty("rows").GetProperty("items")[0].GetProperty("projectId").GetGuid();
        var project = await (await office.GetAsync($"/api/projects/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("underConstruction", project.GetProperty("stage").GetString());
        Assert.Equal("2025-04-08", project.GetProperty("actualStartDate").GetString());
        Assert.Equal(8000m, project.GetProperty("totalInvestment").GetDecimal());
        Assert.Equal(1, await factory.Count("ProjectRegistered", id));
    }

    [Fact]
    public async Task A_long_import_can_be_queued_and_polled()
    {
        using var office = factory.Office();
        var tag = Tag();
        var rows = Enumerable.Range(1, 300).Select(i => Row($"批量项目 {tag} #{i}")).ToArray();
        var response = await office.Upload(Xlsx(rows), respondAsync: true);
        var accepted = await response.ShouldBe(HttpStatusCode.Accepted);
        Assert.NotNull(response.Headers.Location);

        var job = await Eventually.Value(async () => await (await office.GetAsync(response.Headers.Location)).ShouldBe(HttpStatusCode.OK),
            j => j.GetProperty("status").GetString() == "completed", "the import job to complete");
        Assert.Equal(accepted.GetProperty("id").GetGuid(), job.GetProperty("id").GetGuid());
        Assert.Equal(300, job.GetProperty("created").GetInt32());
        Assert.Equal(300, await ProjectsNamed(tag));

        var history = await (await office.GetAsync("/api/projects/imports?pageSize=50")).ShouldBe(HttpStatusCode.OK);
        Assert.Contains(history.GetProperty("items").EnumerateArray(), j => j.GetProperty("id").GetGuid() == job.GetProperty("id").GetGuid());
        using var otherCounty = factory.Office("140521");
        await (await otherCounty.GetAsync(response.Headers.Location)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("not-a-sheet", "projects.xlsx", "invalid_spreadsheet")]
    [InlineData("", "projects.xlsx", "empty_file")]
    [InlineData("项目名称,所属地区\n", "projects.csv", "missing_columns")]
    [InlineData("项目名称,所属地区,项目类别,建设性质,总投资（万元）,年度计划投资（万元）,计划年度\n", "projects.csv", "empty_sheet")]
    public async Task A_malformed_file_is_a_400_problem(string content, string fileName, string code)
    {
        using var office = factory.Office();
        await (await office.Upload(Encoding.UTF8.GetBytes(content), fileName)).ShouldBeProblem(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task A_huge_cell_or_a_missing_file_is_a_400_problem()
    {
        using var office = factory.Office();
        var huge = Xlsx(Row("超长说明", cells: ("建设内容及规模", new string('长', 5_000))));
        var problem = await (await office.Upload(huge)).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_spreadsheet");
        Assert.Contains("字符", problem.GetProperty("detail").GetString());
        await (await office.PostAsync("/api/projects/imports", new StringContent("{}", Encoding.UTF8, "application/json")))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "file_required");
    }
}
