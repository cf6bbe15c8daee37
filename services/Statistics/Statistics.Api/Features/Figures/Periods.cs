using System.Globalization;
using System.Text.RegularExpressions;

namespace Statistics.Api.Features.Figures;

/// <summary>Months written "2025-03"; sheets also carry "2025-3", "2025年3月", "202503", "2025/03" or a date cell.</summary>
public static partial class Periods
{
    [GeneratedRegex(@"^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?|(\d{2}))$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})(?: .*)?$")]
    private static partial Regex DatePattern();

    /// <summary>The month in canonical form, or null when the text is not a month of 2000–2100.</summary>
    public static string? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        int year, month;
        if (DatePattern().Match(text) is { Success: true } date)
        {
            year = int.Parse(date.Groups[1].Value, CultureInfo.InvariantCulture);
            month = int.Parse(date.Groups[2].Value, CultureInfo.InvariantCulture);
        }
        else if (MonthPattern().Match(text) is { Success: true } m)
        {
            year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            month = int.Parse(m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value, CultureInfo.InvariantCulture);
        }
        else return null;
        return year is >= 2000 and <= 2100 && month is >= 1 and <= 12 ? $"{year:D4}-{month:D2}" : null;
    }

    /// <summary>Is the (canonical) period after the current month? Figures are reported for months that have begun.</summary>
    public static bool IsFuture(string period, DateOnly today) => string.CompareOrdinal(period, $"{today.Year:D4}-{today.Month:D2}") > 0;
}
