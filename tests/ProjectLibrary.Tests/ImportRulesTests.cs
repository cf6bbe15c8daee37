using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Text;
using Platform.Spreadsheets;
using ProjectLibrary.Api.Features.Imports;
using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Tests;

/// <summary>Reading a county's sheet and deciding each row, without a database.</summary>
public sealed class ImportRulesTests
{
    static readonly DateOnly Today = new(2025, 6, 30);
    static readonly DateTimeOffset Now = new(2025, 6, 30, 8, 0, 0, TimeSpan.Zero);
    static readonly CallerScope Office = new("project-office@140522", "140522", BureauRoles.ProjectOffice, null, null);

    static readonly string[] Headers = ["项目名称", "项目代码", "所属地区", "项目类别", "建设性质", "总投资（万元）", "年度计划投资（万元）", "计划年度", "项目阶段", "重点项目级别", "统计编码"];

    static IReadOnlyList<SheetRow> Sheet(params string[][] rows) =>
        [new SheetRow(1, ["阳城县2025年重点项目表"]), new SheetRow(2, Headers), .. rows.Select((r, i) => new SheetRow(i + 3, r))];

    static string[] Line(string name, string code = "", string region = "阳城县", string total = "60000", string annual = "12000", string stage = "", string key = "", string stats = "") =>
        [name, code, region, "基础设施", "新建", total, annual, "2025", stage, key, stats];

    static ImportLookups Empty(params Project[] inScope) => new(inScope,
        inScope.Where(p => p.NationalCode is not null).ToDictionary(p => p.NationalCode!, p => p.Id),
        inScope.Where(p => p.StatisticsCode is not null).ToDictionary(p => p.StatisticsCode!, p => p.Id),
        new Dictionary<string, Guid>(), new Dictionary<(string, string), Guid>());

    static ParsedSheet Parse(params string[][] rows) => ProjectSheetReader.Read(Sheet(rows)).Sheet!;

    static Project Existing(string name, string? code = null, ProjectStage stage = ProjectStage.Reserve, string? stats = null)
    {
        var input = new ProjectInput
        {
            Name = name, NationalCode = code, RegionCode = "140522", Category = ProjectCategory.Infrastructure, Nature = ProjectNature.New,
            TotalInvestment = 60000m, AnnualPlannedInvestment = 12000m, Year = 2025, StatisticsCode = stats,
        };
        return Project.RegisterImported(input, stage, stage == ProjectStage.UnderConstruction ? new DateOnly(2025, 3, 1) : null, null, Now);
    }

    [Fact]
    public void The_header_is_found_below_a_title_and_a_totals_row_is_ignored()
    {
        var sheet = Parse(Line("城东供水工程"), ["合计", "", "", "", "", "60000", "12000", "", "", "", ""]);
        var row = Assert.Single(sheet.Rows);
        Assert.Equal(3, row.Row);
        Assert.Equal("140522", row.Input.RegionCode);
        Assert.Equal(ProjectCategory.Infrastructure, row.Input.Category);
        Assert.Equal(60000m, row.Input.TotalInvestment);
    }

    [Fact]
    public void Amounts_in_yi_yuan_are_converted_to_wan_yuan_and_labels_are_read_loosely()
    {
        var cells = new IReadOnlyList<string>[]
        {
            ["项目名称", "地区", "项目类别", "建设性质", "总投资（亿元）", "年度计划投资（万元）", "计划年度", "重点项目级别"],
            ["智能制造产业园", "140522", "产业", "扩建", "6.5", "12,000", "２０２５", "市级"],
        };
        var sheet = ProjectSheetReader.Read(cells.Select((c, i) => new SheetRow(i + 1, c)).ToList()).Sheet!;
        var input = Assert.Single(sheet.Rows).Input;
        Assert.Equal(65000m, input.TotalInvestment);
        Assert.Equal(12000m, input.AnnualPlannedInvestment);
        Assert.Equal(2025, input.Year);
        Assert.Equal(KeyLevel.City, input.KeyLevel);
        Assert.Equal(ProjectNature.Expansion, input.Nature);
    }

    [Fact]
    public void Unreadable_cells_are_reported_with_the_sheets_own_header()
    {
        var sheet = Parse(Line("光伏电站", total: "六万", region: "太原市", stage: "施工中"));
        Assert.Empty(sheet.Rows);
        Assert.Contains(sheet.Errors, e => e is { Row: 3, Column: "总投资（万元）" } && e.Problem.Contains("不是数字"));
        Assert.Contains(sheet.Errors, e => e is { Row: 3, Column: "所属地区" });
        Assert.Contains(sheet.Errors, e => e is { Row: 3, Column: "项目阶段" } && e.Problem.Contains("在建"));
    }

    [Fact]
    public void A_sheet_without_the_required_columns_is_refused_naming_them()
    {
        var (sheet, problem) = ProjectSheetReader.Read([new SheetRow(1, ["项目名称", "所属地区"])]);
        Assert.Null(sheet);
        Assert.Contains("“项目类别”", problem);
        Assert.Contains("“总投资”", problem);
    }

    [Fact]
    public void The_same_project_twice_in_a_sheet_rejects_the_second_row()
    {
        var plan = ImportPlanner.Plan(Parse(Line("城东供水工程"), Line("城东供水工程")), Office, Empty(), Today, Now);
        Assert.Equal(RowOutcomes.Created, plan.Rows[0].Outcome);
        Assert.Equal(RowOutcomes.Rejected, plan.Rows[1].Outcome);
        Assert.Contains("第 3 行", plan.Rows[1].Errors![0].Problem);
        Assert.Single(plan.Creates);
    }

    [Fact]
    public void A_key_level_that_only_repeats_the_rule_stays_decided_by_the_rule()
    {
        var plan = ImportPlanner.Plan(Parse(Line("城东供水工程", key: "县级重点"), Line("污水厂", annual: "3000", key: "县级重点")), Office, Empty(), Today, Now);
        Assert.False(plan.Creates[0].KeyLevelSetExplicitly);
        Assert.True(plan.Creates[1].KeyLevelSetExplicitly);
        Assert.Equal(KeyLevel.County, plan.Creates[1].KeyLevel);
    }

    [Fact]
    public void An_existing_projects_stage_is_not_changed_by_a_sheet()
    {
        var project = Existing("城东供水工程", stage: ProjectStage.UnderConstruction);
        var plan = ImportPlanner.Plan(Parse(Line("城东供水工程", stage: "竣工")), Office, Empty(project), Today, Now);
        var error = Assert.Single(plan.Rows.Single().Errors!);
        Assert.Equal("项目阶段", error.Column);
        Assert.Contains("当前：在建", error.Problem);
    }

    [Fact]
    public void A_blank_identifier_keeps_the_one_the_project_has_and_an_identical_row_is_unchanged()
    {
        var project = Existing("城东供水工程", code: "2501-140522-04-01-000001", stats: "TJ-0001");
        var plan = ImportPlanner.Plan(Parse(Line("城东供水工程")), Office, Empty(project), Today, Now);
        Assert.Equal(RowOutcomes.Unchanged, plan.Rows.Single().Outcome);
        Assert.Equal(project.Id, plan.Rows.Single().ProjectId);
    }

    [Fact]
    public void A_statistics_code_another_project_holds_is_refused()
    {
        var holder = Existing("污水处理厂", stats: "TJ-0001");
        var plan = ImportPlanner.Plan(Parse(Line("城东供水工程", stats: "TJ-0001")), Office, Empty(holder), Today, Now);
        Assert.Equal("统计编码", plan.Rows.Single().Errors!.Single().Column);
    }

    [Fact]
    public void Two_projects_of_the_same_name_need_a_code_to_tell_them_apart()
    {
        var plan = ImportPlanner.Plan(Parse(Line("道路提升改造")), Office, Empty(Existing("道路提升改造"), Existing("道路提升改造")), Today, Now);
        Assert.Contains("项目代码", plan.Rows.Single().Errors!.Single().Problem);
    }

    [Fact]
    public void A_new_project_under_construction_needs_its_start_date()
    {
        var plan = ImportPlanner.Plan(Parse(Line("煤矸石综合利用", stage: "在建")), Office, Empty(), Today, Now);
        Assert.Equal("实际开工日期", plan.Rows.Single().Errors!.Single().Column);
    }

    [Fact]
    public void A_township_user_imports_only_its_own_township()
    {
        var township = Office with { Role = BureauRoles.Township, Township = "凤城镇" };
        var plan = ImportPlanner.Plan(Parse(Line("城东供水工程")), township, Empty(), Today, Now);
        Assert.Contains("凤城镇", plan.Rows.Single().Errors!.Single().Problem);
    }

    [Fact]
    public void Every_validation_message_of_a_project_is_translated_for_the_report()
    {
        var inputs = new[]
        {
            new ProjectInput(),
            new ProjectInput { Name = new string('名', 201), RegionCode = "110000", TotalInvestment = -1m, AnnualPlannedInvestment = 1.234m, Year = 1999,
                PlannedStartDate = new DateOnly(2025, 5, 1), PlannedFinishDate = new DateOnly(2025, 1, 1), NationalCode = "abc" },
            new ProjectInput { TotalInvestment = 10m, AnnualPlannedInvestment = 20m, NationalCode = "2513-140522-04-01-000001" },
            new ProjectInput { TotalInvestment = 1e13m, NationalCode = "2501-110000-04-01-000001" },
        };
        foreach (var input in inputs)
        {
            var errors = new ValidationErrors();
            input.Validate(errors);
            foreach (var (_, error) in errors.All)
            {
                Assert.NotEqual(error.Message, Chinese.Of(error));
                Assert.DoesNotContain("{", Chinese.Of(error));
            }
        }
    }

    [Fact]
    public void A_report_names_the_limit_a_too_long_value_broke()
    {
        var errors = new ValidationErrors();
        new ProjectInput { Name = new string('名', 201), NationalCode = "2501-110000-04-01-000001" }.Validate(errors);
        Assert.Equal("不能超过 200 个字", Chinese.Of(errors.All.Single(e => e.Field == "name").Error));
        Assert.Equal("地区段 110000 不是本市或本省的行政区划代码", Chinese.Of(errors.All.Single(e => e.Field == "nationalCode").Error));
    }
}
