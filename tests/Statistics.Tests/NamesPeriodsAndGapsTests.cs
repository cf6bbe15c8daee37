using Platform.ServiceDefaults;
using Statistics.Api.Features.Figures;
using Statistics.Api.Features.Projects;

namespace Statistics.Tests;

public sealed class NamesPeriodsAndGapsTests
{
    [Theory]
    [InlineData("阳城县东部片区一体化供水工程", "阳城县东部片区一体化供水工程（一期）")]
    [InlineData("阳城县东部片区一体化供水工程", "东部片区一体化供水工程项目")]
    [InlineData("晋城市 阳城县 东部片区一体化供水工程", "阳城东部片区一体化供水工程【重点】")]
    [InlineData("山西省晋城市高平市丹河新城基础设施建设项目", "高平市丹河新城基础设施建设(二期)")]
    public void Names_that_differ_only_in_region_prefix_brackets_spacing_or_the_word_project_normalise_alike(string a, string b) =>
        Assert.Equal(ProjectNames.Normalize(a), ProjectNames.Normalize(b));

    [Fact]
    public void Different_places_stay_different_after_normalising() =>
        Assert.NotEqual(ProjectNames.Normalize("阳城县东部片区一体化供水工程"), ProjectNames.Normalize("阳城县西部片区一体化供水工程"));

    [Fact]
    public void Two_different_phases_are_recognised_but_one_phase_against_none_is_not()
    {
        Assert.True(ProjectNames.DifferentPhases("供水工程（一期）", "供水工程（二期）"));
        Assert.False(ProjectNames.DifferentPhases("供水工程", "供水工程（一期）"));
        Assert.False(ProjectNames.DifferentPhases("供水工程一期", "供水工程（一期）"));
    }

    [Theory]
    [InlineData("2025-03", "2025-03")]
    [InlineData("2025-3", "2025-03")]
    [InlineData("2025年3月", "2025-03")]
    [InlineData("202503", "2025-03")]
    [InlineData("2025/12", "2025-12")]
    [InlineData("2025-03-01", "2025-03")]
    [InlineData("2025-13", null)]
    [InlineData("三月", null)]
    [InlineData("1999-03", null)]
    public void Periods_are_read_in_the_forms_bureaus_type_them(string text, string? expected) =>
        Assert.Equal(expected, FigureImport.ReadMonth(text));

    [Fact]
    public void A_period_after_the_current_month_is_in_the_future()
    {
        Assert.False(Period.Parse("2025-04").HasBegunBy(new DateOnly(2025, 3, 31)));
        Assert.True(Period.Parse("2025-03").HasBegunBy(new DateOnly(2025, 3, 1)));
    }

    [Theory]
    [InlineData(120, 100, 20, 20.0, false)]
    [InlineData(121, 100, 21, 21.0, true)]
    [InlineData(70, 100, -30, -30.0, true)]
    [InlineData(0, 0, 0, 0.0, false)]
    public void A_gap_is_flagged_when_the_scheduled_figure_differs_from_the_official_by_more_than_the_warning_percent(
        decimal scheduled, decimal official, decimal difference, double percent, bool flagged)
    {
        var gap = Gap.Of(scheduled, official, 20m);
        Assert.Equal(difference, gap.Difference);
        Assert.Equal((decimal)percent, gap.Percent);
        Assert.Equal(flagged, gap.Flagged);
    }

    [Fact]
    public void A_scheduled_figure_without_an_official_one_is_flagged()
    {
        var gap = Gap.Of(50m, null, 20m);
        Assert.Null(gap.Percent);
        Assert.True(gap.Flagged);
    }
}
