using Platform.Spreadsheets;
using ProjectLibrary.Api.Features.Progress;
using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Api.Features.Imports;

/// <summary>
/// The monthly progress sheet (月度调度表): one row per project and month with the month's 调度数. The template for a
/// month comes filled with the caller's projects of that year, so the office only types the amounts.
/// </summary>
public static class ProgressSheet
{
    public const string SheetName = "月度调度";

    public static readonly IReadOnlyList<ProjectColumn> Columns =
    [
        new("nationalCode", new("项目代码") { Width = 28 }, "国家项目代码。填写后以它识别项目；未填写的按“项目名称 + 所属地区”识别。", false, "国家项目代码", "项目统一代码"),
        new("name", new("项目名称") { Width = 36 }, "必填，须是项目库中本单位管辖的项目。", true, "项目"),
        new("regionCode", new("所属地区") { Width = 10, AllowedValues = Regions.Codes.Select(ProjectSheet.RegionLabel).ToArray() }, "必填：县（市、区）名称，如“阳城县”；市直项目填“市本级”。", true, "地区", "县区", "地区代码"),
        new("period", new("月份") { Width = 10 }, "必填：调度月份，如 2025-03 或 2025年3月；不能是尚未开始的月份，已审核锁定的月份不能再改。", true, "调度月份", "报送月份"),
        new("completedInvestment", new("本月完成投资", ColumnKind.Decimal) { Unit = "万元", Total = true }, "必填，单位万元，最多两位小数；重新导入即更正该月数字。", true, "当月完成投资", "完成投资"),
        new("note", new("备注") { Width = 30 }, "2000 字以内；整列缺少时保留原备注。", false, "说明"),
        new("projectId", new("平台编号") { Width = 38 }, "平台下载的调度表自带，用于准确识别项目（包括同名项目），请勿修改；自制表格可不填。", false, "项目ID"),
    ];

    /// <summary>Shown for reference in a filled template; the import ignores them.</summary>
    public static readonly IReadOnlyList<SheetColumn> ReadOnlyColumns =
    [
        new("年度计划投资", ColumnKind.Decimal) { Unit = "万元", Total = true },
        new("上月末累计完成", ColumnKind.Decimal) { Unit = "万元", Total = true },
    ];

    public static IReadOnlyList<string> Notes =>
    [
        "本表用于按月批量报送项目调度数（本月完成投资）。每行一个项目的一个月；同一项目可报多个月，每月一行。",
        "识别项目：依次按“平台编号”、项目代码、“项目名称 + 所属地区”匹配；只能报送本单位管辖的项目，不能在此新增项目。",
        "导入前逐行校验。任何一行有错误时默认不导入任何数据，并返回每个错误所在的行号、列名与原因；也可选择“只导入无误的行”。",
        "重新导入同一张表不做任何改动；数字不同的行视为更正，平台保留更正前的记录。",
        "“序号”“年度计划投资”“上月末累计完成”仅供参考，导入时忽略；标题行与“合计”行也被忽略。",
        .. Columns.Select(c => $"{c.Sheet.HeaderText}{(c.Required ? "（*必填）" : "")}：{c.Note}"),
    ];

    /// <summary>A project row of a filled template: what the office sees, and the amount if the month was already reported.</summary>
    public sealed record Line(Project Project, decimal PriorToDate, MonthlyProgress? Reported);

    /// <summary>The template; with a period, one row per listed project with what was already reported that month.</summary>
    public static byte[] Template(string scopeName, Period? period, IReadOnlyList<Line> lines) => XlsxWriter.Write(new SheetDocument
    {
        SheetName = SheetName,
        Title = period is { } p ? $"{scopeName}项目月度调度表（{p.Year} 年 {p.Month} 月）" : "项目月度调度导入模板",
        Columns = [new SheetColumn(ProjectSheet.SerialHeader, ColumnKind.Integer) { Width = 6 }, .. Columns.Select(c => c.Sheet), .. ReadOnlyColumns],
        Rows = lines.Select((l, i) => (IReadOnlyList<object?>)
        [
            i + 1, l.Project.NationalCode, l.Project.Name, ProjectSheet.RegionLabel(l.Project.RegionCode), period?.ToString(),
            l.Reported?.CompletedInvestment, l.Reported?.Note, l.Project.Id.ToString(), l.Project.AnnualPlannedInvestment, l.PriorToDate,
        ]).ToList(),
        TotalsLabel = lines.Count > 0 ? "合计" : null,
        Notes = Notes,
    });
}
