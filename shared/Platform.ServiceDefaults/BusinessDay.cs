namespace Platform.ServiceDefaults;

/// <summary>
/// The campaign's business date is China's (Asia/Shanghai, UTC+8, no daylight saving), whatever the server's zone:
/// between 16:00 and 24:00 UTC it is already tomorrow in China, and every service must say so alike.
/// </summary>
public static class BusinessDay
{
    static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>Today's date in China by <paramref name="clock"/> (inject <see cref="TimeProvider"/> so tests can pin it).</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);
}
