using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Platform.ServiceDefaults.Http;

/// <summary>
/// What every string a request carries must satisfy: no NUL (PostgreSQL refuses U+0000 in text and jsonb) and no
/// unpaired surrogate (it cannot be written as UTF-8). Applied to JSON bodies here, and to query strings, route values
/// and form fields by <see cref="RequestTextMiddleware"/>. Lists in a body must not hold a null where the request type
/// says its elements are never null (<c>"targets":[null]</c> used to reach the handler and fail there).
/// </summary>
public static class RequestText
{
    public const string InvalidCharacter = "invalid_character";
    public const string NullElement = "null_element";

    /// <summary>Why the text cannot be stored, or null when it can.</summary>
    public static string? Refusal(string? text)
    {
        if (text is null) return null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return "contains a NUL character (U+0000)";
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return "contains an unpaired UTF-16 surrogate";
        }
        return null;
    }

    enum Check { Text, Elements }

    /// <summary>A <see cref="IJsonTypeInfoResolver"/> modifier: objects with string or list properties check them once read.</summary>
    public static void AddChecks(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        var nullability = new NullabilityInfoContext();
        var checks = new List<(JsonPropertyInfo Property, Check Check, bool ElementsNeverNull)>();
        foreach (var property in info.Properties)
        {
            if (property.Get is null) continue;
            if (property.PropertyType == typeof(string)) checks.Add((property, Check.Text, false));
            else if (ElementType(property.PropertyType) is { } element)
            {
                var neverNull = !element.IsValueType && ElementsNeverNull(property.AttributeProvider, nullability);
                if (neverNull || element == typeof(string)) checks.Add((property, Check.Elements, neverNull));
            }
        }
        if (checks.Count == 0) return;
        var previous = info.OnDeserialized;
        info.OnDeserialized = value =>
        {
            previous?.Invoke(value);
            foreach (var (property, check, neverNull) in checks) Verify(property.Name, property.Get!(value), check, neverNull);
        };
    }

    static void Verify(string name, object? value, Check check, bool elementsNeverNull)
    {
        if (check == Check.Text)
        {
            if (Refusal(value as string) is { } why) throw new RequestTextException(InvalidCharacter, name, why);
            return;
        }
        if (value is not IEnumerable items) return;
        var index = 0;
        foreach (var item in items)
        {
            if (item is null && elementsNeverNull) throw new RequestTextException(NullElement, $"{name}[{index}]", "must not be null");
            if (Refusal(item as string) is { } why) throw new RequestTextException(InvalidCharacter, $"{name}[{index}]", why);
            index++;
        }
    }

    static Type? ElementType(Type type)
    {
        if (type == typeof(string)) return null;
        if (type.IsArray) return type.GetElementType();
        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        var element = enumerable?.GetGenericArguments()[0];
        // Dictionaries enumerate key-value pairs (a value type): left alone.
        return element;
    }

    static bool ElementsNeverNull(ICustomAttributeProvider? member, NullabilityInfoContext context)
    {
        var info = member switch
        {
            PropertyInfo p => context.Create(p),
            FieldInfo f => context.Create(f),
            _ => null,
        };
        if (info is null) return false;
        var element = info.ElementType ?? (info.GenericTypeArguments.Length == 1 ? info.GenericTypeArguments[0] : null);
        return element?.ReadState == NullabilityState.NotNull;
    }
}

/// <summary>A string or list element of a request body that cannot be accepted; answered 400 with <see cref="Code"/> and the field.</summary>
public sealed class RequestTextException(string code, string field, string reason) : JsonException($"{field} {reason}.")
{
    public string Code { get; } = code;
    public string Field { get; } = field;
    public string Reason { get; } = reason;
}
