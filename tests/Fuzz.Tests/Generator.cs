using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fuzz.Tests;

/// <summary>One generated request: what is sent, and what was done to it (for the failure report).</summary>
public sealed record FuzzRequest(string Method, string Url, byte[]? Body, string? ContentType, string? IfMatch, string Mutation)
{
    public string BodyExcerpt(int max = 240)
    {
        if (Body is null) return "(no body)";
        var text = Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, max * 4));
        text = text.Replace("\0", "\\0");
        return text.Length > max ? text[..max] + $"… ({Body.Length} bytes)" : text;
    }
}

/// <summary>
/// Builds request number <c>index</c> of an operation from the run's seed: a schema-aware, mostly valid body (real
/// values from <see cref="Harvest"/> where it has them), then one or two mutations — wrong types, nulls, missing and
/// extra fields, hostile strings, extreme numbers, bad dates, malformed JSON, wrong content types, broken multipart,
/// bad path and query values. The same seed, operation and index give the same mutation and body shape.
/// </summary>
public sealed partial class Generator(Operation operation, Harvest harvest)
{
    const string RawMarker = "\u0001raw:";

    /// <summary>Stands for "the ETag last seen for this path" (the runner fetches it when it has none yet).</summary>
    public const string KnownETag = "(known)";

    // Tokens written into the JSON text as they are (JsonNode could not hold them).
    static readonly string[] ExtremeNumbers =
    [
        "1e308", "-1e308", "1.7976931348623157e309", "-0", "-0.0", "79228162514264337593543950336", "-79228162514264337593543950336",
        "1e-400", "2147483648", "-2147483649", "9223372036854775808", "-9223372036854775809", "0.000000000000000000000000000001",
        "123456789012345678901234567890.123456789", "1E400", "-1", "0", "999999999999999999", "4.9e-324",
    ];

    static readonly string[] NumberLookalikes = ["\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e308\"", "\"12\"", "\"0x10\"", "\"\"", "true", "[]", "{}"];

    static readonly string[] HostileStrings =
    [
        "\u0000", "a\u0000b", "\u0000\u0000\u0000", "\u202Eevil\u202C", "\u200F\u200E\u061C", "\u0001\u0002\u0007\u001B[31m\u007F",
        "\r\n\t", " ", "", "\uFEFF", "\uFFFF\uFFFE", "😀🏳️‍🌈", "Ａｄｍｉｎ＠１４０５２２", "ﬁ", "İ", "'; drop table projects; --",
        "../../../../etc/passwd", "%00", "<script>alert(1)</script>", "{{7*7}}", "${jndi:ldap://x}", "null", "\\u0000",
        "140522\u0000", "ａ", "\u3000", "\u00A0", "A\u0301",
    ];

    // Lone surrogates and escaped NULs as JSON text (a .NET string cannot be serialized into them).
    static readonly string[] RawStrings = ["\"\\ud800\"", "\"\\udfff\"", "\"a\\ud800b\"", "\"\\u0000\"", "\"x\\u0000\"", "\"\\ud83d\\ude00\\ud800\""];

    static readonly string[] BadDates =
    [
        "2026-02-30", "2026-13-01", "0000-00-00", "0001-01-01", "9999-12-31", "10000-01-01", "-0001-01-01", "2026-1-1", "2026/01/01",
        "2026-02-28T25:00:00Z", "1970-01-01T00:00:00+99:00", "2026-06-01T00:00:00.123456789Z", "yesterday", "2026-W01", "2026-00",
        "2026-13", "9999-99", "2026-1", "20260101", "0000-01", "2026-02-29",
    ];

    static readonly string[] BadPathValues =
    [
        "00000000-0000-0000-0000-000000000000", "%00", "a%00b", "%E2%80%AE", "..%2F..%2Fadmin", "ffffffff-ffff-ffff-ffff-ffffffffffff",
        "%F0%9F%98%80", "%C3%28", "null", "-1", "1e308", "%20",
    ];

    static readonly string[] ExtraNames = ["__proto__", "$type", "constructor", "id", "version", "regionCode", "rowVersion", "xmin", "\u0000", "a.b", ""];

    public FuzzRequest Generate(Random rng, int index)
    {
        var mutations = new List<string>();
        var path = ConcretePath(rng, mutations, mutate: index > 0 && rng.NextDouble() < 0.08);
        var query = Query(rng, mutations, mutate: index > 0 && rng.NextDouble() < 0.12);
        var url = query.Length == 0 ? path : path + "?" + query;
        var ifMatch = IfMatch(rng, mutations);

        if (operation.Multipart)
        {
            var (body, type) = Multipart.Generate(rng, index, mutations);
            return new FuzzRequest(operation.Method, url, body, type, ifMatch, Describe(mutations));
        }

        var node = operation.JsonBody is null ? new JsonObject() : Valid(operation.JsonBody, rng, 0);
        var raw = new Dictionary<string, string>();
        var kind = index == 0 ? -1 : rng.Next(100);
        string contentType = "application/json";
        byte[] bytes;
        if (kind is >= 0 and < 10) mutations.Add("valid-ish");
        else if (kind >= 10)
        {
            var count = rng.NextDouble() < 0.25 ? 2 : 1;
            for (var i = 0; i < count; i++) node = Mutate(node, rng, raw, mutations);
        }
        var text = Serialize(node, raw);
        bytes = Encoding.UTF8.GetBytes(text);
        if (kind >= 88 && kind < 96) (bytes, contentType) = MalformedJson(text, rng, mutations);
        else if (kind >= 96) (bytes, contentType) = WrongContentType(text, rng, mutations);
        return new FuzzRequest(operation.Method, url, bytes, contentType, ifMatch, Describe(mutations));
    }

    static string Describe(List<string> mutations) => mutations.Count == 0 ? "valid" : string.Join("; ", mutations);

    // ------------------------------------------------------------------ path, query, headers

    string ConcretePath(Random rng, List<string> mutations, bool mutate)
    {
        var path = operation.Path;
        var parameters = operation.PathParameters.ToList();
        var broken = mutate && parameters.Count > 0 ? parameters[rng.Next(parameters.Count)].Name : null;
        foreach (var parameter in parameters)
        {
            var token = "{" + parameter.Name + "}";
            var at = path.IndexOf(token, StringComparison.Ordinal);
            if (at < 0) continue;
            string value;
            if (parameter.Name == broken)
            {
                value = rng.NextDouble() < 0.2 ? new string('a', rng.Next(300, 9000)) : BadPathValues[rng.Next(BadPathValues.Length)];
                mutations.Add($"path {parameter.Name}={Short(value)}");
            }
            else value = Uri.EscapeDataString(PathValue(path[..Math.Max(0, at - 1)], parameter, rng));
            path = path.Replace(token, value);
        }
        return path;
    }

    string PathValue(string prefix, Parameter parameter, Random rng)
    {
        var guid = (OpenApiDocument.Types(parameter.Schema) is ["string"] && parameter.Schema?["format"]?.GetValue<string>() == "uuid")
                   || parameter.Name.EndsWith("id", StringComparison.OrdinalIgnoreCase);
        return harvest.ListId(prefix, rng)
               ?? harvest.FieldString(parameter.Name, rng)
               ?? (guid ? harvest.FieldString("id", rng) : null)
               ?? (guid ? Guid.NewGuid().ToString() : "x");
    }

    string Query(Random rng, List<string> mutations, bool mutate)
    {
        var parts = new List<string>();
        var parameters = operation.QueryParameters.ToList();
        var broken = mutate && parameters.Count > 0 ? parameters[rng.Next(parameters.Count)].Name : null;
        foreach (var parameter in parameters)
        {
            if (parameter.Name == broken)
            {
                var value = QueryMutations[rng.Next(QueryMutations.Length)];
                mutations.Add($"query {parameter.Name}={Short(value)}");
                parts.Add(Uri.EscapeDataString(parameter.Name) + "=" + value);
            }
            else if (parameter.Required || rng.NextDouble() < 0.5)
            {
                var node = Valid(parameter.Schema ?? new JsonObject { ["type"] = "string" }, rng, 0, parameter.Name);
                var value = node switch
                {
                    JsonValue v when v.TryGetValue<string>(out var s) => s,
                    null => "",
                    _ => node.ToJsonString(),
                };
                parts.Add(Uri.EscapeDataString(parameter.Name) + "=" + Uri.EscapeDataString(value));
            }
        }
        if (mutate && parameters.Count == 0)
        {
            parts.Add("page=2147483647&pageSize=200&x=%00");
            mutations.Add("query with unknown overflowing and NUL values");
        }
        return string.Join("&", parts);
    }

    static readonly string[] QueryMutations =
    [
        "%00", "a%00b", "2147483647", "-2147483648", "99999999999999999999", "1e308", "NaN", "%E2%80%AE", "%C3%28", "",
        new string('x', 5000), "true", "2026-02-30", "%ud800", "%%", "[]",
    ];

    string? IfMatch(Random rng, List<string> mutations)
    {
        if (operation.Method is not ("PUT" or "PATCH" or "POST" or "DELETE")) return null;
        var roll = rng.NextDouble();
        if (roll < 0.06)
        {
            var bad = new[] { "*", "\"x\"", "W/\"1\"", "\"%00\"", "garbage", new string('"', 300), "\"0\"", "\"-1\"", "\"99999999999999999999\"" }[rng.Next(9)];
            mutations.Add($"If-Match {Short(bad)}");
            return bad;
        }
        return roll < 0.85 ? KnownETag : null;
    }

    // ------------------------------------------------------------------ schema-aware values

    JsonNode? Valid(JsonNode schemaNode, Random rng, int depth, string? name = null)
    {
        var schema = operation.Document.Resolve(schemaNode);
        if (schema is null || depth > 6) return null;
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
            if (schema[combinator] is JsonArray options && options.Count > 0)
            {
                var choices = options.Where(o => OpenApiDocument.Types(operation.Document.Resolve(o)).Count > 0 || o?["$ref"] is not null).ToList();
                if (choices.Count == 0) return null;
                return Valid(choices[rng.Next(choices.Count)]!, rng, depth, name);
            }
        if (schema["enum"] is JsonArray values && values.Count > 0)
        {
            var picked = values.Where(v => v is not null).ToList();
            return picked.Count == 0 ? null : picked[rng.Next(picked.Count)]!.DeepClone();
        }

        if (name is not null && rng.NextDouble() < 0.7 && harvest.Field(name, rng) is { } seen) return JsonNode.Parse(seen.GetRawText());

        var types = OpenApiDocument.Types(schema);
        var type = types.Count > 0 ? types[rng.Next(types.Count)] : schema["properties"] is not null ? "object" : schema["items"] is not null ? "array" : "string";
        var format = schema["format"]?.GetValue<string>();
        switch (type)
        {
            case "object":
                var result = new JsonObject();
                var required = (schema["required"] as JsonArray)?.Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
                if (schema["properties"] is JsonObject properties)
                    foreach (var (property, propertySchema) in properties)
                        if (required.Contains(property) || rng.NextDouble() < 0.8)
                            result[property] = propertySchema is null ? null : Valid(propertySchema, rng, depth + 1, property);
                return result;
            case "array":
                var array = new JsonArray();
                var count = rng.Next(1, 4);
                for (var i = 0; i < count && schema["items"] is { } items; i++) array.Add(Valid(items, rng, depth + 1, name));
                return array;
            case "integer":
                var min = schema["minimum"]?.GetValue<double>() ?? 0;
                return JsonValue.Create((long)Math.Max(min, rng.Next(0, 30)));
            case "number":
                return JsonValue.Create(Math.Round((decimal)rng.NextDouble() * 1000, 2));
            case "boolean":
                return JsonValue.Create(rng.Next(2) == 0);
            default:
                return JsonValue.Create(StringValue(format, name, rng));
        }
    }

    static string StringValue(string? format, string? name, Random rng)
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(rng.Next(-400, 400));
        return format switch
        {
            "uuid" => Guid.NewGuid().ToString(),
            "date" => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "date-time" => day.ToDateTime(new TimeOnly(rng.Next(24), 0)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            "int32" or "int64" => rng.Next(100).ToString(CultureInfo.InvariantCulture),
            _ when name?.Contains("period", StringComparison.OrdinalIgnoreCase) == true => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ when name?.Contains("region", StringComparison.OrdinalIgnoreCase) == true => "140522",
            _ => "fuzz " + rng.Next(100000).ToString(CultureInfo.InvariantCulture),
        };
    }
}
