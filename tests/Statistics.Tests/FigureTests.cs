using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Platform.Contracts.ProjectLibrary;
using Platform.Spreadsheets;
using static Statistics.Tests.StatisticsFactory;

namespace Statistics.Tests;

/// <summary>统计数 entered and imported from the bureau's sheet, and compared with the 调度数.</summary>
public sealed class FigureTests(StatisticsFactory factory) : IClassFixture<StatisticsFactory>
{
    static readonly string LastMonth = DateTime.UtcNow.AddHours(8).AddMonths(-1).ToString("yyyy-MM");

    static MultipartFormDataContent Upload(byte[] bytes, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    static byte[] Sheet(params object?[][] rows) => XlsxWriter.Write(new SheetDocument
    {
        SheetName = "统计数", Title = "固定资产投资统计数",
        Columns = [new("项目代码"), new("期间"), new("完成投资", ColumnKind.Decimal) { Unit = "万元" }],
        Rows = rows,
    });

    async Task<long> Figures(Guid projectId) =>
        await factory.Database.ScalarAsync<long>("select count(*) from official_figures where project_id = @id::uuid", ("id", projectId.ToString()));

    [Fact]
    public async Task An_official_figure_is_kept_only_for_an_included_project_and_publishes_StatisticsReported()
    {
        var projectId = await factory.StartedProject("阳城县演礼乡矿山生态修复", total: 3000m);
        using var bureau = factory.ClientFor("statistics", "140522");
        var body = new { projectId, period = LastMonth, completedInvestment = 420.5m };
        await (await bureau.PutAsJsonAsync("/api/statistics/figures", body)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "not_included");
        await factory.Include(projectId);

        var figure = await (await bureau.PutAsJsonAsync("/api/statistics/figures", body)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(420.5m, figure.GetProperty("completedInvestment").GetDecimal());
        await (await bureau.PutAsJsonAsync("/api/statistics/figures", body with { completedInvestment = 430m })).ShouldBe(HttpStatusCode.OK);
        var events = await factory.Database.ScalarAsync<long>(
            "select count(*) from outbox_messages where message_type like '%StatisticsReported%' and body->>'projectId' = @id", ("id", projectId.ToString()));
        Assert.Equal(2, events);

        await (await bureau.PutAsJsonAsync("/api/statistics/figures", body with { period = "2025-13" })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await bureau.PutAsJsonAsync("/api/statistics/figures", body with { period = "2099-01" })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "future_period");
        using var office = factory.ClientFor("project-office", "140522");
        await (await office.PutAsJsonAsync("/api/statistics/figures", body)).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_sheet_with_bad_rows_imports_nothing_unless_good_rows_only_is_asked()
    {
        var good = await factory.StartedProject("阳城县町店镇现代农业园", total: 4000m, nationalCode: "2503-140522-04-01-880001");
        await factory.Include(good);
        var notIncluded = await factory.StartedProject("阳城县寺头乡旅游公路", total: 4000m, nationalCode: "2503-140522-04-01-880002");
        var sheet = Sheet(
            ["2503-140522-04-01-880001", LastMonth, 1200.5m],
            ["2503-140522-04-01-880002", LastMonth, 300m],
            ["2503-140522-04-01-889999", "2025/13", null]);
        using var bureau = factory.ClientFor("statistics", "140522");

        var rejected = await (await bureau.PostAsync("/api/statistics/figures/imports", Upload(sheet, "统计数.xlsx"))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "import_rejected");
        var errors = rejected.GetProperty("rowErrors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 4 && e.GetProperty("column").GetString() == "项目代码" && e.GetProperty("problem").GetString()!.Contains("尚未入统"));
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 5 && e.GetProperty("column").GetString() == "期间");
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 5 && e.GetProperty("column").GetString() == "完成投资（万元）");
        Assert.DoesNotContain(errors, e => e.GetProperty("row").GetInt32() == 3);
        Assert.Equal(0, await Figures(good));

        var report = await (await bureau.PostAsync("/api/statistics/figures/imports?goodRowsOnly=true", Upload(sheet, "统计数.xlsx"))).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, report.GetProperty("imported").GetInt32());
        Assert.Equal(2, report.GetProperty("rejected").GetInt32());
        Assert.Equal(1, await Figures(good));
        Assert.Equal(0, await Figures(notIncluded));
        Assert.Equal(1200.5m, await factory.Database.ScalarAsync<decimal>("select completed_investment from official_figures where project_id = @id::uuid", ("id", good.ToString())));
    }

    [Fact]
    public async Task A_csv_keyed_by_statistics_code_is_imported_and_bad_files_are_400()
    {
        var projectId = await factory.StartedProject("阳城县白桑乡农村供水保障工程", total: 1800m);
        await factory.Include(projectId, statisticsCode: "TJ-CSV-0001");
        var csv = Encoding.UTF8.GetBytes($"统计编码,期间,完成投资(万元)\r\nTJ-CSV-0001,{LastMonth},88.80\r\n");
        using var bureau = factory.ClientFor("statistics", "140522");
        var report = await (await bureau.PostAsync("/api/statistics/figures/imports", Upload([.. Encoding.UTF8.Preamble, .. csv], "figures.csv"))).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, report.GetProperty("imported").GetInt32());

        await (await bureau.PostAsync("/api/statistics/figures/imports", Upload(Encoding.UTF8.GetBytes("not a workbook"), "figures.xlsx"))).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_spreadsheet");
        await (await bureau.PostAsync("/api/statistics/figures/imports", Upload([], "figures.xlsx"))).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_spreadsheet");
        await (await bureau.PostAsync("/api/statistics/figures/imports", Upload(Encoding.UTF8.GetBytes("名称,金额\n甲,1\n"), "figures.csv"))).ShouldBeProblem(HttpStatusCode.BadRequest, "missing_columns");
        await (await bureau.PostAsJsonAsync("/api/statistics/figures/imports", new { })).ShouldBeProblem(HttpStatusCode.BadRequest, "file_required");
    }

    [Fact]
    public async Task The_gap_between_scheduled_and_official_figures_is_reported_per_project_and_region_and_large_gaps_flagged()
    {
        var close = await factory.StartedProject("阳城县固隆乡特色小镇", total: 6000m);
        var far = await factory.StartedProject("阳城县河北镇煤层气开发利用", total: 6000m);
        foreach (var id in new[] { close, far }) await factory.Include(id);
        using var bureau = factory.ClientFor("statistics", "140522");
        await (await bureau.PutAsJsonAsync("/api/statistics/figures", new { projectId = close, period = LastMonth, completedInvestment = 100m })).ShouldBe(HttpStatusCode.OK);
        await (await bureau.PutAsJsonAsync("/api/statistics/figures", new { projectId = far, period = LastMonth, completedInvestment = 100m })).ShouldBe(HttpStatusCode.OK);
        await factory.Deliver(new ProgressReported { ProjectId = close, RegionCode = "140522", Period = LastMonth, CompletedInvestment = 110m, YearToDateInvestment = 500m, Version = 5, OccurredAt = DateTimeOffset.UtcNow });
        await factory.Deliver(new ProgressReported { ProjectId = far, RegionCode = "140522", Period = LastMonth, CompletedInvestment = 160m, YearToDateInvestment = 900m, Version = 5, OccurredAt = DateTimeOffset.UtcNow });

        var report = await (await bureau.GetAsync($"/api/statistics/gaps?period={LastMonth}&pageSize=200")).ShouldBe(HttpStatusCode.OK);
        var projects = report.GetProperty("projects").GetProperty("items").EnumerateArray().ToList();
        var closeRow = Assert.Single(projects, p => p.GetProperty("projectId").GetGuid() == close);
        Assert.Equal(10m, closeRow.GetProperty("difference").GetDecimal());
        Assert.False(closeRow.GetProperty("flagged").GetBoolean());
        var farRow = Assert.Single(projects, p => p.GetProperty("projectId").GetGuid() == far);
        Assert.Equal(60m, farRow.GetProperty("percent").GetDecimal());
        Assert.True(farRow.GetProperty("flagged").GetBoolean());
        var region = Assert.Single(report.GetProperty("regions").EnumerateArray());
        Assert.True(region.GetProperty("flaggedProjects").GetInt32() >= 1);

        var flagged = await (await bureau.GetAsync($"/api/statistics/gaps?period={LastMonth}&flaggedOnly=true&pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(flagged.GetProperty("projects").GetProperty("items").EnumerateArray(), p => p.GetProperty("projectId").GetGuid() == close);
        await (await bureau.GetAsync("/api/statistics/gaps?period=March")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        using var other = factory.ClientFor("statistics", "140581");
        var theirs = await (await other.GetAsync($"/api/statistics/gaps?period={LastMonth}&pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(theirs.GetProperty("projects").GetProperty("items").EnumerateArray(), p => p.GetProperty("projectId").GetGuid() == far);
    }
}
