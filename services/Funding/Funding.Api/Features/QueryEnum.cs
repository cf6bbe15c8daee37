namespace Funding.Api.Features;

/// <summary>
/// Enum filters in the query string are written as in the JSON (camelCase: countyReview, specialBond).
/// Minimal API binding compares names case-sensitively, so filters take strings and parse them here.
/// </summary>
public static class QueryEnum
{
    public static T? Parse<T>(string? value) where T : struct, Enum =>
        value is not null && !int.TryParse(value, out _) && Enum.TryParse<T>(value, ignoreCase: true, out var parsed) ? parsed : null;

    public static bool IsValid<T>(string? value) where T : struct, Enum => value is null || Parse<T>(value) is not null;

    public static string Expected<T>() where T : struct, Enum =>
        "must be one of " + string.Join(", ", Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
}
