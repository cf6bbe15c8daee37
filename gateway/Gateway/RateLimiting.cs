using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Gateway;

/// <summary>
/// Per-client limits: a token bucket per signed-in user on the API routes (policy <c>per-client</c>), a much
/// smaller budget for sign-in attempts per address, which slows password guessing across accounts, and a
/// budget per address for everything else (anonymous requests anywhere, console, health, OpenAPI), so no
/// request escapes a limit. Addresses are the client's (<see cref="ClientAddress"/>). Refusals are 429
/// problems with Retry-After.
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("RateLimiting");
        var perSecond = section.GetValue("PermitsPerSecond", 200);
        var burst = section.GetValue("Burst", 400);
        var signInPerMinute = section.GetValue("SignInPermitsPerMinute", 30);
        var anonymousPerSecond = section.GetValue("AnonymousPermitsPerSecond", 50);
        var anonymousBurst = section.GetValue("AnonymousBurst", 200);

        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => HasBudgetOfItsOwn(context)
                ? RateLimitPartition.GetNoLimiter("per-route")
                : RateLimitPartition.GetTokenBucketLimiter("address:" + ClientAddress.Of(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = anonymousBurst,
                    TokensPerPeriod = anonymousPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            options.AddPolicy("per-client", context => RateLimitPartition.GetTokenBucketLimiter(ClientKey(context), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
            options.AddPolicy("sign-in", context => RateLimitPartition.GetFixedWindowLimiter(
                "ip:" + ClientAddress.Of(context), _ => new FixedWindowRateLimiterOptions
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
        context.User.FindFirst(PlatformClaims.Subject)?.Value is { } user ? "user:" + user : "ip:" + ClientAddress.Of(context);

    /// <summary>
    /// Signed-in traffic on a route with a policy of its own is budgeted per user by that policy. A token does not
    /// lift the address budget elsewhere: health, the console and OpenAPI are limited per address for everyone.
    /// </summary>
    static bool HasBudgetOfItsOwn(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
        && context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null;
}
