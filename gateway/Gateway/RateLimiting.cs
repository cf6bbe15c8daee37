using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Gateway;

/// <summary>
/// Per-client limits: a token bucket per signed-in user (or per address when anonymous), and a much
/// smaller budget for sign-in attempts per address, which slows password guessing across accounts.
/// Refusals are 429 problems with Retry-After.
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("RateLimiting");
        var perSecond = section.GetValue("PermitsPerSecond", 200);
        var burst = section.GetValue("Burst", 400);
        var signInPerMinute = section.GetValue("SignInPermitsPerMinute", 30);

        services.AddRateLimiter(options =>
        {
            options.AddPolicy("per-client", context => RateLimitPartition.GetTokenBucketLimiter(ClientKey(context), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
            options.AddPolicy("sign-in", context => RateLimitPartition.GetFixedWindowLimiter(
                "ip:" + context.Connection.RemoteIpAddress, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = signInPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            options.OnRejected = async (rejected, ct) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Problem.Create(StatusCodes.Status429TooManyRequests, "too_many_requests", "Too many requests",
                    $"Too many requests from this client; retry after {seconds} s.").ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }

    static string ClientKey(HttpContext context) =>
        context.User.FindFirst(PlatformClaims.Subject)?.Value is { } user ? "user:" + user : "ip:" + context.Connection.RemoteIpAddress;
}
