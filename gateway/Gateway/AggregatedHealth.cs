using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy.Configuration;

namespace Gateway;

/// <summary>
/// Ready only when every service behind the gateway is ready: asks each cluster's destination for its own
/// /health/ready, in parallel, with a short timeout, and reports each one.
/// </summary>
public sealed class AggregatedHealth(IProxyConfigProvider proxy, IHttpClientFactory clients) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var client = clients.CreateClient(nameof(AggregatedHealth));
        var checks = proxy.GetConfig().Clusters
            .SelectMany(c => (c.Destinations ?? new Dictionary<string, DestinationConfig>()).Values.Select(d => (c.ClusterId, d.Address)))
            .Select(async target =>
            {
                try
                {
                    using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    cts.CancelAfter(TimeSpan.FromSeconds(3));
                    using var response = await client.GetAsync(new Uri(new Uri(target.Address), "health/ready"), cts.Token);
                    return (target.ClusterId, Status: response.IsSuccessStatusCode ? "healthy" : $"unhealthy ({(int)response.StatusCode})");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return (target.ClusterId, Status: "unreachable");
                }
            });
        var results = await Task.WhenAll(checks);
        var data = results.ToDictionary(r => r.ClusterId, r => (object)r.Status);
        return results.All(r => r.Status == "healthy")
            ? HealthCheckResult.Healthy("All services are ready.", data)
            : HealthCheckResult.Unhealthy("Some services are not ready.", data: data);
    }

    /// <summary>Writes the per-service results as JSON so operators see which service is down.</summary>
    public static Task WriteResponse(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
