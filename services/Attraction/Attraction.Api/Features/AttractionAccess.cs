using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Data;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Attraction.Api.Features;

/// <summary>Who reads and who writes the investment promotion centre's records.</summary>
public static class AttractionAccess
{
    /// <summary>The investment promotion centre keeps these records; the admin may correct them.</summary>
    static readonly string[] Writers = [BureauRoles.Attraction, BureauRoles.Admin];

    /// <summary>
    /// Attraction records belong to a county, not to a township, so a township user reads none of them
    /// (CallerScope.CanRead says the same); every other role reads its county's, the city all.
    /// </summary>
    public static bool ReadsAttraction(this CallerScope caller) => caller.IsCity || caller.Township is null;

    /// <summary>A county sees its own records, the city reads all, a township user none (<see cref="ReadsAttraction"/>).</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> rows, CallerScope caller) where T : class, IAudited
    {
        if (caller.IsCity) return rows;
        if (!caller.ReadsAttraction()) return rows.Where(_ => false);
        return rows.Where(r => r.RegionCode == caller.RegionCode);
    }

    /// <summary>Null when the caller may change records of the region, else the 403 to answer.</summary>
    public static ProblemHttpResult? WriteRefusal(this CallerScope caller, string regionCode)
    {
        if (!caller.HasRole(Writers)) return Problem.Forbidden($"The role {caller.Role} cannot change investment attraction records.");
        if (!caller.CanWrite(regionCode)) return Problem.Forbidden($"You may only change records of region {caller.RegionCode}.");
        return null;
    }

    /// <summary>Null when the caller may convert a deal of the region into a project: the region's own investment promotion centre.</summary>
    public static ProblemHttpResult? ConversionRefusal(this CallerScope caller, string regionCode)
    {
        if (!caller.HasRole(BureauRoles.Attraction)) return Problem.Forbidden("Only the investment promotion centre converts a signed deal into a project.");
        if (!caller.CanWrite(regionCode)) return Problem.Forbidden($"You may only convert deals of region {caller.RegionCode}.");
        return null;
    }

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
