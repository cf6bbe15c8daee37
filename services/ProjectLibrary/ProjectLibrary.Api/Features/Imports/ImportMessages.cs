using System.Text.RegularExpressions;

namespace ProjectLibrary.Api.Features.Imports;

/// <summary>
/// The API's validation messages (English, for integrators) as the bureau reads them in an import report.
/// The rules stay in one place, <see cref="Projects.ProjectInput.Validate"/>; a test checks that every one is translated.
/// </summary>
public static partial class ImportMessages
{
    public static string Chinese(string message) => message switch
    {
        "is required" => "必填",
        "must not be negative" => "不能为负数",
        "is too large" => "数值过大",
        "must not exceed the total investment" => "不能超过总投资",
        "must not be before the planned start date" => "不能早于计划开工日期",
        "has more than two decimal places (万元)" => "最多保留两位小数（万元）",
        _ when AtMost().Match(message) is { Success: true } m => $"不能超过 {m.Groups[1].Value} 个字",
        _ when Between().Match(message) is { Success: true } m => $"应在 {m.Groups[1].Value} 至 {m.Groups[2].Value} 之间",
        _ when message.StartsWith("is not a region", StringComparison.Ordinal) => "不是本市的县（市、区）",
        _ when message.StartsWith("must look like YYMM", StringComparison.Ordinal) => "格式应为 YYMM-RRRRRR-DD-TT-NNNNNN（24 位数字和短横线）",
        _ when message.StartsWith("has a time segment", StringComparison.Ordinal) => "前四位年月（YYMM）中的月份应为 01–12",
        _ when message.StartsWith("has region segment", StringComparison.Ordinal) => "地区段不是本市或本省的行政区划代码",
        _ => message,
    };

    [GeneratedRegex(@"^must be at most (\d+) characters$")]
    private static partial Regex AtMost();

    [GeneratedRegex(@"^must be between (\d+) and (\d+)$")]
    private static partial Regex Between();
}
