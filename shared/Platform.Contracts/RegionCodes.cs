namespace Platform.Contracts;

/// <summary>
/// The region codes events carry: the regions of 晋城市 (GB/T 2260 codes; 开发区 uses the local code 140571).
/// Kept here, with no dependencies, so the services (Platform.ServiceDefaults' Regions) and the messaging layer's
/// checks of incoming events read one list.
/// </summary>
public static class RegionCodes
{
    public const string City = "140500";

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [City] = "晋城市",
        ["140502"] = "城区",
        ["140521"] = "沁水县",
        ["140522"] = "阳城县",
        ["140524"] = "陵川县",
        ["140525"] = "泽州县",
        ["140581"] = "高平市",
        ["140571"] = "开发区",
    };

    public static bool IsKnown(string? code) => code is not null && Names.ContainsKey(code);
}
