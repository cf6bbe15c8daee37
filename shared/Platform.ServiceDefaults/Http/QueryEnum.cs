using System.Text.Json;
using Platform.ServiceDefaults.Problems;

namespace Platform.ServiceDefaults.Http;

/// <summary>
/// Enums on the wire are camelCase, as the JSON writes them (underConstruction, countyReview). Minimal API binding
/// compares enum names case-sensitively and would refuse those in a query string, so filters take text and parse it
/// here; an unknown value is a 400 naming the field and the allowed values.
/// </summary>
public static class QueryEnum
{
    /// <summary>The value's name as the API writes it.</summary>
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>The named value (any case), or null for null, a number or an unknown name.</summary>
    public static T? Parse<T>(string? text) where T : struct, Enum =>
        text is not null && !int.TryParse(text, out _) && System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value)
            ? value
            : null;

    public static bool IsValid<T>(string? text) where T : struct, Enum => text is null || Parse<T>(text) is not null;

    public static string Expected<T>() where T : struct, Enum => Invalid<T>().Message;

    /// <summary>The field error of a text that names no value: <c>not_one_of</c> with the allowed names.</summary>
    public static FieldError Invalid<T>() where T : struct, Enum => FieldErrors.OneOf(System.Enum.GetValues<T>().Select(Name));

    /// <summary>Adds the field's error when the text is given but names no value.</summary>
    public static ValidationErrors Enum<T>(this ValidationErrors errors, string? text, string field) where T : struct, Enum =>
        errors.When(!IsValid<T>(text), field, Invalid<T>());
}
