using Platform.ServiceDefaults.Problems;

namespace ProjectLibrary.Api.Features.Projects;

/// <summary>
/// Enum filters in query strings are bound as text and read here: the API writes enums camelCase
/// (underConstruction), which minimal API binding would refuse, and an unknown value should be a 400 naming the field.
/// </summary>
public static class QueryEnum
{
    public static T? Parse<T>(string? text) where T : struct, Enum =>
        text is not null && !int.TryParse(text, out _) && System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value)
            ? value
            : null;

    public static ValidationErrors Enum<T>(this ValidationErrors errors, string? text, string field) where T : struct, Enum =>
        errors.When(text is not null && Parse<T>(text) is null, field,
            "must be one of " + string.Join(", ", System.Enum.GetValues<T>().Select(v => Project.Camel(v))));
}
