using Platform.ServiceDefaults.Auth;
using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Tests;

/// <summary>Issue 14 item 7: 县级重点 is the county's call; 市级 and 省级重点 are the city headquarters'.</summary>
public sealed class KeyLevelRulesTests
{
    static readonly CallerScope County = new("project-office@140522", "140522", BureauRoles.ProjectOffice, null, null);
    static readonly CallerScope Township = new("township@140522", "140522", BureauRoles.Township, "凤城镇", null);
    static readonly CallerScope CityHq = new("city-hq@140500", "140500", BureauRoles.CityHq, null, null);

    static Project Existing(KeyLevel? level) => Project.Register(new ProjectInput
    {
        Name = "晋城市智能制造产业园", RegionCode = "140522", Category = ProjectCategory.Industry, Nature = ProjectNature.New,
        TotalInvestment = 80000m, AnnualPlannedInvestment = 8000m, Year = 2025, KeyLevel = level,
    }, DateTimeOffset.UtcNow);

    [Theory]
    [InlineData(KeyLevel.City)]
    [InlineData(KeyLevel.Provincial)]
    public void A_county_or_township_cannot_register_a_city_or_provincial_key_project(KeyLevel level)
    {
        Assert.True(KeyLevelRules.Resolve(County, level, null).Refused);
        Assert.True(KeyLevelRules.Resolve(Township, level, null).Refused);
        Assert.Equal((level, false), KeyLevelRules.Resolve(CityHq, level, null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(KeyLevel.None)]
    [InlineData(KeyLevel.County)]
    public void A_county_sets_the_county_level_or_leaves_it_to_the_rule(KeyLevel? level) =>
        Assert.Equal((level, false), KeyLevelRules.Resolve(County, level, Existing(KeyLevel.County)));

    [Fact]
    public void A_county_cannot_take_a_city_level_away_but_keeps_it_when_it_leaves_the_level_out()
    {
        var flagged = Existing(KeyLevel.City);
        Assert.True(KeyLevelRules.Resolve(County, KeyLevel.County, flagged).Refused);
        Assert.True(KeyLevelRules.Resolve(County, KeyLevel.Provincial, flagged).Refused);
        Assert.Equal((KeyLevel.City, false), KeyLevelRules.Resolve(County, null, flagged));
        Assert.Equal((KeyLevel.City, false), KeyLevelRules.Resolve(County, KeyLevel.City, flagged));
        Assert.Equal((KeyLevel.County, false), KeyLevelRules.Resolve(CityHq, KeyLevel.County, flagged));
    }
}
