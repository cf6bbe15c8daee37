using System.Diagnostics;
using System.Net.Http.Headers;

namespace Bench.City;

/// <summary>One endpoint as one caller: a label for the table, the path and query, the caller's bearer token.</summary>
public sealed record ReadCase(string Label, string PathAndQuery, string Token);

public sealed record ReadResult(ReadCase Case, Latency Sequential, Latency Concurrent, double ConcurrentPerSecond, int Errors);

/// <summary>
/// Latency of the city's read endpoints, directly on the service: a warm-up, then up to N sequential requests
/// (one connection: the latency a user sees on an idle server), then N more from several connections at once
/// (how it holds up when a few bureaus open the report together). Each phase also stops at a time cap, so a slow
/// endpoint cannot stretch the run.
/// </summary>
public static class CityReadBenchmark
{
    public static async Task<List<ReadResult>> RunAsync(Uri baseAddress, IReadOnlyList<ReadCase> cases, int requests, int concurrency, TimeSpan cap)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var results = new List<ReadResult>();
        foreach (var c in cases)
        {
            var errors = 0;
            for (var i = 0; i < 20; i++) errors += await Once(http, c, null) ? 0 : 1; // JIT, plan caches, connection pool
            var sequential = new Latency();
            var started = Stopwatch.StartNew();
            for (var i = 0; i < requests && started.Elapsed < cap; i++) errors += await Once(http, c, sequential) ? 0 : 1;

            var concurrent = new Latency();
            var remaining = requests;
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                while (Interlocked.Decrement(ref remaining) >= 0 && wall.Elapsed < cap)
                    if (!await Once(http, c, concurrent)) Interlocked.Increment(ref errors);
            }));
            var perSecond = concurrent.Count / wall.Elapsed.TotalSeconds;
            results.Add(new ReadResult(c, sequential, concurrent, perSecond, errors));
            Console.WriteLine($"  {c.Label,-44} seq n={sequential.Count,4} p50 {sequential.Percentile(50),7:0.0}  p95 {sequential.Percentile(95),7:0.0}  " +
                              $"p99 {sequential.Percentile(99),7:0.0} | x{concurrency} n={concurrent.Count,4} p50 {concurrent.Percentile(50),7:0.0}  " +
                              $"p95 {concurrent.Percentile(95),7:0.0}  p99 {concurrent.Percentile(99),7:0.0}  {perSecond,6:0} req/s" +
                              (errors > 0 ? $"  ERRORS {errors}" : ""));
        }
        return results;
    }

    /// <summary>One GET, body read to the end; false (and nothing recorded) unless it answered 200.</summary>
    static async Task<bool> Once(HttpClient http, ReadCase c, Latency? latency)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, c.PathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", c.Token);
        var start = Latency.Now();
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode) return false;
        latency?.Record(start);
        return true;
    }

    public static async Task<string> GetStringAsync(Uri baseAddress, string pathAndQuery, string token)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {pathAndQuery}: {(int)response.StatusCode} {body}");
        return body;
    }
}
