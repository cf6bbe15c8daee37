using System.Globalization;
using System.Text.RegularExpressions;

namespace City.Api.Features.Targets;

public enum PeriodKind { Year, Quarter, Month }

/// <summary>A reporting period written <c>2024</c>, <c>2024-Q4</c> or <c>2024-03</c>, as the public API spells it.</summary>
public sealed partial record Period(PeriodKind Kind, int Year, int Number)
{
    [GeneratedRegex(@"^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$")]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out Period period)
    {
        period = null!;
        if (text is null || Pattern().Match(text) is not { Success: true } m) return false;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100) return false;
        period = m.Groups[2].Success ? new Period(PeriodKind.Quarter, year, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))
            : m.Groups[3].Success ? new Period(PeriodKind.Month, year, int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture))
            : new Period(PeriodKind.Year, year, 0);
        return true;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"{text} is not a period (2024, 2024-Q1 or 2024-03).");

    public static Period MonthOf(DateOnly date) => new(PeriodKind.Month, date.Year, date.Month);

    public int FirstMonth => Kind switch { PeriodKind.Year => 1, PeriodKind.Quarter => (Number - 1) * 3 + 1, _ => Number };
    public int LastMonth => Kind switch { PeriodKind.Year => 12, PeriodKind.Quarter => Number * 3, _ => Number };
    public DateOnly Start => new(Year, FirstMonth, 1);
    public DateOnly End => new DateOnly(Year, LastMonth, 1).AddMonths(1).AddDays(-1);
    public Period YearPeriod => new(PeriodKind.Year, Year, 0);

    public Period PreviousMonth => Number == 1 && Kind == PeriodKind.Month
        ? new(PeriodKind.Month, Year - 1, 12)
        : new(PeriodKind.Month, Year, Kind == PeriodKind.Month ? Number - 1 : FirstMonth - 1);

    /// <summary>The month the period's figures stand at on <paramref name="today"/>: today's month inside it, else its last (or first) month.</summary>
    public Period AsOfMonth(DateOnly today)
    {
        var month = today < Start ? FirstMonth : today > End ? LastMonth : today.Month;
        return new(PeriodKind.Month, Year, month);
    }

    /// <summary>Every period key a dated amount counts in: its month, its quarter and its year.</summary>
    public static string[] KeysContaining(DateOnly date) =>
    [
        new Period(PeriodKind.Month, date.Year, date.Month).ToString(),
        new Period(PeriodKind.Quarter, date.Year, (date.Month - 1) / 3 + 1).ToString(),
        date.Year.ToString(CultureInfo.InvariantCulture),
    ];

    public override string ToString() => Kind switch
    {
        PeriodKind.Year => Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.Quarter => $"{Year}-Q{Number}",
        _ => $"{Year}-{Number:00}",
    };
}
