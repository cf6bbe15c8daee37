using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests;

/// <summary>
/// Who the gateway takes the client to be: the TCP peer, unless the peer is a configured trusted proxy, and
/// then the address that proxy reports in X-Forwarded-For. Rate limits and the services see that address.
/// </summary>
public sealed class ClientAddressTests
{
    const string Jwks = "/api/identity/.well-known/jwks.json";
    const string SignIn = "/api/identity/token";
    const string Credentials = """{"username":"township@140522","password":"guess"}""";

    /// <summary>A stand-in identity service that answers with the X-Forwarded-For it was sent.</summary>
    public sealed class EchoService : IAsyncDisposable
    {
        readonly WebApplication _app;

        public string Address { get; }

        public EchoService()
        {
            var port = ServiceProcess.FreePort();
            Address = $"http://127.0.0.1:{port}/";
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls(Address);
            builder.Logging.ClearProviders();
            _app = builder.Build();
            _app.Map("/{**rest}", (HttpRequest request) => string.Join(" | ", request.Headers["X-Forwarded-For"].ToArray()));
            _app.StartAsync().GetAwaiter().GetResult();
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }

    /// <summary>The gateway with the echo service as identity, trusting the given proxies.</summary>
    public abstract class Host : GatewayHost
    {
        readonly EchoService _echo;

        protected Host(params string[] trustedProxies) : this(new EchoService(), trustedProxies) { }

        Host(EchoService echo, string[] trustedProxies) : base(Settings(echo, trustedProxies)) => _echo = echo;

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await _echo.DisposeAsync();
        }

        static Dictionary<string, string?> Settings(EchoService echo, string[] trustedProxies)
        {
            var settings = new Dictionary<string, string?>
            {
                ["RateLimiting:SignInPermitsPerMinute"] = "3",
                ["ReverseProxy:Clusters:identity:Destinations:d1:Address"] = echo.Address,
            };
            for (var i = 0; i < trustedProxies.Length; i++) settings[$"Gateway:TrustedProxies:{i}"] = trustedProxies[i];
            return settings;
        }
    }

    /// <summary>Default configuration: no trusted proxies.</summary>
    public sealed class NoProxies(NoProxies.Gateway gateway) : IClassFixture<NoProxies.Gateway>
    {
        public sealed class Gateway() : Host();

        [Fact]
        public async Task Rotating_X_Forwarded_For_does_not_escape_the_sign_in_limit()
        {
            var attacker = IPAddress.Parse("198.51.100.40");
            var statuses = new List<HttpStatusCode>();
            for (var i = 1; i <= 6; i++)
                statuses.Add((await gateway.SendAsync(SignIn, attacker, forwardedFor: $"203.0.113.{i}", method: "POST", json: Credentials)).Status);
            Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        }

        [Theory]
        [InlineData("198.51.100.41", "198.51.100.41")]
        [InlineData("::ffff:198.51.100.41", "198.51.100.41")]
        [InlineData("2001:db8::41", "2001:db8::41")]
        public async Task Services_are_told_the_peer_address_and_never_a_client_sent_X_Forwarded_For(string peer, string expected)
        {
            var answer = await gateway.SendAsync(Jwks, IPAddress.Parse(peer), forwardedFor: "203.0.113.66, 10.9.0.1");
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Equal(expected, answer.Body);
        }
    }

    /// <summary>Behind a load balancer in 10.9.0.0/16, itself behind a CDN edge at 192.0.2.1.</summary>
    public sealed class TrustedProxies(TrustedProxies.Gateway gateway) : IClassFixture<TrustedProxies.Gateway>
    {
        public sealed class Gateway() : Host("10.9.0.0/16", "192.0.2.1");

        static readonly IPAddress LoadBalancer = IPAddress.Parse("10.9.0.1");

        [Fact]
        public async Task Clients_behind_a_trusted_proxy_each_have_their_own_sign_in_budget()
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 1; i <= 6; i++)
                statuses.Add((await gateway.SendAsync(SignIn, LoadBalancer, forwardedFor: $"203.0.113.{10 + i}", method: "POST", json: Credentials)).Status);
            Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);

            var repeated = new List<HttpStatusCode>();
            for (var i = 1; i <= 6; i++)
                repeated.Add((await gateway.SendAsync(SignIn, LoadBalancer, forwardedFor: "203.0.113.30", method: "POST", json: Credentials)).Status);
            Assert.Contains(HttpStatusCode.TooManyRequests, repeated);
        }

        [Fact]
        public async Task A_client_cannot_prepend_addresses_to_escape_the_sign_in_limit_through_the_proxy()
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 1; i <= 6; i++)
                statuses.Add((await gateway.SendAsync(SignIn, LoadBalancer, forwardedFor: $"203.0.113.{100 + i}, 203.0.113.31", method: "POST", json: Credentials)).Status);
            Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        }

        [Fact]
        public async Task A_peer_outside_the_trusted_proxies_cannot_choose_its_partition()
        {
            var attacker = IPAddress.Parse("198.51.100.42");
            var statuses = new List<HttpStatusCode>();
            for (var i = 1; i <= 6; i++)
                statuses.Add((await gateway.SendAsync(SignIn, attacker, forwardedFor: $"203.0.113.{40 + i}", method: "POST", json: Credentials)).Status);
            Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        }

        [Theory]
        [InlineData("10.9.0.1", "203.0.113.77", "203.0.113.77")]
        [InlineData("10.9.0.1", "6.6.6.6, 203.0.113.77", "203.0.113.77")]
        [InlineData("10.9.0.1", "6.6.6.6, 203.0.113.78, 192.0.2.1", "203.0.113.78")]
        [InlineData("198.51.100.43", "203.0.113.79", "198.51.100.43")]
        public async Task Services_are_told_the_client_address_the_trusted_proxies_report(string peer, string forwardedFor, string expected)
        {
            var answer = await gateway.SendAsync(Jwks, IPAddress.Parse(peer), forwardedFor: forwardedFor);
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Equal(expected, answer.Body);
        }
    }
}
