using Platform.ServiceDefaults.Auth;

namespace City.Tests;

/// <summary>The one read rule (<see cref="RegionalScope.VisibleTo"/>) every service filters its records by.</summary>
public sealed class RegionalScopeTests
{
    sealed record TownshipRecord(string Name, string RegionCode, string? Township) : ITownshipScoped;

    sealed record CountyRecord(string Name, string RegionCode) : IRegional;

    static readonly TownshipRecord[] Projects =
    [
        new("county-wide", "140522", null),
        new("in 北留镇", "140522", "北留镇"),
        new("in 润城镇", "140522", "润城镇"),
        new("other county", "140521", "北留镇"),
        new("city's own", "140500", null),
    ];

    static readonly CountyRecord[] Deals = [new("yangcheng deal", "140522"), new("qinshui deal", "140521")];

    static CallerScope Caller(string region, string? township = null) => new("u", region, BureauRoles.ProjectOffice, township, null);

    static string[] Seen(CallerScope caller) => Projects.AsQueryable().VisibleTo(caller).Select(p => p.Name).ToArray();

    static string[] DealsSeen(CallerScope caller) => Deals.AsQueryable().VisibleTo(caller).Select(d => d.Name).ToArray();

    [Fact]
    public void The_city_reads_every_record() =>
        Assert.Equal(Projects.Length, Projects.AsQueryable().VisibleTo(Caller(Regions.City)).Count());

    [Fact]
    public void A_county_reads_its_own_records_township_or_not() =>
        Assert.Equal(["county-wide", "in 北留镇", "in 润城镇"], Seen(Caller("140522")));

    [Fact]
    public void A_township_user_reads_only_its_own_townships_records() =>
        Assert.Equal(["in 北留镇"], Seen(Caller("140522", "北留镇")));

    [Fact]
    public void A_township_user_reads_no_county_level_record_and_a_county_its_own()
    {
        Assert.Empty(DealsSeen(Caller("140522", "北留镇")));
        Assert.Equal(["yangcheng deal"], DealsSeen(Caller("140522")));
    }
}
