using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Problems;

namespace Platform.ServiceDefaults.Auth;

/// <summary>Who may change a kind of record: the roles that do it, and what they do, in words for the 403.</summary>
/// <param name="What">What the roles may do, e.g. "enter official statistics".</param>
public sealed record WriteRule(string What, params string[] Roles)
{
    /// <summary>A township user of the right role may not do it: the county's office acts.</summary>
    public bool CountyOnly { get; init; }
}

public static class WritePermission
{
    /// <summary>
    /// The one write check: null when the caller holds one of the rule's roles and may write a record of the region
    /// (and township; see <see cref="CallerScope.CanWrite"/>), else the 403 <c>forbidden</c> problem to answer.
    /// Without a region only the role is checked (the record is the caller's own, or not chosen yet).
    /// </summary>
    public static ProblemHttpResult? WriteRefusal(this CallerScope caller, WriteRule rule, string? regionCode = null, string? township = null)
    {
        if (!caller.HasRole(rule.Roles)) return Problem.Forbidden($"The role {caller.Role} cannot {rule.What}.");
        if (rule.CountyOnly && caller.Township is not null)
            return Problem.Forbidden($"Only the county's office may {rule.What}, not a township user.");
        if (regionCode is not null && !caller.CanWrite(regionCode, township))
            return Problem.Forbidden($"The record belongs to region {regionCode}; you act for {caller.RegionCode} only.");
        return null;
    }
}
