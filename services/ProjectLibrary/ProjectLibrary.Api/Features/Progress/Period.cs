using System.Globalization;

namespace ProjectLibrary.Api.Features.Progress;

/// <summary>A reporting month written "2025-03".</summary>
public readonly record struct Period(int Year, int Month)
{
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (text is not { Length: 7 } || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return false;
        if (!int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)) return false;
        if (year is < 2000 or > 2100 || month is < 1 or > 12) return false;
        period = new Period(year, month);
        return true;
    }

    public DateOnly FirstDay => new(Year, Month, 1);
    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
