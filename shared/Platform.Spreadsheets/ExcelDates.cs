using System.Globalization;

namespace Platform.Spreadsheets;

/// <summary>Excel stores dates as days since 1899-12-30 (the 1900 leap-year bug included), times as the fraction.</summary>
static class ExcelDates
{
    static readonly DateTime Epoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    public static decimal? ToSerial(object value) => value switch
    {
        DateOnly d => d.DayNumber - DateOnly.FromDateTime(Epoch).DayNumber,
        DateTime t => (decimal)(t - Epoch).TotalDays,
        DateTimeOffset o => (decimal)(o.DateTime - Epoch).TotalDays,
        _ => null,
    };

    /// <summary>A serial as "yyyy-MM-dd", or "yyyy-MM-dd HH:mm:ss" when it has a time of day.</summary>
    public static string? FromSerial(double serial)
    {
        if (!double.IsFinite(serial) || serial < 0 || serial > 2_958_465) return null; // 9999-12-31
        var moment = Epoch.AddTicks((long)Math.Round(serial * TimeSpan.TicksPerDay / TimeSpan.TicksPerSecond) * TimeSpan.TicksPerSecond);
        return moment.TimeOfDay == TimeSpan.Zero
            ? moment.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : moment.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
