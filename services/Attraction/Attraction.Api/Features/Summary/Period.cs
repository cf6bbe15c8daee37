using System.Globalization;
using System.Text.RegularExpressions;

namespace Attraction.Api.Features.Summary;

/// <summary>A reporting period written 2025, 2025-Q1 or 2025-03: its first and last day.</summary>
public sealed partial record Period(string Text, int Year, DateOnly From, DateOnly To)
{
    [GeneratedRegex(@"^(?<year>\d{4})(-(Q(?<quarter>[1-4])|(?<month>0[1-9]|1[0-2])))?$")]
    private static partial Regex Pattern();

    public DateOnly YearStart => new(Year, 1, 1);

    public static Period? TryParse(string? text)
    {
        if (text is null) return null;
        var match = Pattern().Match(text.Trim());
        if (!match.Success) return null;
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100) return null;
        if (match.Groups["quarter"].Success)
        {
            var first = (int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture) - 1) * 3 + 1;
            return new(text.Trim(), year, new DateOnly(year, first, 1), new DateOnly(year, first + 2, 1).AddMonths(1).AddDays(-1));
        }
        if (match.Groups["month"].Success)
        {
            var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
            return new(text.Trim(), year, new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1).AddDays(-1));
        }
        return new(text.Trim(), year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
    }

    public bool Contains(DateOnly date) => date >= From && date <= To;
}
