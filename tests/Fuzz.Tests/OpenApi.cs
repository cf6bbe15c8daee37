using System.Text.Json.Nodes;

namespace Fuzz.Tests;

/// <summary>One parameter of an operation (path or query), with its schema.</summary>
public sealed record Parameter(string Name, string In, bool Required, JsonNode? Schema);

/// <summary>One operation of a service's OpenAPI document, with its document for resolving <c>$ref</c>s.</summary>
public sealed record Operation(string Service, string Method, string Path, IReadOnlyList<Parameter> Parameters,
    JsonNode? JsonBody, bool Multipart, string Summary, OpenApiDocument Document)
{
    public string Key => $"{Method} {Path}";
    public bool IsWrite => Method is "POST" or "PUT" or "PATCH" or "DELETE";
    public IEnumerable<Parameter> PathParameters => Parameters.Where(p => p.In == "path");
    public IEnumerable<Parameter> QueryParameters => Parameters.Where(p => p.In == "query");
}

/// <summary>The parts of an OpenAPI 3.x document the fuzzer needs: operations, parameters, request bodies, schemas.</summary>
public sealed class OpenApiDocument(string service, JsonNode root)
{
    public string Service { get; } = service;

    public IEnumerable<Operation> Operations()
    {
        if (root["paths"] is not JsonObject paths) yield break;
        foreach (var (path, item) in paths)
        {
            if (item is not JsonObject pathItem) continue;
            var shared = ParametersOf(pathItem["parameters"]);
            foreach (var (method, op) in pathItem)
            {
                if (op is not JsonObject operation || method is "parameters" or "summary" or "description" or "servers") continue;
                var parameters = shared.Concat(ParametersOf(operation["parameters"])).ToList();
                var content = Resolve(operation["requestBody"])?["content"] as JsonObject;
                var json = content?.FirstOrDefault(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase)).Value?["schema"];
                var summary = (operation["summary"]?.GetValue<string>() ?? "") + " " + (operation["description"]?.GetValue<string>() ?? "");
                var multipart = content?.Any(c => c.Key.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)) == true
                                || summary.Contains("multipart", StringComparison.OrdinalIgnoreCase);
                yield return new Operation(Service, method.ToUpperInvariant(), path, parameters, json, multipart, summary.Trim(), this);
            }
        }
    }

    IEnumerable<Parameter> ParametersOf(JsonNode? node) =>
        (node as JsonArray ?? []).Select(Resolve).OfType<JsonObject>().Select(p => new Parameter(
            p["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["required"]?.GetValue<bool>() == true, p["schema"]));

    /// <summary>Follows a local <c>$ref</c> (<c>#/components/schemas/X</c>) to its target; other nodes are returned as they are.</summary>
    public JsonNode? Resolve(JsonNode? node)
    {
        for (var hops = 0; hops < 16 && node is JsonObject o && o["$ref"] is JsonValue reference; hops++)
        {
            var target = root;
            foreach (var part in reference.GetValue<string>().TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
                target = target?[Uri.UnescapeDataString(part.Replace("~1", "/").Replace("~0", "~"))];
            node = target;
        }
        return node;
    }

    /// <summary>The schema's types without "null" (OpenAPI 3.1 writes <c>type: ["string", "null"]</c>).</summary>
    public static IReadOnlyList<string> Types(JsonNode? schema) => schema?["type"] switch
    {
        JsonValue v => [v.GetValue<string>()],
        JsonArray a => a.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToList(),
        _ => [],
    };
}
