using Platform.Contracts;

namespace Platform.ServiceDefaults.Auth;

/// <summary>
/// The regions of 晋城市 (GB/T 2260 codes; 开发区 uses the local code 140571). 140500 is both the city
/// (a city user reads everything) and 市本级 (projects owned by the city itself).
/// </summary>
public static class Regions
{
    public const string City = RegionCodes.City;

    /// <summary>The list itself lives in Platform.Contracts, where the messaging layer checks incoming events against it too.</summary>
    public static IReadOnlyDictionary<string, string> Names => RegionCodes.Names;

    /// <summary>Every region a record can belong to, the city's own 市本级 included.</summary>
    public static IEnumerable<string> Codes => Names.Keys;

    /// <summary>The districts the city's targets are split across (市本级 included, as in the notices).</summary>
    public static IEnumerable<string> Districts => Names.Keys.Where(c => c != City);

    public static bool IsKnown(string? code) => RegionCodes.IsKnown(code);

    public static string NameOf(string code) =>
        code == City ? "市本级" : Names.TryGetValue(code, out var name) ? name : code;
}
