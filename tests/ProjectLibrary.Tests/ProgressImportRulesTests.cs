using Platform.ServiceDefaults.Auth;
using Platform.Spreadsheets;
using ProjectLibrary.Api.Features.Imports;
using Platform.ServiceDefaults;
using ProjectLibrary.Api.Features.Progress;
using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Tests;

/// <summary>Reading a month's progress sheet and deciding each row, without a database.</summary>
public sealed class ProgressImportRulesTests
{
    static readonly DateOnly Today = new(2025, 6, 30);
    static readonly DateTimeOffset Now = new(2025, 6, 30, 8, 0, 0, TimeSpan.Zero);
    static readonly CallerScope Office = new("project-office@140522", "140522", BureauRoles.ProjectOffice, null, null);
    static readonly string[] Headers = ["序号", "项目代码", "项目名称", "所属地区", "月份", "本月完成投资（万元）", "备注", "年度计划投资（万元）"];

    static ParsedProgressSheet Parse(params string[][] rows) => ProgressSheetReader.Read(
        [new SheetRow(1, ["阳城县项目月度调度表（2025 年 5 月）"]), new SheetRow(2, Headers), .. rows.Select((r, i) => new SheetRow(i + 3, r))]).Sheet!;

    static string[] Line(string name, string period = "2025-05", string amount = "1000", string code = "", string region = "阳城县", string note = "") =>
        ["1", code, name, region, period, amount, note, "12000"];

    static Project Existing(string name, string? code = null, string region = "140522") => Project.RegisterImported(new ProjectInput
    {
        Name = name, NationalCode = code, RegionCode = region, Category = ProjectCategory.Infrastructure, Nature = ProjectNature.New,
        TotalInvestment = 60000m, AnnualPlannedInvestment = 12000m, Year = 2025,
    }, ProjectStage.UnderConstruction, new DateOnly(2025, 3, 1), null, Now);

    static ProgressPlan Plan(ParsedProgressSheet sheet, Project[] projects, MonthlyProgress[]? reported = null,
        params (string Region, int Year, int Month)[] locked) =>
        ProgressImportPlanner.Plan(sheet, Office, new ProgressLookups(projects, reported ?? [], locked.ToHashSet()), Today);

    [Fact]
    public void Rows_match_by_code_or_by_name_and_region_and_new_months_are_created()
    {
        var coded = Existing("城东供水工程", "2501-140522-04-01-000001");
        var named = Existing("污水处理厂提标改造");
        var plan = Plan(Parse(Line("城东供水工程（一期）", code: "2501-140522-04-01-000001"), Line("污水处理厂提标改造", period: "2025年4月", amount: "1,200.5")),
            [coded, named]);

        Assert.All(plan.Rows, r => Assert.Equal(RowOutcomes.Created, r.Outcome));
        Assert.Equal([coded.Id, named.Id], plan.Changes.Select(c => c.Project.Id));
        Assert.Equal(Period.OfMonth(2025, 4), plan.Changes[1].Period);
        Assert.Equal(1200.5m, plan.Changes[1].Amount);
    }

    [Fact]
    public void The_same_figure_again_is_unchanged_and_a_different_one_is_a_correction_keeping_the_note_when_the_column_is_absent()
    {
        var project = Existing("城东供水工程");
        var may = MonthlyProgress.Report(project.Id, "140522", Period.OfMonth(2025, 5), 1000m, "主体施工", "office", Now);
        var april = MonthlyProgress.Report(project.Id, "140522", Period.OfMonth(2025, 4), 800m, "基础施工", "office", Now);
        var withNotes = Plan(Parse(Line("城东供水工程", amount: "1000", note: "主体施工"), Line("城东供水工程", period: "2025-04", amount: "900", note: "基础施工")),
            [project], [may, april]);
        Assert.Equal([RowOutcomes.Unchanged, RowOutcomes.Updated], withNotes.Rows.Select(r => r.Outcome));
        Assert.Same(april, Assert.Single(withNotes.Changes).Existing);

        var noNoteColumn = ProgressSheetReader.Read([new SheetRow(1, ["项目名称", "所属地区", "月份", "本月完成投资"]), new SheetRow(2, ["城东供水工程", "阳城县", "2025-05", "1000"])]).Sheet!;
        var plan = Plan(noNoteColumn, [project], [may]);
        Assert.Equal(RowOutcomes.Unchanged, Assert.Single(plan.Rows).Outcome);
    }

    [Fact]
    public void Every_bad_row_is_refused_with_its_column_and_reason()
    {
        var project = Existing("城东供水工程");
        var twin1 = Existing("同名项目");
        var twin2 = Existing("同名项目");
        var plan = Plan(Parse(
                Line("城东供水工程", amount: "一千"),                        // 3: not a number
                Line("城东供水工程", amount: "-5"),                          // 4: negative
                Line("城东供水工程", amount: "10.123"),                      // 5: three decimals
                Line("城东供水工程", period: "2025-07"),                     // 6: month not begun
                Line("城东供水工程", period: "2025-03"),                     // 7: locked
                Line("城东供水工程", period: "三月"),                        // 8: not a month
                Line("不存在的项目"),                                         // 9: unknown name
                Line("城东供水工程", code: "2501-140522-04-01-999999"),     // 10: unknown code
                Line("城东供水工程", region: "沁水县"),                      // 11: outside the caller's county
                Line("同名项目"),                                            // 12: ambiguous name
                Line("城东供水工程"),                                        // 13: fine
                Line("城东供水工程", amount: "2000"),                        // 14: same project and month as row 13
                ["", "", "", "阳城县", "2025-05", "1", "", ""]),             // 15: no name
            [project, twin1, twin2], locked: ("140522", 2025, 3));

        string Problem(int row, string column) =>
            Assert.Single(plan.Errors, e => e.Row == row && e.Column == column).Problem;
        Assert.Contains("不是数字", Problem(3, "本月完成投资（万元）"));
        Assert.Equal("不能为负数", Problem(4, "本月完成投资（万元）"));
        Assert.Contains("两位小数", Problem(5, "本月完成投资（万元）"));
        Assert.Contains("尚未开始", Problem(6, "月份"));
        Assert.Contains("锁定", Problem(7, "月份"));
        Assert.Contains("不是月份", Problem(8, "月份"));
        Assert.Contains("没有名为", Problem(9, "项目名称"));
        Assert.Contains("没有该项目代码", Problem(10, "项目代码"));
        Assert.Contains("管辖范围", Problem(11, "所属地区"));
        Assert.Contains("同名", Problem(12, "项目名称"));
        Assert.Contains("第 13 行", Problem(14, "月份"));
        Assert.Equal("必填", Problem(15, "项目名称"));
        Assert.Equal(RowOutcomes.Created, Assert.Single(plan.Rows, r => r.Row == 13).Outcome);
        Assert.Single(plan.Changes);
        Assert.Equal(12, plan.Rows.Count(r => r.Outcome == RowOutcomes.Rejected));
    }

    [Fact]
    public void The_platform_id_of_a_downloaded_sheet_tells_projects_with_the_same_name_apart()
    {
        var (twin1, twin2) = (Existing("同名项目"), Existing("同名项目"));
        SheetRow Row(int n, Project p) => new(n, ["同名项目", "阳城县", "2025-05", "100", p.Id.ToString()]);
        var sheet = ProgressSheetReader.Read([new SheetRow(1, ["项目名称", "所属地区", "月份", "本月完成投资", "平台编号"]), Row(2, twin2), Row(3, twin1),
            new SheetRow(4, ["同名项目", "阳城县", "2025-05", "100", "abc"])]).Sheet!;
        var plan = Plan(sheet, [twin1, twin2]);
        Assert.Equal([twin2.Id, twin1.Id], plan.Changes.Select(c => c.Project.Id));
        Assert.Contains(plan.Errors, e => e.Row == 4 && e.Column == "平台编号");
    }

    [Fact]
    public void A_row_left_without_an_amount_is_skipped_not_refused()
    {
        var project = Existing("城东供水工程");
        var plan = Plan(Parse(Line("城东供水工程", amount: ""), Line("不存在的项目", amount: " ")), [project]);
        Assert.All(plan.Rows, r => Assert.Equal(RowOutcomes.Skipped, r.Outcome));
        Assert.Empty(plan.Changes);
        Assert.Empty(plan.Errors);
    }

    [Fact]
    public void A_code_of_a_project_in_another_region_than_the_row_says_is_refused()
    {
        var project = Existing("城东供水工程", "2501-140522-04-01-000001");
        var plan = Plan(Parse(Line("城东供水工程", code: "2501-140522-04-01-000001", region: "市本级")), [project]);
        Assert.Contains(plan.Errors, e => e.Column == "所属地区");
    }

    [Theory]
    [InlineData("2025-03", 2025, 3)]
    [InlineData("2025-3", 2025, 3)]
    [InlineData("2025年3月", 2025, 3)]
    [InlineData("202503", 2025, 3)]
    [InlineData("2025/03", 2025, 3)]
    [InlineData("2025-03-01", 2025, 3)]
    [InlineData("45717", 2025, 3)] // an Excel date cell: 2025-03-01
    public void Months_are_read_as_bureaus_write_them(string text, int year, int month)
    {
        Assert.True(CellText.TryMonth(text, out var y, out var m));
        Assert.Equal((year, month), (y, m));
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("1999-03")]
    [InlineData("三月")]
    [InlineData("2025")]
    [InlineData("")]
    public void Things_that_are_not_months_are_not_read_as_months(string text) => Assert.False(CellText.TryMonth(text, out _, out _));
}
