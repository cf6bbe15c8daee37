using Approvals.Api.Features.Calendar;
using Platform.ServiceDefaults;

namespace Approvals.Tests;

public sealed class WorkingCalendarTests
{
    static DateOnly D(string s) => DateOnly.Parse(s);

    /// <summary>China's 2025 arrangement (国办发明电〔2024〕12号), the part these tests touch.</summary>
    static readonly WorkingCalendar China2025 = new(
        [D("2025-01-01"), .. Range("2025-01-28", 8), .. Range("2025-04-04", 3), .. Range("2025-05-01", 5), .. Range("2025-10-01", 8)],
        [D("2025-01-26"), D("2025-02-08"), D("2025-04-27"), D("2025-09-28"), D("2025-10-11")]);

    static IEnumerable<DateOnly> Range(string first, int days) => Enumerable.Range(0, days).Select(i => D(first).AddDays(i));

    [Fact]
    public void Weekends_are_not_working_days() =>
        Assert.Equal(D("2025-03-10"), WorkingCalendar.WeekendsOnly.AddWorkingDays(D("2025-03-07"), 1)); // Friday + 1 = Monday

    [Fact]
    public void Counting_starts_the_day_after_acceptance()
    {
        Assert.Equal(D("2025-03-04"), WorkingCalendar.WeekendsOnly.AddWorkingDays(D("2025-03-03"), 1));
        Assert.Equal(D("2025-03-03"), WorkingCalendar.WeekendsOnly.AddWorkingDays(D("2025-03-03"), 0));
    }

    [Fact]
    public void Twenty_working_days_from_a_Monday_without_holidays_is_four_weeks_later() =>
        Assert.Equal(D("2025-03-31"), China2025.AddWorkingDays(D("2025-03-03"), 20));

    [Fact]
    public void The_National_Day_week_is_skipped_and_the_调休_Saturday_counts()
    {
        // Accepted Fri 26 Sep: Sun 28 Sep is a working day, 29–30 Sep work, 1–8 Oct off, Thu 9, Fri 10, Sat 11 (调休) work.
        Assert.True(China2025.IsWorkingDay(D("2025-09-28")));
        Assert.False(China2025.IsWorkingDay(D("2025-10-08")));
        Assert.True(China2025.IsWorkingDay(D("2025-10-11")));
        Assert.Equal(D("2025-10-11"), China2025.AddWorkingDays(D("2025-09-26"), 6));
    }

    [Fact]
    public void Spring_festival_holidays_stop_the_clock()
    {
        // Accepted Mon 27 Jan 2025; 28 Jan – 4 Feb off; 5, 6, 7 Feb and Sat 8 Feb (调休) count.
        Assert.Equal(D("2025-02-08"), China2025.AddWorkingDays(D("2025-01-27"), 4));
        Assert.Equal(D("2025-02-10"), China2025.AddWorkingDays(D("2025-01-27"), 5));
    }

    [Fact]
    public void Working_days_between_two_dates_count_the_later_one_and_are_negative_backwards()
    {
        Assert.Equal(5, WorkingCalendar.WeekendsOnly.WorkingDaysBetween(D("2025-03-07"), D("2025-03-14")));
        Assert.Equal(-5, WorkingCalendar.WeekendsOnly.WorkingDaysBetween(D("2025-03-14"), D("2025-03-07")));
        Assert.Equal(0, China2025.WorkingDaysBetween(D("2025-09-30"), D("2025-10-08")));
    }

    [Fact]
    public void Adding_then_counting_gives_back_the_limit()
    {
        var start = D("2025-04-25");
        var due = China2025.AddWorkingDays(start, 15);
        Assert.Equal(15, China2025.WorkingDaysBetween(start, due));
    }

    [Fact]
    public void The_business_day_is_Chinas_whatever_the_servers_time_zone()
    {
        var lateUtc = new FakeTimeProvider(new DateTimeOffset(2025, 3, 3, 17, 30, 0, TimeSpan.Zero)); // 01:30 on 4 March in Beijing
        Assert.Equal(D("2025-03-04"), BusinessDay.Today(lateUtc));
    }
}
