using Platform.Spreadsheets;
using Statistics.Api.Features.Figures;
using Statistics.Api.Features.Projects;

namespace Statistics.Tests;

public sealed class FigureSheetTests
{
    static readonly DateOnly Today = new(2025, 6, 15);

    static ProjectView View(string name, string? code = null)
    {
        var view = new ProjectView { Id = Guid.NewGuid() };
        view.ApplySnapshot(StatisticsFactory.Snapshot(view.Id, name, nationalCode: code), 1, DateTimeOffset.UtcNow);
        return view;
    }

    static SheetRow Row(int number, params string[] cells) => new(number, cells);

    [Fact]
    public void The_header_is_found_under_a_title_and_every_bad_row_is_reported_with_row_column_and_problem()
    {
        var included = View("阳城县东部片区一体化供水工程", "2503-140522-04-01-000001");
        var notIncluded = View("阳城县农贸市场改造", "2503-140522-04-01-000002");
        var elsewhere = View("高平市某项目", "2503-140581-04-01-000003");
        var sheet = new[]
        {
            Row(1, "2025年固定资产投资统计数"),
            Row(2, "项目代码", "期间", "完成投资（万元）"),
            Row(3, "2503-140522-04-01-000001", "2025-03", "1,200.50"),
            Row(4, "2503-140522-04-01-000002", "2025-03", "100"),
            Row(5, "2503-140522-04-01-999999", "2025-13", "abc"),
            Row(6, "", "2025-04", "-5"),
            Row(7, "2503-140522-04-01-000001", "2025年3月", "10"),
            Row(8, "2503-140522-04-01-000001", "2025-09", "10.123"),
            Row(9, "2503-140581-04-01-000003", "2025-03", "10"),
        };
        var (rows, factor, problem) = FigureSheet.Parse(sheet);
        Assert.Null(problem);
        Assert.Equal(7, rows.Count);

        var lookups = new ImportLookups(
            new Dictionary<Guid, ProjectView>(), new Dictionary<string, ProjectView>(),
            new[] { included, notIncluded, elsewhere }.ToDictionary(p => p.NationalCode!),
            new HashSet<Guid> { included.Id, elsewhere.Id }, p => p.RegionCode == "140522" && p != elsewhere);
        var (good, errors) = FigureImport.Validate(rows, factor, lookups, Today);

        var figure = Assert.Single(good);
        Assert.Equal((3, "2025-03", 1200.50m), (figure.Row, figure.Period, figure.CompletedInvestment));
        Assert.Contains(errors, e => e is { Row: 4, Column: "项目代码" } && e.Problem.Contains("尚未入统"));
        Assert.Contains(errors, e => e is { Row: 5, Column: "项目代码" } && e.Problem.Contains("未找到"));
        Assert.Contains(errors, e => e is { Row: 5, Column: "期间" } && e.Problem.Contains("YYYY-MM"));
        Assert.Contains(errors, e => e is { Row: 5, Column: "完成投资（万元）" } && e.Problem.Contains("不是数字"));
        Assert.Contains(errors, e => e is { Row: 6, Column: "项目代码" } && e.Problem.Contains("未填写"));
        Assert.Contains(errors, e => e is { Row: 6 } && e.Problem.Contains("负数"));
        Assert.Contains(errors, e => e is { Row: 7 } && e.Problem.Contains("与第 3 行重复"));
        Assert.Contains(errors, e => e is { Row: 8, Column: "期间" } && e.Problem.Contains("晚于当月"));
        Assert.Contains(errors, e => e is { Row: 8 } && e.Problem.Contains("两位小数"));
        Assert.Contains(errors, e => e is { Row: 9 } && e.Problem.Contains("不属于本单位辖区"));
    }

    [Fact]
    public void A_sheet_without_the_required_columns_is_refused_as_a_whole()
    {
        var (_, _, problem) = FigureSheet.Parse([Row(1, "项目名称", "金额")]);
        Assert.Contains("未找到表头", problem);
    }

    [Fact]
    public void Amounts_in_yi_yuan_are_converted_to_wan_yuan()
    {
        var (rows, factor, _) = FigureSheet.Parse([Row(1, "统计编码", "月份", "完成投资(亿元)"), Row(2, "TJ001", "2025-03", "1.5")]);
        Assert.True(FigureSheet.TryAmount(rows[0].Amount, factor, out var amount));
        Assert.Equal(15_000m, amount);
        Assert.Equal(ProjectKey.StatisticsCode, rows[0].KeyKind);
    }
}
