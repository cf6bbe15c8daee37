using System.Globalization;

namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// One thing wrong with a field: a stable <see cref="Code"/> with its <see cref="Params"/> (what clients and the Chinese
/// table in <c>Text/zh.json</c> key on) and an English <see cref="Message"/> for API clients, whose wording may change.
/// </summary>
public sealed record FieldError(string Code, string Message, IReadOnlyDictionary<string, object>? Params = null)
{
    /// <summary>The same code and parameters, said more precisely in English (e.g. "is required for a township user").</summary>
    public FieldError Saying(string message) => this with { Message = message };

    internal static IReadOnlyDictionary<string, object> With(params (string Name, object Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    internal static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
