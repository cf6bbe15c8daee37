namespace Attraction.Api.Features;

/// <summary>Who reads and who writes the investment promotion centre's records.</summary>
public static class AttractionAccess
{
    /// <summary>The investment promotion centre keeps these records; the admin may correct them.</summary>
    public static readonly WriteRule Keep = new("change investment attraction records", BureauRoles.Attraction, BureauRoles.Admin);

    /// <summary>Only the region's own investment promotion centre converts a signed deal into a project.</summary>
    public static readonly WriteRule Convert = new("convert a signed deal into a project", BureauRoles.Attraction);

    /// <summary>
    /// Attraction records belong to a county, not to a township, so a township user reads none of them
    /// (CallerScope.CanRead says the same); every other role reads its county's, the city all.
    /// </summary>
    public static bool ReadsAttraction(this CallerScope caller) => caller.IsCity || caller.Township is null;

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
