using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Auth;

/// <summary>
/// Who is calling and what they may see, taken from the validated token. Bind it as an endpoint
/// parameter; every query and change is filtered through it. A county caller sees only its county
/// (a township caller only its township), a city caller reads the whole city.
/// </summary>
public sealed record CallerScope(string UserName, string RegionCode, string Role, string? Township, string? Agency)
{
    public bool IsCity => RegionCode == Regions.City;
    public bool IsAdmin => Role == BureauRoles.Admin;
    public bool HasRole(params string[] roles) => roles.Contains(Role);

    /// <summary>May the caller read a record of this region (and township)?</summary>
    public bool CanRead(string regionCode, string? township = null) =>
        IsCity || (regionCode == RegionCode && (Township is null || Township == township));

    /// <summary>
    /// May the caller write a record of this region? A city user writes only 市本级 (140500) records
    /// unless it is changing city-wide things an endpoint allows explicitly.
    /// </summary>
    public bool CanWrite(string regionCode, string? township = null) =>
        regionCode == RegionCode && (Township is null || Township == township);

    public static CallerScope FromPrincipal(ClaimsPrincipal user)
    {
        string Get(string type) => user.FindFirst(type)?.Value ?? "";
        return new CallerScope(
            UserName: Get(PlatformClaims.Subject) is { Length: > 0 } sub ? sub : Get(ClaimTypes.NameIdentifier),
            RegionCode: Get(PlatformClaims.Region),
            Role: Get(PlatformClaims.Role) is { Length: > 0 } role ? role : Get(ClaimTypes.Role),
            Township: user.FindFirst(PlatformClaims.Township)?.Value,
            Agency: user.FindFirst(PlatformClaims.Agency)?.Value);
    }

    /// <summary>Minimal API binding: endpoints take a CallerScope parameter.</summary>
    public static ValueTask<CallerScope?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<CallerScope?>(FromPrincipal(context.User));
}
