namespace ProjectLibrary.Api.Features.Problems;

/// <summary>
/// Authority follows the level (县级事权 → 市级/省级事权): a county problem is assigned, reviewed and closed by its county's
/// project office; once escalated to city or provincial level, city-hq does that, and the county office still works on it
/// (accepts, adds notes, asks to close) as the unit on the ground.
/// </summary>
public static class ProblemAuthority
{
    static readonly WriteRule CountyOffice = new("handle the county's problems", BureauRoles.ProjectOffice, BureauRoles.Admin) { CountyOnly = true };
    static readonly WriteRule CityHq = new("handle problems escalated to the city or the province", BureauRoles.CityHq, BureauRoles.Admin);

    /// <summary>交办, 审核销号 (close, return), reopen: the level that holds the problem.</summary>
    public static ProblemHttpResult? ReviewRefusal(this CallerScope caller, ProjectProblem problem) =>
        problem.Level == ProblemLevel.County
            ? caller.WriteRefusal(CountyOffice, problem.RegionCode)
            : caller.WriteRefusal(CityHq, Regions.City);

    /// <summary>签收, notes, 申请销号, escalation: the holding level, or the county office working on an escalated problem.</summary>
    public static ProblemHttpResult? WorkRefusal(this CallerScope caller, ProjectProblem problem) =>
        caller.ReviewRefusal(problem) is { } refusal && caller.WriteRefusal(CountyOffice, problem.RegionCode) is not null ? refusal : null;
}
