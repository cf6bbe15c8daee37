using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Gateway;

/// <summary>
/// Who the client is, for the rate limits and for the X-Forwarded-For the services are sent: the TCP peer, unless
/// the peer is one of <c>Gateway:TrustedProxies</c> (addresses or CIDR networks); then the address that proxy
/// reports in X-Forwarded-For, walking back through further trusted proxies to the first untrusted hop. Empty by
/// default, so a client cannot pick its own rate-limit partition by sending the header.
/// </summary>
public static class ClientAddress
{
    const string Section = "Gateway:TrustedProxies";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            // The defaults trust loopback (127.0.0.0/8, ::1). Cleared on purpose: with a tunnel, a container port
            // mapping or a local reverse proxy in front, every remote client reaches the gateway from loopback, and
            // trusting it would let anyone set their own address. Only what the operator lists is trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var entry in Entries(configuration))
            {
                if (entry.Contains('/'))
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(entry, out var network) ? network
                        : throw new InvalidOperationException($"{Section}: '{entry}' is not a CIDR network (e.g. 10.0.0.0/8, host bits zero)."));
                else
                    options.KnownProxies.Add(IPAddress.TryParse(entry, out var address) ? address
                        : throw new InvalidOperationException($"{Section}: '{entry}' is not an IP address."));
            }
            // A chain of trusted proxies (CDN → load balancer → gateway) is walked back to its first untrusted hop.
            options.ForwardLimit = null;
        });
        return services;
    }

    /// <summary>First in the pipeline, so the rate limiter and the proxy see the client's address.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        // With both lists empty the middleware would trust X-Forwarded-For from every peer, so it is left out.
        if (options.KnownProxies.Count + options.KnownIPNetworks.Count > 0) app.UseForwardedHeaders();
        return app;
    }

    /// <summary>
    /// What a service is told: exactly one <c>X-Forwarded-For</c> value, the address <see cref="Of"/> gives (the one the
    /// rate limits use), whatever the client sent, and no client-sent <c>Forwarded</c> header. X-Forwarded-Proto,
    /// -Host and -Prefix are set (not appended) from the gateway's own request.
    /// </summary>
    public static TransformBuilderContext AddClientAddressForwarding(this TransformBuilderContext context)
    {
        context.UseDefaultForwarders = false;
        context.AddXForwardedProto(action: ForwardedTransformActions.Set);
        context.AddXForwardedHost(action: ForwardedTransformActions.Set);
        context.AddXForwardedPrefix(action: ForwardedTransformActions.Set);
        context.AddRequestTransform(transform =>
        {
            var headers = transform.ProxyRequest.Headers;
            headers.Remove(ForwardedFor);
            headers.Remove("Forwarded");
            if (transform.HttpContext.Connection.RemoteIpAddress is not null) headers.TryAddWithoutValidation(ForwardedFor, Of(transform.HttpContext));
            return ValueTask.CompletedTask;
        });
        return context;
    }

    const string ForwardedFor = "X-Forwarded-For";

    /// <summary>The client's address as a partition key; IPv4 clients of a dual-stack socket look the same as on IPv4.</summary>
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        var address => address.ToString(),
    };

    /// <summary>A list (<c>Gateway:TrustedProxies:0</c>, …) or one comma-separated value (handy in an environment variable).</summary>
    static IEnumerable<string> Entries(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var values = section.Value is { Length: > 0 } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
