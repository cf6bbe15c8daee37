using Platform.ServiceDefaults;

namespace City.Tests;

/// <summary>The shared rule every service takes "today" from: the date in China (UTC+8), whatever the server's zone.</summary>
public sealed class BusinessDayTests
{
    [Theory]
    [InlineData("2026-11-30T15:59:59Z", "2026-11-30")]
    [InlineData("2026-11-30T16:00:00Z", "2026-12-01")]
    [InlineData("2026-12-31T16:00:00Z", "2027-01-01")]
    public void The_business_day_turns_at_midnight_in_China_which_is_16_00_UTC(string utc, string chinaDate) =>
        Assert.Equal(DateOnly.Parse(chinaDate), new FakeTimeProvider(DateTimeOffset.Parse(utc)).Today());
}
