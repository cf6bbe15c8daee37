using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fuzz.Tests;

/// <summary>What the generator does to a request body: JSON mutations by path, and whole-body breakage.</summary>
public sealed partial class Generator
{
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
