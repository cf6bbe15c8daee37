namespace ProjectLibrary.Api.Features.Projects;

/// <summary>
/// Who may flag a 重点项目 at which level: a county (its project office, township or admin) decides 县级重点 and
/// "by rule"; the city and provincial levels are the city headquarters' (市指挥部) call, and so is taking one away.
/// </summary>
public static class KeyLevelRules
{
    public const string Code = "key_level_reserved";
    public const string Detail = "Provincial and city key levels (省级/市级重点) are set and removed by the city headquarters (city-hq) only.";
    public const string Chinese = "省级、市级重点项目由市指挥部认定或取消，本单位不能设置或改动";

    public static bool IsReserved(KeyLevel level) => level is KeyLevel.City or KeyLevel.Provincial;

    public static bool MaySetReserved(CallerScope caller) => caller.HasRole(BureauRoles.CityHq);

    /// <summary>
    /// The level to store for a write of <paramref name="requested"/> (null: by rule) over <paramref name="existing"/>'s,
    /// or <c>Refused</c>. A county that leaves the level out keeps a reserved level it cannot change anyway.
    /// </summary>
    public static (KeyLevel? Level, bool Refused) Resolve(CallerScope caller, KeyLevel? requested, Project? existing)
    {
        if (MaySetReserved(caller)) return (requested, false);
        if (existing is not null && IsReserved(existing.KeyLevel))
            return requested is null || requested == existing.KeyLevel ? (existing.KeyLevel, false) : (null, true);
        return requested is { } level && IsReserved(level) ? (null, true) : (requested, false);
    }
}
