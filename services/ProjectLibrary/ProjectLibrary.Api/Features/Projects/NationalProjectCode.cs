using System.Text.RegularExpressions;

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

    /// <summary>Null when the code is well formed, otherwise what is wrong with it.</summary>
    public static FieldError? Error(string code)
    {
        if (!Pattern().IsMatch(code)) return FieldErrors.NationalCodeFormat;
        var month = int.Parse(code.AsSpan(2, 2));
        if (month is < 1 or > 12) return FieldErrors.NationalCodeMonth;
        var region = code.Substring(5, 6);
        return region != Province && !Regions.IsKnown(region) ? FieldErrors.NationalCodeRegion(region) : null;
    }

    /// <summary>What is wrong with the code, in English; null when well formed.</summary>
    public static string? Problem(string code) => Error(code)?.Message;
}
