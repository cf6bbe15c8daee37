namespace Attraction.Api.Features;

/// <summary>Business dates are China Standard Time (UTC+8, no daylight saving), whatever the server's zone.</summary>
public static class BusinessCalendar
{
    static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);
}
