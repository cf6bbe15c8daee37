using Platform.Spreadsheets;

namespace Statistics.Api.Features.Figures;

/// <summary>Months written "2025-03"; sheets also carry "2025-3", "2025年3月", "202503", "2025/03" or a date cell.</summary>
public static class Periods
{
    /// <summary>The month in canonical form, or null when the text is not a month of 2000–2100.</summary>
    public static string? Parse(string? text) => CellText.TryMonth(text, out var year, out var month) ? $"{year:D4}-{month:D2}" : null;

    /// <summary>Is the (canonical) period after the current month? Figures are reported for months that have begun.</summary>
    public static bool IsFuture(string period, DateOnly today) => string.CompareOrdinal(period, $"{today.Year:D4}-{today.Month:D2}") > 0;
}
