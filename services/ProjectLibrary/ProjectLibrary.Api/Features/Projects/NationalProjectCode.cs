using System.Text.RegularExpressions;
using Platform.ServiceDefaults.Auth;

namespace ProjectLibrary.Api.Features.Projects;

/// <summary>
/// 项目代码 (发改投资〔2020〕1439号, GB/T 40058-2021): 24 characters, YYMM-RRRRRR-DD-TT-NNNNNN. Only the
/// format and the region segment can be checked: the check-digit algorithm is not published.
/// </summary>
public static partial class NationalProjectCode
{
    [GeneratedRegex(@"^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$")]
    public static partial Regex Pattern();

    /// <summary>Shanxi province: provincially coded projects carry the province's code.</summary>
    const string Province = "140000";

    public static string? Problem(string code)
    {
        if (!Pattern().IsMatch(code)) return "must look like YYMM-RRRRRR-DD-TT-NNNNNN (24 characters, digits and dashes)";
        var month = int.Parse(code.AsSpan(2, 2));
        if (month is < 1 or > 12) return "has a time segment YYMM whose month is not 01–12";
        var region = code.Substring(5, 6);
        if (region != Province && !Regions.IsKnown(region)) return $"has region segment {region}, which is not a region of the city or province";
        return null;
    }
}
