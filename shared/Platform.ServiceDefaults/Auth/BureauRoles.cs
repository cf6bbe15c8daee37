namespace Platform.ServiceDefaults.Auth;

/// <summary>The bureau roles a user can hold. One user, one role, one region.</summary>
public static class BureauRoles
{
    public const string ProjectOffice = "project-office";
    public const string Approvals = "approvals";
    public const string Attraction = "attraction";
    public const string Statistics = "statistics";
    public const string Funding = "funding";
    public const string Township = "township";
    public const string CityHq = "city-hq";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All =
        [ProjectOffice, Approvals, Attraction, Statistics, Funding, Township, CityHq, Admin];

    public static bool IsKnown(string role) => All.Contains(role);
}
