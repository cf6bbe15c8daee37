using Platform.ServiceDefaults;

namespace City.Tests;

/// <summary>The one period parser every service reads "2025", "2025-Q1" and "2025-03" with.</summary>
public sealed class PeriodTests
{
    [Theory]
    [InlineData("2025", PeriodKind.Year, "2025-01-01", "2025-12-31")]
    [InlineData("2025-Q2", PeriodKind.Quarter, "2025-04-01", "2025-06-30")]
    [InlineData("2024-02", PeriodKind.Month, "2024-02-01", "2024-02-29")]
    public void A_period_is_a_year_a_quarter_or_a_month_and_prints_as_it_was_written(string text, PeriodKind kind, string start, string end)
    {
        Assert.True(Period.TryParse(text, out var period));
        Assert.Equal(kind, period.Kind);
        Assert.Equal(DateOnly.Parse(start), period.Start);
        Assert.Equal(DateOnly.Parse(end), period.End);
        Assert.Equal(text, period.ToString());
    }

    [Theory]
    [InlineData("2025-03", true)]
    [InlineData("2025", false)]
    [InlineData("2025-Q1", false)]
    [InlineData("2025-3", false)]
    [InlineData("1999-12", false)]
    [InlineData(null, false)]
    public void Monthly_reports_accept_a_month_only(string? text, bool valid)
    {
        Assert.Equal(valid, Period.TryParseMonth(text, out var month));
        Assert.Equal(valid ? Period.OfMonth(2025, 3) : default, month);
    }

    [Theory]
    [InlineData("٢٠٢٥")]
    [InlineData("２０２５-03")]
    [InlineData(" 2025")]
    public void Digits_other_than_ASCII_are_not_a_period_rather_than_an_exception(string text) =>
        Assert.False(Period.TryParse(text, out _));

    [Fact]
    public void A_month_has_begun_on_its_first_day_and_contains_its_last()
    {
        var april = Period.Parse("2025-04");
        Assert.False(april.HasBegunBy(new DateOnly(2025, 3, 31)));
        Assert.True(april.HasBegunBy(new DateOnly(2025, 4, 1)));
        Assert.True(april.Contains(new DateOnly(2025, 4, 30)));
        Assert.False(april.Contains(new DateOnly(2025, 5, 1)));
        Assert.Equal(4, april.Month);
        Assert.Equal(Period.Parse("2025-03"), april.PreviousMonth);
    }
}
