using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;
using Platform.Data;

namespace City.Tests;

/// <summary>The one write check (<see cref="WritePermission.WriteRefusal"/>) and the consumers' audit actor.</summary>
public sealed class WritePermissionTests
{
    static readonly WriteRule Edit = new("change projects", BureauRoles.ProjectOffice, BureauRoles.Township);
    static readonly WriteRule Lock = new("lock months", BureauRoles.ProjectOffice) { CountyOnly = true };

    static CallerScope Caller(string role, string region = "140522", string? township = null) => new("u", region, role, township, null);

    static void AssertForbidden(ProblemHttpResult? refusal)
    {
        Assert.NotNull(refusal);
        Assert.Equal((int)HttpStatusCode.Forbidden, refusal.StatusCode);
        Assert.Equal("forbidden", refusal.ProblemDetails.Extensions["code"]);
    }

    [Fact]
    public void A_caller_of_the_right_role_writes_its_own_regions_records() =>
        Assert.Null(Caller(BureauRoles.ProjectOffice).WriteRefusal(Edit, "140522", "北留镇"));

    [Fact]
    public void Another_role_is_refused_even_in_its_own_region() =>
        AssertForbidden(Caller(BureauRoles.Funding).WriteRefusal(Edit, "140522"));

    [Fact]
    public void Another_regions_record_is_refused_and_the_city_writes_only_its_own()
    {
        AssertForbidden(Caller(BureauRoles.ProjectOffice, "140521").WriteRefusal(Edit, "140522"));
        AssertForbidden(Caller(BureauRoles.ProjectOffice, Regions.City).WriteRefusal(Edit, "140522"));
    }

    [Fact]
    public void A_township_user_writes_its_own_townships_records_only()
    {
        Assert.Null(Caller(BureauRoles.Township, township: "北留镇").WriteRefusal(Edit, "140522", "北留镇"));
        AssertForbidden(Caller(BureauRoles.Township, township: "北留镇").WriteRefusal(Edit, "140522", "润城镇"));
    }

    [Fact]
    public void A_county_only_rule_refuses_a_township_user_of_the_right_role()
    {
        AssertForbidden(Caller(BureauRoles.ProjectOffice, township: "北留镇").WriteRefusal(Lock, "140522"));
        Assert.Null(Caller(BureauRoles.ProjectOffice).WriteRefusal(Lock, "140522"));
    }

    [Fact]
    public void Without_a_record_only_the_role_is_checked()
    {
        Assert.Null(Caller(BureauRoles.ProjectOffice, "140521").WriteRefusal(Edit));
        AssertForbidden(Caller(BureauRoles.Statistics).WriteRefusal(Edit));
    }

    sealed record ProjectStarted;

    [Fact]
    public void A_consumer_is_audited_as_the_system_acting_on_the_event()
    {
        var actor = new Actor(new HttpContextAccessor());
        actor.ActOnEvent<ProjectStarted>();
        Assert.Equal(("system:ProjectStarted", (string?)null), actor.Current);
    }
}
