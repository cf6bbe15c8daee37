namespace Platform.ServiceDefaults.Auth;

/// <summary>
/// The regions of 晋城市 (GB/T 2260 codes; 开发区 uses the local code 140571). 140500 is both the city
/// (a city user reads everything) and 市本级 (projects owned by the city itself).
/// </summary>
public static class Regions
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

    /// <summary>Every region a record can belong to, the city's own 市本级 included.</summary>
    public static IEnumerable<string> Codes => Names.Keys;

    /// <summary>The districts the city's targets are split across (市本级 included, as in the notices).</summary>
    public static IEnumerable<string> Districts => Names.Keys.Where(c => c != City);

    public static bool IsKnown(string? code) => code is not null && Names.ContainsKey(code);

    public static string NameOf(string code) =>
        code == City ? "市本级" : Names.TryGetValue(code, out var name) ? name : code;
}
