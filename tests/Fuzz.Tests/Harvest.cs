using System.Collections.Concurrent;
using System.Text.Json;

namespace Fuzz.Tests;

/// <summary>
/// Real values seen in the platform's answers, so generated requests reach past "not found" into the code that
/// stores things: values by JSON field name (<c>regionCode</c> → 140522, <c>projectId</c> → a project's id) and the
/// ids of the items each list returned (<c>/api/projects</c> → project ids), plus the ETag last seen for a path.
/// </summary>
public sealed class Harvest
{
    const int MaxPerKey = 64;
    readonly ConcurrentDictionary<string, List<JsonElement>> _fields = new(StringComparer.OrdinalIgnoreCase);
    readonly ConcurrentDictionary<string, List<string>> _listIds = new(StringComparer.OrdinalIgnoreCase);
    readonly ConcurrentDictionary<string, string> _etags = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Values the fuzzer must never pick for a path (the accounts it signed in with).</summary>
    public HashSet<string> Protected { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string listPath, string json)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json); }
        catch (JsonException) { return; }
        using (document)
        {
            var root = document.RootElement;
            var items = root.ValueKind == JsonValueKind.Array ? root
                : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("items", out var i) && i.ValueKind == JsonValueKind.Array ? i
                : default;
            if (items.ValueKind == JsonValueKind.Array)
                foreach (var item in items.EnumerateArray())
                    if (item.ValueKind == JsonValueKind.Object && IdOf(item) is { } id) Keep(_listIds, listPath, id);
            if (root.ValueKind == JsonValueKind.Object && IdOf(root) is { } own) Keep(_listIds, listPath, own);
            Walk(root, 0);
        }
    }

    static string? IdOf(JsonElement item)
    {
        foreach (var name in new[] { "id", "userName", "username", "code" })
            if (item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String) return v.GetString();
        return null;
    }

    void Walk(JsonElement element, int depth)
    {
        if (depth > 6) return;
        if (element.ValueKind == JsonValueKind.Object)
            foreach (var property in element.EnumerateObject())
            {
                if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                    Keep(_fields, property.Name, property.Value.Clone());
                else Walk(property.Value, depth + 1);
            }
        else if (element.ValueKind == JsonValueKind.Array)
            foreach (var item in element.EnumerateArray().Take(50)) Walk(item, depth + 1);
    }

    static void Keep<T>(ConcurrentDictionary<string, List<T>> map, string key, T value)
    {
        var list = map.GetOrAdd(key, _ => []);
        lock (list)
        {
            if (list.Contains(value) || list.Count >= MaxPerKey) return;
            list.Add(value);
        }
    }

    public JsonElement? Field(string name, Random rng) => Pick(_fields, name, rng);

    public string? ListId(string listPath, Random rng) => Pick(_listIds, listPath, rng) is { } id && !Protected.Contains(id) ? id : null;

    /// <summary>Any string value of a field with this name (e.g. <c>projectId</c>), or of <c>id</c> fields when none.</summary>
    public string? FieldString(string name, Random rng)
    {
        var value = Field(name, rng);
        return value is { ValueKind: JsonValueKind.String } v && !Protected.Contains(v.GetString()!) ? v.GetString() : null;
    }

    static T? Pick<T>(ConcurrentDictionary<string, List<T>> map, string key, Random rng) where T : struct =>
        map.TryGetValue(key, out var list) ? Locked(list, l => l.Count == 0 ? (T?)null : l[rng.Next(l.Count)]) : null;

    static string? Pick(ConcurrentDictionary<string, List<string>> map, string key, Random rng) =>
        map.TryGetValue(key, out var list) ? Locked(list, l => l.Count == 0 ? null : l[rng.Next(l.Count)]) : null;

    static TResult Locked<T, TResult>(List<T> list, Func<List<T>, TResult> read)
    {
        lock (list) return read(list);
    }

    public void RememberETag(string path, string etag) => _etags[path] = etag;

    public string? ETag(string path) => _etags.TryGetValue(path, out var etag) ? etag : null;

    public bool HasETag(string path) => _etags.ContainsKey(path);
}
