using Platform.ServiceDefaults;
using ProjectLibrary.Api.Features.Progress;

namespace ProjectLibrary.Tests;

public sealed class ScheduleRuleTests
{
    static readonly ScheduleOptions Defaults = new();

    [Fact]
    public void By_the_end_of_month_m_a_project_is_expected_to_have_done_m_twelfths_of_its_annual_plan()
    {
        Assert.Equal(3000m, ScheduleRule.ExpectedToDate(12000m, 3));
        Assert.Equal(6000m, ScheduleRule.ExpectedToDate(12000m, 6));
        Assert.Equal(833.33m, ScheduleRule.ExpectedToDate(10000m, 1));
        Assert.Equal(0m, ScheduleRule.ExpectedToDate(10000m, 0));
    }

    [Fact]
    public void Exactly_the_expected_share_is_on_track_and_more_is_ahead()
    {
        Assert.Equal(ScheduleStatus.OnTrack, ScheduleRule.Assess(12000m, 3000m, 3, Defaults).Status);
        var ahead = ScheduleRule.Assess(12000m, 3500m, 3, Defaults);
        Assert.Equal(ScheduleStatus.Ahead, ahead.Status);
        Assert.Equal(WarningLevel.None, ahead.WarningLevel);
        Assert.True(ahead.GapPoints < 0);
    }

    [Theory]
    [InlineData(2000, ScheduleStatus.Behind, WarningLevel.None)]    // 50% expected, 40% done: 10 points, not over
    [InlineData(1950, ScheduleStatus.Behind, WarningLevel.Yellow)]  // 11 points behind
    [InlineData(1500, ScheduleStatus.Behind, WarningLevel.Yellow)]  // exactly 20 points: not over red
    [InlineData(1450, ScheduleStatus.Behind, WarningLevel.Red)]     // 21 points behind
    [InlineData(0, ScheduleStatus.Behind, WarningLevel.Red)]
    public void Being_behind_by_over_10_points_is_yellow_and_over_20_is_red(decimal yearToDate, ScheduleStatus status, WarningLevel warning)
    {
        var assessment = ScheduleRule.Assess(5000m, yearToDate, 6, Defaults);
        Assert.Equal(status, assessment.Status);
        Assert.Equal(warning, assessment.WarningLevel);
        Assert.Equal(2500m, assessment.ExpectedToDate);
    }

    [Fact]
    public void The_thresholds_are_configurable()
    {
        var strict = new ScheduleOptions { YellowPoints = 2m, RedPoints = 5m };
        Assert.Equal(WarningLevel.Yellow, ScheduleRule.Assess(1200m, 270m, 3, strict).WarningLevel); // 2.5 points behind
        Assert.Equal(WarningLevel.Red, ScheduleRule.Assess(1200m, 200m, 3, strict).WarningLevel);    // 8.33 points behind
        Assert.Equal(WarningLevel.None, ScheduleRule.Assess(1200m, 270m, 3, Defaults).WarningLevel);
    }

    [Fact]
    public void Before_any_month_is_due_nothing_is_expected_and_a_project_without_a_plan_is_never_behind()
    {
        Assert.Equal(ScheduleStatus.OnTrack, ScheduleRule.Assess(12000m, 0m, 0, Defaults).Status);
        var noPlan = ScheduleRule.Assess(0m, 0m, 6, Defaults);
        Assert.Equal(ScheduleStatus.OnTrack, noPlan.Status);
        Assert.Equal(0m, noPlan.GapPoints);
    }

    [Theory]
    [InlineData("2025-03", true, 2025, 3)]
    [InlineData("2025-12", true, 2025, 12)]
    [InlineData("2025-13", false, 0, 0)]
    [InlineData("2025-3", false, 0, 0)]
    [InlineData("25-03-01", false, 0, 0)]
    [InlineData("2025/03", false, 0, 0)]
    public void A_period_is_written_year_dash_two_digit_month(string text, bool valid, int year, int month)
    {
        Assert.Equal(valid, Period.TryParseMonth(text, out var period));
        if (valid) Assert.Equal(Period.OfMonth(year, month), period);
    }
}
