using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Platform.ServiceDefaults.Http;

/// <summary>The API's JSON: camelCase names, enums as camelCase strings (unknown values are rejected), strict numbers.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return options;
    }

    /// <summary>
    /// The options request bodies are read with: <see cref="Configure"/> plus <see cref="RequestText"/>'s checks, so text
    /// PostgreSQL cannot store and null elements of lists are refused as the caller's mistake (400) before a handler runs.
    /// Stored data and events keep the plain <see cref="Options"/>.
    /// </summary>
    public static JsonSerializerOptions ConfigureForRequests(JsonSerializerOptions options)
    {
        Configure(options);
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RequestText.AddChecks);
        return options;
    }
}
