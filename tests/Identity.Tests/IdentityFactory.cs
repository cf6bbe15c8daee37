using System.Net;
using Identity.Api;
using Identity.Api.Features.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.Tests;

/// <summary>
/// The identity service in-process on its own database. The in-memory test server has no connection address,
/// so requests say which peer they come from in <see cref="PeerHeader"/> (loopback, the trusted proxy, when absent).
/// </summary>
public class IdentityFactory() : ServiceFactory<Program>("identity_it")
{
    public const string PeerHeader = "X-Test-Peer";

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Platform:SeedDemoData"] = "false",
        // Long enough that a slow machine's hash checks never outlast the first wait by accident.
        ["Identity:Throttle:FirstDelay"] = "00:00:10",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerAddressFilter>());
    }

    /// <summary>An account stored directly (its password hashed as the service does).</summary>
    public async Task<string> AddAccountAsync(string password, string role = "project-office", string region = "140522",
        bool enabled = true, bool mustChangePassword = false, string? passwordHash = null)
    {
        var userName = $"{role}-{Guid.NewGuid().ToString("N")[..8]}@{region}";
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        db.Accounts.Add(new Account
        {
            UserName = userName, DisplayName = userName, PasswordHash = passwordHash ?? PasswordHashing.Hash(password),
            RegionCode = region, Role = role, Enabled = enabled, MustChangePassword = mustChangePassword,
        });
        await db.SaveChangesAsync();
        return userName;
    }

    public async Task<Account> AccountAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IdentityDb>().Accounts.FindAsync(userName) ?? throw new InvalidOperationException(userName);
    }

    /// <summary>A client whose requests come from <paramref name="peer"/>, optionally through the trusted proxy with X-Forwarded-For.</summary>
    public HttpClient From(string? forwardedFor = null, string? peer = null)
    {
        var client = CreateClient();
        if (peer is not null) client.DefaultRequestHeaders.Add(PeerHeader, peer);
        if (forwardedFor is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }

    sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(PeerHeader, out var peer)
                    ? IPAddress.Parse(peer.ToString())
                    : IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>The identity service on a clock the tests move forward (a back-off passes without waiting).</summary>
public sealed class IdentityOnAFakeClockFactory : IdentityFactory
{
    public IdentityOnAFakeClockFactory() => Clock = new(TimeProvider.System.GetUtcNow());
}

[CollectionDefinition(Name)]
public sealed class IdentityCollection : ICollectionFixture<IdentityFactory>
{
    public const string Name = "identity-service";
}

/// <summary>The identity service's own requests.</summary>
static class SignInRequests
{
    public static Task<HttpResponseMessage> SignIn(this HttpClient client, string userName, string password) =>
        client.PostJson("/api/identity/token", new { username = userName, password });

    public static Task<HttpResponseMessage> Refresh(this HttpClient client, string refreshToken) =>
        client.PostJson("/api/identity/token/refresh", new { refresh_token = refreshToken });
}
