using Platform.ServiceDefaults.Text;
using Platform.Spreadsheets;
using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Api.Features.Imports;

/// <summary>A column of an import sheet (projects or progress): its Chinese header, the API field it carries and what the notes sheet says of it.</summary>
public sealed record ProjectColumn(string Field, SheetColumn Sheet, string Note, bool Required = false, params string[] Aliases)
{
    public string Header => Sheet.Header;
}

/// <summary>
/// The project sheet shared by the template, the import and the export, so that an exported list imports back unchanged.
/// Labels are those the console shows.
/// </summary>
public static class ProjectSheet
{
    public const string SheetName = "项目库";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // The labels come from the platform's one Chinese table, as the console's do.
    public static readonly IReadOnlyDictionary<ProjectCategory, string> Categories = Chinese.Labels<ProjectCategory>();
    public static readonly IReadOnlyDictionary<ProjectNature, string> Natures = Chinese.Labels<ProjectNature>();
    public static readonly IReadOnlyDictionary<ProjectStage, string> Stages = Chinese.Labels<ProjectStage>();
    public static readonly IReadOnlyDictionary<KeyLevel, string> KeyLevels = Chinese.Labels<KeyLevel>();

    static readonly string[] YesNo = ["是", "否"];

    /// <summary>The region as a bureau writes it: 阳城县, or 市本级 for the city's own projects.</summary>
    public static string RegionLabel(string code) => Regions.NameOf(code);

    public static readonly IReadOnlyList<ProjectColumn> Columns =
    [
        new("name", new("项目名称") { Width = 36 }, "必填，200 字以内。没有项目代码时，以“项目名称 + 所属地区”识别已有项目。", true, "项目"),
        new("nationalCode", new("项目代码") { Width = 28 }, "国家项目代码（投资项目在线审批监管平台赋码），格式 YYMM-RRRRRR-DD-TT-NNNNNN。填写后以它识别已有项目。", false, "国家项目代码", "项目统一代码"),
        new("regionCode", new("所属地区") { Width = 10, AllowedValues = Regions.Codes.Select(RegionLabel).ToArray() }, "必填：县（市、区）名称，如“阳城县”；市直项目填“市本级”。也可填行政区划代码。只能导入本单位所辖地区的项目。", true, "地区", "县区", "地区代码"),
        new("township", new("乡镇") { Width = 12 }, "项目所在乡镇（街道）。乡镇用户只能导入本乡镇的项目。", false, "乡镇（街道）", "所在乡镇"),
        new("category", new("项目类别") { Width = 10, AllowedValues = Categories.Values.ToArray() }, "必填，从下拉列表选择。", true, "类别"),
        new("nature", new("建设性质") { Width = 9, AllowedValues = Natures.Values.ToArray() }, "必填：新建、续建、扩建或改建。", true, "性质"),
        new("industry", new("所属行业") { Width = 14 }, "国民经济行业，100 字以内。", false, "行业"),
        new("description", new("建设内容及规模") { Width = 40 }, "4000 字以内。", false, "建设内容", "建设规模及内容"),
        new("totalInvestment", new("总投资", ColumnKind.Decimal) { Unit = "万元", Total = true }, "必填，单位万元，最多两位小数。", true),
        new("annualPlannedInvestment", new("年度计划投资", ColumnKind.Decimal) { Unit = "万元", Total = true }, "必填，单位万元，不能超过总投资。", true, "年度计划", "本年计划投资"),
        new("year", new("计划年度", ColumnKind.Integer) { Width = 9 }, "必填，年度计划所属年份，如 2025。", true, "年度"),
        new("stage", new("项目阶段") { Width = 9, AllowedValues = Stages.Values.ToArray() }, "新项目默认“储备”。已有项目的阶段请在平台中办理阶段变更，表中改动阶段将被拒绝。", false, "阶段"),
        new("plannedStartDate", new("计划开工日期", ColumnKind.Date), "日期，如 2025-03-18。"),
        new("plannedFinishDate", new("计划竣工日期", ColumnKind.Date), "不能早于计划开工日期。"),
        new("actualStartDate", new("实际开工日期", ColumnKind.Date), "新项目为在建、竣工或投产时必填；已有项目以平台记录为准。"),
        new("actualFinishDate", new("实际竣工日期", ColumnKind.Date), "新项目为竣工或投产时必填。"),
        new("isPrivateInvestment", new("民间投资") { Width = 8, AllowedValues = YesNo }, "是 / 否，空白为否。"),
        new("isIndustrial", new("工业项目") { Width = 8, AllowedValues = YesNo }, "是 / 否，空白为否。"),
        new("isHighTech", new("高新技术") { Width = 8, AllowedValues = YesNo }, "是 / 否，空白为否。"),
        new("isTransformation", new("技术改造") { Width = 8, AllowedValues = YesNo }, "是 / 否，空白为否。", false, "技改项目"),
        new("keyLevel", new("重点项目级别") { Width = 10, AllowedValues = KeyLevels.Values.ToArray() }, "空白时按规则认定：年度计划投资 5000 万元及以上为县级重点。", false, "重点级别"),
        new("leaderInCharge", new("包保领导") { Width = 12 }, "包联推进本项目的县级领导。", false, "包联领导", "分包领导"),
        new("responsibleUnit", new("责任单位") { Width = 20 }, "100 字以内。", false, "项目单位", "建设单位"),
        new("contactPerson", new("联系人") { Width = 10 }, "50 字以内。"),
        new("contactPhone", new("联系电话") { Width = 14 }, "30 字以内。"),
        new("statisticsCode", new("统计编码") { Width = 18 }, "入库纳统后统计部门的项目编码；全市唯一。", false, "统计代码"),
        new("bondProjectId", new("专项债项目编号") { Width = 18 }, "全市唯一。", false, "债券项目编号"),
        new("localNumber", new("本地编号") { Width = 12 }, "本县自编号；县内唯一。", false, "县内编号"),
    ];

    /// <summary>Columns the export adds for reading only; the import ignores them.</summary>
    public static readonly IReadOnlyList<SheetColumn> ReadOnlyColumns =
    [
        new("年度已完成投资", ColumnKind.Decimal) { Unit = "万元", Total = true },
        new("手续完备") { Width = 8 },
        new("已入统") { Width = 8 },
    ];

    public const string SerialHeader = "序号";

    public static IReadOnlyList<string> Notes =>
    [
        "本表用于项目库批量导入与导出。第一个工作表的表头行（可在标题行之下）必须包含带 * 说明为必填的各列；列的顺序不限，缺少的非必填列视为“不修改”。",
        "识别已有项目：填写项目代码的行按项目代码匹配；未填写的按“项目名称 + 所属地区”匹配。匹配到的项目被更新，未匹配的新增；内容相同的行不做改动，可放心重复导入。",
        "导入前逐行校验。任何一行有错误时默认不导入任何数据，并返回每个错误所在的行号、列名与原因；也可选择“只导入无误的行”。",
        "金额单位：万元，最多两位小数。“序号”“年度已完成投资”“手续完备”“已入统”等列仅供阅读，导入时忽略；标题行与“合计”行也被忽略。",
        .. Columns.Select(c => $"{c.Sheet.HeaderText}{(c.Required ? "（*必填）" : "")}：{c.Note}"),
    ];

    /// <summary>The blank import template: headers, drop-down lists and the notes sheet.</summary>
    public static byte[] Template() => XlsxWriter.Write(new SheetDocument
    {
        SheetName = SheetName,
        Title = "项目库导入模板",
        Columns = Columns.Select(c => c.Sheet).ToList(),
        Rows = [],
        Notes = Notes,
    });
}
