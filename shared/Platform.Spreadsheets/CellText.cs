using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Spreadsheets;

/// <summary>A problem with one cell of an imported sheet: the row number and column header the user sees, the problem in Chinese.</summary>
public sealed record RowError(int Row, string Column, string Problem);

/// <summary>
/// Reads the text of a cell the way bureaus type it: "1,200.50" and "１２００" are numbers, 2025/3/18 and 2025年3月18日
/// are dates, 是/否/√ are booleans. Headers compare without spaces, width or case.
/// </summary>
public static partial class CellText
{
    /// <summary>For comparing headers and labels: full-width folded (NFKC), no whitespace or '*', lower case.</summary>
    public static string Normal(string text) =>
        new(text.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c) && c != '*').Select(char.ToLowerInvariant).ToArray());

    /// <summary>A header without its unit: "总投资（万元）" → ("总投资", "万元").</summary>
    public static (string Name, string? Unit) SplitUnit(string header)
    {
        var normal = Normal(header);
        var match = UnitSuffix().Match(normal);
        return match.Success ? (normal[..match.Index], match.Groups[1].Value) : (normal, null);
    }

    public static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(Normal(text).Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out value);

    public static bool TryInteger(string text, out int value)
    {
        value = 0;
        if (!TryDecimal(text, out var d) || d != decimal.Truncate(d) || d is > int.MaxValue or < int.MinValue) return false;
        value = (int)d;
        return true;
    }

    static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日", "yyyy-M-d H:mm:ss"];

    /// <summary>A date as typed, or an Excel serial number left unformatted (e.g. 45734).</summary>
    public static bool TryDate(string text, out DateOnly value)
    {
        var normal = Normal(text);
        if (DateTime.TryParseExact(normal, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
        {
            value = DateOnly.FromDateTime(moment);
            return true;
        }
        value = default;
        return double.TryParse(normal, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2_958_466
            && ExcelDates.FromSerial(Math.Floor(serial)) is { } iso && DateOnly.TryParseExact(iso, "yyyy-MM-dd", out value);
    }

    public static bool TryBoolean(string text, out bool value)
    {
        switch (Normal(text))
        {
            case "是" or "y" or "yes" or "true" or "1" or "√" or "✓" or "✔":
                value = true;
                return true;
            case "否" or "n" or "no" or "false" or "0" or "×" or "✗":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>
    /// A month as bureaus write it: "2025-03", "2025-3", "2025年3月", "202503", "2025/03", a date ("2025-03-01") or an
    /// Excel date cell. Years 2000–2100 only.
    /// </summary>
    public static bool TryMonth(string? text, out int year, out int month)
    {
        year = month = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Normalize(NormalizationForm.FormKC).Trim();
        if (MonthPattern().Match(trimmed) is { Success: true } m)
        {
            year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            month = int.Parse(m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value, CultureInfo.InvariantCulture);
        }
        else if (TryDate(trimmed, out var date) && (trimmed.Length > 5 || trimmed.All(char.IsAsciiDigit) && trimmed.Length == 5))
        {
            (year, month) = (date.Year, date.Month);
        }
        else return false;
        return year is >= 2000 and <= 2100 && month is >= 1 and <= 12;
    }

    [GeneratedRegex(@"^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?|(\d{2}))$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"\((万元|亿元|元|个|%)\)$")]
    private static partial Regex UnitSuffix();
}
