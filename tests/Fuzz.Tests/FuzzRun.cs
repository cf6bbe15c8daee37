using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fuzz.Tests;

/// <summary>What the fuzzer was asked to do.</summary>
public sealed record FuzzSettings(int Seed, int PerOperation, int Parallelism, TimeSpan RequestTimeout, string? OperationFilter);

/// <summary>
/// Sends every write operation of every service's OpenAPI document (read through the gateway) its generated requests,
/// signed in as a demo account whose role may call it, and checks that
/// <list type="bullet">
/// <item>no answer is 5xx, and every answer comes within the request timeout;</item>
/// <item>nothing was half-written: when every answer of an operation was 4xx, every table of the service's database
/// has as many rows as before (a refusal writes nothing: no business row, no outbox event, no audit entry). The few
/// tables whose rows record a refusal on purpose are exempt (import history, sign-in attempts);</item>
/// <item>at the end every outbox row has been published (an event whose message can never go out would be one
/// half of a write) and every service is still ready.</item>
/// </list>
/// Row counts, not contents, because they are cheap (one query per operation) and a half-write always adds a row.
/// </summary>
public sealed class FuzzRun(PlatformUnderTest platform, FuzzSettings settings, Action<string> log)
{
    static readonly Dictionary<string, string> HomeAccount = new()
    {
        ["identity"] = "admin@140500", ["projects"] = "project-office@140522", ["approvals"] = "approvals@140522",
        ["attraction"] = "attraction@140522", ["statistics"] = "statistics@140522", ["funding"] = "funding@140522", ["city"] = "city-hq@140500",
    };

    static readonly string[] OtherAccounts =
    [
        "admin@140500", "city-hq@140500", "project-office@140522", "approvals@140522", "attraction@140522", "statistics@140522",
        "funding@140522", "funding@140500", "statistics@140500", "approvals@140500", "project-office@140500", "attraction@140500",
        "admin@140522", "township@140522",
    ];

    // Refusals that are records on purpose: the import history keeps rejected sheets, sign-in keeps attempts and lockouts
    // (a lockout changes the account, which the audit log records).
    static readonly string[] RefusalRecordTables = ["import", "attempt", "backoff", "throttle", "sign_in"];
    static readonly string[] SignInPaths = ["/api/identity/token", "/api/identity/me/password"];

    readonly Harvest _harvest = new();
    readonly Dictionary<string, string> _tokens = [];
    readonly ConcurrentDictionary<string, int> _histogram = new();
    readonly ConcurrentQueue<string> _failures = new();
    readonly List<string> _invariantFailures = [];
    readonly List<string> _notes = [];
    int _requests;
    int _operations;

    HttpClient _http = null!;

    public async Task<FuzzReport> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Parallelism * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = platform.Gateway.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        foreach (var account in HomeAccount.Values.Concat(OtherAccounts).Distinct()) _tokens[account] = await SignInAsync(account);
        foreach (var account in _tokens.Keys) _harvest.Protected.Add(account);

        var operations = await OperationsAsync();
        await HarvestListsAsync(operations);

        var writes = operations.Where(o => o.IsWrite && Selected(o))
            .OrderBy(o => o.PathParameters.Count()).ThenBy(o => o.Method switch { "POST" => 0, "PUT" => 1, "PATCH" => 2, _ => 3 }).ThenBy(o => o.Path)
            .ToList();
        log($"fuzz: seed {settings.Seed}, {writes.Count} write operations × {settings.PerOperation} requests");
        foreach (var operation in writes) await FuzzOperationAsync(operation);
        foreach (var list in operations.Where(o => o.Method == "GET" && !o.PathParameters.Any() && o.QueryParameters.Any() && Selected(o)))
            await FuzzQueryAsync(list);
        await FinalChecksAsync();

        return new FuzzReport(settings.Seed, _operations, _requests, new SortedDictionary<string, int>(_histogram), _failures.ToList(),
            _invariantFailures, _notes, clock.Elapsed);
    }

    bool Selected(Operation operation) =>
        settings.OperationFilter is null || operation.Key.Contains(settings.OperationFilter, StringComparison.OrdinalIgnoreCase);

    async Task<string> SignInAsync(string account)
    {
        using var response = await _http.PostAsJsonAsync("/api/identity/token", new { username = account, password = PlatformUnderTest.DemoPassword });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"sign-in as {account} failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    async Task<List<Operation>> OperationsAsync()
    {
        var index = JsonNode.Parse(await _http.GetStringAsync("/openapi"))!.AsArray();
        var operations = new List<Operation>();
        foreach (var entry in index)
        {
            var service = entry!["service"]!.GetValue<string>();
            var document = new OpenApiDocument(service, JsonNode.Parse(await _http.GetStringAsync(entry["document"]!.GetValue<string>()))!);
            operations.AddRange(document.Operations());
        }
        return operations;
    }

    /// <summary>Reads every list (no path parameter) as the operations' accounts, so requests can name real records.</summary>
    async Task HarvestListsAsync(IEnumerable<Operation> operations)
    {
        // An event stream (GET /api/notifications/stream) never ends: it is no list to read.
        foreach (var list in operations.Where(o => o.Method == "GET" && !o.PathParameters.Any() && !o.Path.EndsWith("/stream", StringComparison.Ordinal)))
            foreach (var account in new[] { HomeAccount.GetValueOrDefault(list.Service, "admin@140500"), "city-hq@140500", "admin@140500" }.Distinct())
            {
                var query = list.QueryParameters.Any(p => p.Name == "pageSize") ? "?pageSize=200" : "";
                using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, list.Path + query), account);
                if (response?.IsSuccessStatusCode == true) _harvest.Add(list.Path, await response.Content.ReadAsStringAsync());
            }
    }

    async Task FuzzOperationAsync(Operation operation)
    {
        var generator = new Generator(operation, _harvest);
        var account = await ChooseAccountAsync(operation, generator);
        var counts = platform.Databases.TryGetValue(operation.Service, out var database) ? new RowCounts(database.ConnectionString) : null;
        var before = counts is null ? null : await QuietCountsAsync(counts);

        var statuses = new ConcurrentDictionary<int, int>();
        var started = Stopwatch.StartNew();
        var count = Inputless(operation) ? Math.Min(settings.PerOperation, InputlessRequests) : settings.PerOperation;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, settings.Parallelism).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var request = generator.Generate(new Random(Seeds.For(settings.Seed, operation.Key, i)), i);
                var status = await ExecuteAsync(operation, request, account, i);
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            }
        }));
        Interlocked.Increment(ref _operations);

        var summary = string.Join(" ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"));
        if (counts is not null && before is not null && statuses.Keys.All(s => s is >= 400 and < 500))
        {
            var after = await QuietCountsAsync(counts);
            var changed = RowCounts.Differences(before, after)
                .Where(d => !RefusalRecordTables.Any(t => d.StartsWith(t, StringComparison.Ordinal) || d.Contains("_" + t, StringComparison.Ordinal)))
                .Where(d => !(SignInPaths.Any(p => operation.Path.StartsWith(p, StringComparison.Ordinal)) && d.StartsWith("audit_log ", StringComparison.Ordinal)))
                .ToList();
            if (changed.Count > 0 && changed.Any(d => d.StartsWith("inbox_messages ", StringComparison.Ordinal)))
                _notes.Add($"{operation.Key}: rows changed while a consumer ran ({string.Join(", ", changed)}); not judged");
            else if (changed.Count > 0)
                _invariantFailures.Add($"{operation.Key} (seed {settings.Seed}): every answer was 4xx but rows changed: {string.Join(", ", changed)}");
        }
        log($"  {operation.Key} as {account}: {summary} ({started.Elapsed.TotalSeconds:0.0} s)");
    }

    /// <summary>
    /// An operation that reads nothing from the request (no body, no parameter: a rebuild, a scan) gets this many requests,
    /// not <see cref="FuzzSettings.PerOperation"/>: every generated body is ignored alike, and 500 journal replays in a row
    /// would take minutes without testing anything more.
    /// </summary>
    public const int InputlessRequests = 50;

    static bool Inputless(Operation operation) => operation.JsonBody is null && !operation.Multipart && operation.Parameters.Count == 0;

    /// <summary>The first account, starting with the service's own bureau, that the operation does not refuse with 401/403.</summary>
    async Task<string> ChooseAccountAsync(Operation operation, Generator generator)
    {
        var candidates = new[] { HomeAccount.GetValueOrDefault(operation.Service, "admin@140500") }.Concat(OtherAccounts).Distinct().ToList();
        foreach (var account in candidates)
        {
            var probe = generator.Generate(new Random(Seeds.For(settings.Seed, operation.Key, -1)), 0);
            using var response = await SendAsync(await BuildAsync(probe, account), account);
            if (response is null) continue;
            if ((int)response.StatusCode >= 500) Fail(operation, -1, account, probe, (int)response.StatusCode, await response.Content.ReadAsStringAsync());
            if ((int)response.StatusCode is not (401 or 403)) return account;
        }
        return candidates[0];
    }

    /// <summary>
    /// Row counts once the platform is quiet: no outbox row waiting for its first publication and the service's counts
    /// steady for a moment, so events of earlier operations are not taken for this one's writes (at most a few seconds).
    /// </summary>
    async Task<Dictionary<string, long>> QuietCountsAsync(RowCounts counts)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(4);
        var previous = await counts.TakeAsync();
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            var pending = 0L;
            foreach (var database in platform.Databases.Values) pending += await new RowCounts(database.ConnectionString).UnsentAsync(pendingOnly: true);
            var current = await counts.TakeAsync();
            if (pending == 0 && !RowCounts.Differences(previous, current).Any()) return current;
            previous = current;
        }
        return previous;
    }

    async Task<int> ExecuteAsync(Operation operation, FuzzRequest request, string account, int index)
    {
        Interlocked.Increment(ref _requests);
        using var message = await BuildAsync(request, account);
        using var timeout = new CancellationTokenSource(settings.RequestTimeout);
        int status;
        string body;
        try
        {
            using var response = await _http.SendAsync(message, timeout.Token);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (status is >= 200 and < 300) Remember(request, response, body);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Count("timeout");
            Fail(operation, index, account, request, 0, $"no answer within {settings.RequestTimeout.TotalSeconds:0} s");
            return 0;
        }
        catch (HttpRequestException e)
        {
            Count("error");
            Fail(operation, index, account, request, 0, e.Message);
            return 0;
        }
        Count(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (status >= 500) Fail(operation, index, account, request, status, body);
        return status;
    }

    void Count(string key) => _histogram.AddOrUpdate(key, 1, (_, n) => n + 1);

    void Fail(Operation operation, int index, string account, FuzzRequest request, int status, string answer)
    {
        var shown = answer.Length > 300 ? answer[..300] + "…" : answer;
        _failures.Enqueue($"{operation.Key} seed {settings.Seed} index {index} as {account}: {(status == 0 ? "no answer" : status)} ← " +
                          $"{request.Method} {Short(request.Url)} [{request.ContentType}] {request.Mutation} | body {request.BodyExcerpt(160)} | answer {shown}");
    }

    static string Short(string url) => url.Length > 160 ? url[..160] + "…" : url;

    void Remember(FuzzRequest request, HttpResponseMessage response, string body)
    {
        var path = request.Url.Split('?')[0];
        var location = response.Headers.Location?.ToString();
        if (response.Headers.ETag is { } etag) _harvest.RememberETag(location ?? path, etag.ToString());
        if (body.Length > 0) _harvest.Add(path, body);
    }

    async Task<HttpRequestMessage> BuildAsync(FuzzRequest request, string account)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[account]);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }
        var ifMatch = request.IfMatch;
        if (ifMatch == Generator.KnownETag) ifMatch = await ETagAsync(request.Url.Split('?')[0], account);
        if (ifMatch is not null) message.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return message;
    }

    /// <summary>The ETag of a resource path (its own GET, or the GET of the path without its last segment for an action).</summary>
    async Task<string?> ETagAsync(string path, string account)
    {
        if (_harvest.HasETag(path)) return _harvest.ETag(path);
        foreach (var candidate in new[] { path, path[..Math.Max(1, path.LastIndexOf('/'))] })
        {
            using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, candidate), account);
            if (response is { IsSuccessStatusCode: true, Headers.ETag: { } etag })
            {
                _harvest.RememberETag(path, etag.ToString());
                return etag.ToString();
            }
        }
        _harvest.RememberETag(path, "\"0\"");
        return "\"0\"";
    }

    async Task<HttpResponseMessage?> SendAsync(HttpRequestMessage message, string account)
    {
        message.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", _tokens[account]);
        using var timeout = new CancellationTokenSource(settings.RequestTimeout);
        try
        {
            var response = await _http.SendAsync(message, timeout.Token);
            await response.Content.LoadIntoBufferAsync(timeout.Token);
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return null;
        }
        finally
        {
            message.Dispose();
        }
    }

    /// <summary>Lists with overflowing pages, NUL, huge and wrong-typed values in their query strings.</summary>
    async Task FuzzQueryAsync(Operation list)
    {
        var account = HomeAccount.GetValueOrDefault(list.Service, "admin@140500");
        var queries = new List<string>
        {
            "page=2147483647&pageSize=200", "page=1073741824&pageSize=200", "page=10738&pageSize=200000", "page=-5&pageSize=-5",
            "pageSize=2147483647", "page=99999999999", "page=1e3",
        };
        foreach (var parameter in list.QueryParameters.Where(p => p.Name is not ("page" or "pageSize")))
            queries.AddRange(new[] { "%00", "a%00b", new string('q', 5000), "%C3%28", "%E2%80%AE", "2147483648", "-1", "2026-02-30" }
                .Select(v => $"{Uri.EscapeDataString(parameter.Name)}={v}"));
        for (var i = 0; i < queries.Count; i++)
        {
            var request = new FuzzRequest("GET", list.Path + "?" + queries[i], null, null, null, "query " + queries[i]);
            await ExecuteAsync(list, request, account, i);
        }
        Interlocked.Increment(ref _operations);
    }

    async Task FinalChecksAsync()
    {
        foreach (var (service, database) in platform.Databases)
        {
            var counts = new RowCounts(database.ConnectionString);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
            long unsent;
            while ((unsent = await counts.UnsentAsync()) > 0 && DateTime.UtcNow < deadline) await Task.Delay(250);
            if (unsent > 0)
                _invariantFailures.Add($"{service}: {unsent} outbox rows still unpublished after the run " +
                                       $"({await counts.UnsentAsync(failedOnly: true)} with an error): an event was written that cannot go out");
        }
        using var health = await _http.GetAsync("/health/ready");
        if (!health.IsSuccessStatusCode)
            _invariantFailures.Add($"the platform is not ready after the run: {(int)health.StatusCode} {await health.Content.ReadAsStringAsync()}");
    }
}

/// <summary>The per-request seed: the run's seed, the operation and the request's index (stable across processes, unlike string.GetHashCode).</summary>
public static class Seeds
{
    public static int For(int seed, string operation, int index)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(operation)) hash = (hash ^ b) * 16777619u;
        return unchecked((int)(((uint)seed * 2654435761u) ^ hash ^ ((uint)index * 40503u)));
    }
}

public sealed record FuzzReport(int Seed, int Operations, int Requests, SortedDictionary<string, int> Histogram, IReadOnlyList<string> Failures,
    IReadOnlyList<string> InvariantFailures, IReadOnlyList<string> Notes, TimeSpan Elapsed)
{
    public bool Passed => Failures.Count == 0 && InvariantFailures.Count == 0;

    public string SummaryLine =>
        $"fuzz seed {Seed}: {Operations} operations, {Requests} requests in {Elapsed.TotalSeconds:0} s; " +
        $"statuses {string.Join(" ", Histogram.Select(h => $"{h.Key}×{h.Value}"))}; " +
        $"{Failures.Count} failures (5xx, timeouts), {InvariantFailures.Count} half-written" + (Passed ? "; passed" : "; FAILED");

    public override string ToString()
    {
        var text = new StringBuilder(SummaryLine).AppendLine();
        foreach (var failure in InvariantFailures) text.AppendLine("  half-written: " + failure);
        foreach (var group in Failures.GroupBy(f => f[..f.IndexOf(" seed ", StringComparison.Ordinal)]).OrderByDescending(g => g.Count()))
            text.AppendLine($"  {group.Count(),5} failures on {group.Key}");
        foreach (var failure in Failures.Take(60)) text.AppendLine("  " + failure);
        if (Failures.Count > 60) text.AppendLine($"  … and {Failures.Count - 60} more");
        foreach (var note in Notes) text.AppendLine("  note: " + note);
        text.AppendLine($"  reproduce: PLATFORM_FUZZ_SEED={Seed} ./platform fuzz (PLATFORM_FUZZ_OPERATION=\"POST /api/…\" for one operation)");
        return text.ToString();
    }
}
