using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Identity.Api.Features.Accounts;

/// <summary>
/// The client address the sign-in back-off is keyed on. X-Forwarded-For is believed only when the direct peer
/// is one of <c>Identity:TrustedProxies</c> (addresses or CIDR networks: the gateway; loopback in
/// appsettings.json for ./platform); from anyone else the header is ignored and the connection address counts,
/// so a client cannot pick a fresh address per attempt.
/// </summary>
public static class ClientAddresses
{
    public static WebApplicationBuilder AddTrustedProxies(this WebApplicationBuilder builder)
    {
        var trusted = builder.Configuration.GetSection("Identity:TrustedProxies").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            o.ForwardLimit = 1; // the entry the trusted proxy itself appended
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var entry in trusted.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()))
            {
                if (entry.Contains('/')) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                else o.KnownProxies.Add(IPAddress.Parse(entry));
            }
        });
        return builder;
    }

    public static string Of(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : "unknown";
}
