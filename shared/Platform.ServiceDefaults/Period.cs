using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.ServiceDefaults;

public enum PeriodKind { Year, Quarter, Month }

/// <summary>
/// A reporting period as the public API writes it: <c>2024</c>, <c>2024-Q4</c> or <c>2024-03</c>, years 2000–2100.
/// <see cref="Number"/> is the quarter or the month (0 for a year).
/// </summary>
public readonly partial record struct Period(PeriodKind Kind, int Year, int Number)
{
    [GeneratedRegex(@"^([0-9]{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$")]
    private static partial Regex Pattern();

    /// <summary>A year, a quarter or a month.</summary>
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (text is null || Pattern().Match(text) is not { Success: true } m) return false;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100) return false;
        period = m.Groups[2].Success ? new Period(PeriodKind.Quarter, year, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))
            : m.Groups[3].Success ? OfMonth(year, int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture))
            : new Period(PeriodKind.Year, year, 0);
        return true;
    }

    /// <summary>A month only ("2025-03"), for what is reported month by month.</summary>
    public static bool TryParseMonth(string? text, out Period month)
    {
        if (TryParse(text, out month) && month.Kind == PeriodKind.Month) return true;
        month = default;
        return false;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"{text} is not a period (2024, 2024-Q1 or 2024-03).");

    public static Period OfMonth(int year, int month) => new(PeriodKind.Month, year, month);

    public static Period MonthOf(DateOnly date) => OfMonth(date.Year, date.Month);

    public int FirstMonth => Kind switch { PeriodKind.Year => 1, PeriodKind.Quarter => (Number - 1) * 3 + 1, _ => Number };
    public int LastMonth => Kind switch { PeriodKind.Year => 12, PeriodKind.Quarter => Number * 3, _ => Number };
    /// <summary>The month of a month period (of a longer one, its last month).</summary>
    public int Month => LastMonth;
    public DateOnly Start => new(Year, FirstMonth, 1);
    public DateOnly End => new DateOnly(Year, LastMonth, 1).AddMonths(1).AddDays(-1);
    public DateOnly YearStart => new(Year, 1, 1);
    public Period YearPeriod => new(PeriodKind.Year, Year, 0);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>Has the period begun by <paramref name="day"/>? Figures are reported only for periods that have.</summary>
    public bool HasBegunBy(DateOnly day) => Start <= day;

    public Period PreviousMonth => Number == 1 && Kind == PeriodKind.Month
        ? OfMonth(Year - 1, 12)
        : OfMonth(Year, Kind == PeriodKind.Month ? Number - 1 : FirstMonth - 1);

    /// <summary>The month the period's figures stand at on <paramref name="today"/>: today's month inside it, else its last (or first) month.</summary>
    public Period AsOfMonth(DateOnly today) => OfMonth(Year, today < Start ? FirstMonth : today > End ? LastMonth : today.Month);

    /// <summary>Every period key a dated amount counts in: its month, its quarter and its year.</summary>
    public static string[] KeysContaining(DateOnly date) =>
        [MonthOf(date).ToString(), new Period(PeriodKind.Quarter, date.Year, (date.Month - 1) / 3 + 1).ToString(), date.Year.ToString(CultureInfo.InvariantCulture)];

    public override string ToString() => Kind switch
    {
        PeriodKind.Year => Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.Quarter => $"{Year}-Q{Number}",
        _ => $"{Year:D4}-{Number:D2}",
    };
}
