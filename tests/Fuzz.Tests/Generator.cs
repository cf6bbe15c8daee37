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
public sealed class Generator(Operation operation, Harvest harvest)
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

    // ------------------------------------------------------------------ mutations of a JSON body

    JsonNode? Mutate(JsonNode? root, Random rng, Dictionary<string, string> raw, List<string> mutations)
    {
        var slots = Slots(root, "$").ToList();
        var roll = rng.Next(100);
        if (roll < 6 || slots.Count == 0)
        {
            var replacement = rng.Next(7) switch
            {
                0 => (JsonNode?)null,
                1 => new JsonArray(),
                2 => JsonValue.Create("text"),
                3 => JsonValue.Create(1),
                4 => new JsonArray(root?.DeepClone()),
                5 => new JsonArray((JsonNode?)null),
                _ => new JsonObject(),
            };
            mutations.Add("root replaced by " + (replacement?.ToJsonString() is { Length: < 40 } s ? s : "[body]"));
            return replacement;
        }
        var slot = slots[rng.Next(slots.Count)];
        switch (roll)
        {
            case < 24: // hostile string
                if (rng.NextDouble() < 0.25)
                {
                    var token = RawStrings[rng.Next(RawStrings.Length)];
                    slot.Set(Raw(raw, token));
                    mutations.Add($"{slot.Path}={token}");
                }
                else
                {
                    var value = rng.NextDouble() < 0.12 ? Huge(rng) : HostileStrings[rng.Next(HostileStrings.Length)];
                    slot.Set(JsonValue.Create(value));
                    mutations.Add($"{slot.Path}=\"{Short(value)}\"");
                }
                break;
            case < 38: // wrong type
                var wrong = rng.Next(6) switch
                {
                    0 => (JsonNode?)JsonValue.Create(rng.Next()),
                    1 => JsonValue.Create(true),
                    2 => new JsonObject { ["a"] = 1 },
                    3 => new JsonArray(1, 2),
                    4 => JsonValue.Create(slot.Current?.ToJsonString() ?? "x"),
                    _ => JsonValue.Create(1.5),
                };
                slot.Set(wrong);
                mutations.Add($"{slot.Path} wrong type {Short(wrong?.ToJsonString() ?? "null")}");
                break;
            case < 50: // null, here or as an array element
                if (slot.Current is JsonArray array)
                {
                    array.Insert(rng.Next(array.Count + 1), null);
                    mutations.Add($"{slot.Path} gets a null element");
                }
                else
                {
                    slot.Set(null);
                    mutations.Add($"{slot.Path}=null");
                }
                break;
            case < 58: // missing field
                if (slot.Remove()) mutations.Add($"{slot.Path} removed");
                break;
            case < 64: // extra fields
                if (Objects(root).ToList() is { Count: > 0 } objects)
                {
                    var target = objects[rng.Next(objects.Count)];
                    var extra = ExtraNames[rng.Next(ExtraNames.Length)] + (rng.Next(3) == 0 ? "" : rng.Next(100).ToString(CultureInfo.InvariantCulture));
                    if (!target.ContainsKey(extra)) target[extra] = rng.Next(2) == 0 ? JsonValue.Create("extra") : new JsonObject { ["deep"] = new JsonArray(1) };
                    mutations.Add($"extra field \"{Short(extra)}\"");
                }
                break;
            case < 76: // extreme number
                var number = rng.NextDouble() < 0.8 ? ExtremeNumbers[rng.Next(ExtremeNumbers.Length)] : NumberLookalikes[rng.Next(NumberLookalikes.Length)];
                slot.Set(Raw(raw, number));
                mutations.Add($"{slot.Path}={number}");
                break;
            case < 86: // bad date
                var date = BadDates[rng.Next(BadDates.Length)];
                slot.Set(JsonValue.Create(date));
                mutations.Add($"{slot.Path}=\"{date}\"");
                break;
            default: // array shapes
                if (slot.Current is JsonArray list)
                {
                    var shape = rng.Next(3);
                    if (shape == 0) list.Clear();
                    else if (shape == 1)
                    {
                        // 2000 copies of a huge string would be a body of hundreds of MB, past every request limit:
                        // the server rightly closes the connection mid-upload, which tests the client, not the server.
                        var first = list.FirstOrDefault();
                        if (first?.ToJsonString().Length > 1_000) first = JsonValue.Create("x");
                        for (var i = 0; i < 2000; i++) list.Add(first?.DeepClone());
                    }
                    else list.Add(new JsonArray(new JsonArray()));
                    mutations.Add($"{slot.Path} array {(shape == 0 ? "emptied" : shape == 1 ? "of 2000+ elements" : "with a nested array")}");
                }
                else
                {
                    slot.Set(new JsonArray(slot.Current?.DeepClone(), null));
                    mutations.Add($"{slot.Path} wrapped in an array with null");
                }
                break;
        }
        return root;
    }

    static string Huge(Random rng) => new string((char)('a' + rng.Next(26)), rng.Next(5_000, 300_000));

    static JsonNode Raw(Dictionary<string, string> raw, string token)
    {
        var key = RawMarker + raw.Count;
        raw[key] = token;
        return JsonValue.Create(key);
    }

    static string Serialize(JsonNode? node, Dictionary<string, string> raw)
    {
        var text = node?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";
        foreach (var (key, token) in raw) text = text.Replace(JsonSerializer.Serialize(key), token);
        return text;
    }

    static string Short(string value)
    {
        var shown = value.Replace("\0", "\\0");
        return shown.Length > 40 ? shown[..40] + $"…({value.Length})" : shown;
    }

    /// <summary>A place in the tree that can be replaced or removed: a property of an object or an element of an array.</summary>
    sealed record Slot(string Path, JsonNode Parent, string? Property, int Index)
    {
        public JsonNode? Current => Parent is JsonObject o ? o[Property!] : ((JsonArray)Parent)[Index];

        public void Set(JsonNode? value)
        {
            if (Parent is JsonObject o) o[Property!] = value;
            else ((JsonArray)Parent)[Index] = value;
        }

        public bool Remove() => Parent is JsonObject o ? o.Remove(Property!) : Index < ((JsonArray)Parent).Count && Remove((JsonArray)Parent);

        bool Remove(JsonArray array)
        {
            array.RemoveAt(Index);
            return true;
        }
    }

    static IEnumerable<Slot> Slots(JsonNode? node, string path)
    {
        if (node is JsonObject o)
            foreach (var (name, child) in o.ToList())
            {
                yield return new Slot($"{path}.{name}", o, name, -1);
                foreach (var nested in Slots(child, $"{path}.{name}")) yield return nested;
            }
        else if (node is JsonArray a)
            for (var i = 0; i < a.Count; i++)
            {
                yield return new Slot($"{path}[{i}]", a, null, i);
                foreach (var nested in Slots(a[i], $"{path}[{i}]")) yield return nested;
            }
    }

    static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(p => Objects(p.Value))),
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };

    // ------------------------------------------------------------------ whole-body breakage

    static (byte[], string) MalformedJson(string text, Random rng, List<string> mutations)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var (bytes, what) = rng.Next(12) switch
        {
            0 => (utf8[..Math.Max(0, utf8.Length / 2)], "truncated JSON"),
            1 => (Encoding.UTF8.GetBytes(text + "}"), "trailing brace"),
            2 => (Encoding.UTF8.GetBytes(text.Replace("\"", "'")), "single quotes"),
            3 => (Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)), "5000 nested arrays"),
            4 => (utf8.Concat(new byte[] { 0xC3, 0x28, 0xFF }).ToArray(), "invalid UTF-8 after the body"),
            5 => ([], "empty body"),
            6 => (Encoding.UTF8.GetBytes("/* comment */" + text), "comment"),
            7 => (Encoding.UTF8.GetBytes(text.StartsWith('{') && text.Length > 2 ? "{\"a\":1,\"a\":2," + text[1..] : text + ","), "duplicate keys"),
            8 => (Encoding.UTF8.GetBytes(text.Replace("\"", "\"\\u0000", StringComparison.Ordinal)), "escaped NUL everywhere"),
            9 => (new byte[] { 0xEF, 0xBB, 0xBF }.Concat(utf8).ToArray(), "BOM"),
            10 => ([0xFE, 0xFF, 0x00, 0x7B, 0x00, 0x7D], "UTF-16 bytes"),
            _ => (Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 70)) + "1" + new string('}', 70)), "70 nested objects"),
        };
        mutations.Add(what);
        return (bytes, "application/json");
    }

    static (byte[], string) WrongContentType(string text, Random rng, List<string> mutations)
    {
        var type = new[]
        {
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=",
            "application/json; charset=utf-16", "application/octet-stream", "application/json; charset=binary", "*/*", "application/problem+json",
        }[rng.Next(10)];
        mutations.Add($"content type {type}");
        return (Encoding.UTF8.GetBytes(type.Contains("urlencoded") ? "a=b&c=%00" : text), type);
    }
}
