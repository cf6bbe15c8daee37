using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.ServiceDefaults.Problems;

namespace Platform.ServiceDefaults.Text;

/// <summary>
/// The platform's one table of Chinese for people (<c>Text/zh.json</c>, embedded; the console imports the same file):
/// error codes with their <c>{param}</c> placeholders and the labels of the API's enum values. Nothing is translated
/// from English wording.
/// </summary>
public static partial class Chinese
{
    sealed record Table(Dictionary<string, string> Codes, Dictionary<string, Dictionary<string, string>> Enums);

    static readonly Table Loaded = Load();

    static Table Load()
    {
        using var stream = typeof(Chinese).Assembly.GetManifestResourceStream("Platform.ServiceDefaults.zh.json")
            ?? throw new InvalidOperationException("The Chinese table zh.json is not embedded in Platform.ServiceDefaults.");
        return JsonSerializer.Deserialize<Table>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("The Chinese table zh.json is empty.");
    }

    /// <summary>Every code that has a text.</summary>
    public static IReadOnlyDictionary<string, string> Codes => Loaded.Codes;

    /// <summary>Enum type name in camelCase (e.g. <c>projectStage</c>) → API value (<c>underConstruction</c>) → label (在建).</summary>
    public static IReadOnlyDictionary<string, Dictionary<string, string>> Enums => Loaded.Enums;

    /// <summary>The error in Chinese, its parameters filled in; the English message when the code has no text.</summary>
    public static string Of(FieldError error) => Codes.TryGetValue(error.Code, out var text)
        ? Placeholder().Replace(text, m => error.Params is { } p && p.TryGetValue(m.Groups[1].Value, out var v) ? FieldError.Text(v) : m.Value)
        : error.Message;

    /// <summary>The label of an API enum value (<c>Label("projectStage", "reserve")</c> is 储备); the value itself when unknown.</summary>
    public static string Label(string @enum, string? value) =>
        value is null ? "" : Enums.TryGetValue(@enum, out var labels) && labels.TryGetValue(value, out var label) ? label : value;

    /// <summary>The label of an enum value; the table keys an enum by its type name in camelCase (<c>ProjectStage</c> → <c>projectStage</c>).</summary>
    public static string Label<T>(T value) where T : struct, Enum => Label(EnumKey<T>(), Http.QueryEnum.Name(value));

    /// <summary>Every value of <typeparamref name="T"/> with its label, in declaration order.</summary>
    public static IReadOnlyDictionary<T, string> Labels<T>() where T : struct, Enum => Enum.GetValues<T>().ToDictionary(v => v, Label);

    public static string EnumKey<T>() where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(typeof(T).Name);

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
