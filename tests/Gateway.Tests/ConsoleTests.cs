using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace Gateway.Tests;

/// <summary>What the gateway answers for the web console: client routes, files, security headers.</summary>
public sealed class ConsoleTests(ConsoleTests.Host host) : IClassFixture<ConsoleTests.Host>
{
    public sealed class Host() : GatewayHost(new Dictionary<string, string?>());

    static readonly IPAddress Browser = IPAddress.Parse("198.51.100.20");

    [Theory]
    [InlineData("/")]
    [InlineData("/projects")]
    [InlineData("/projects/7f1c/progress")]
    [InlineData("/city/overview/")]
    public async Task Client_routes_get_the_console_index(string path) =>
        Assert.True((await host.SendAsync(path, Browser)).IsConsoleIndex, path);

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/api")]
    [InlineData("/health/nothing-here")]
    [InlineData("/openapi/nothing-here")]
    [InlineData("/API/nothing-here")]
    public async Task Unknown_server_paths_answer_as_the_API_does_not_with_the_console(string path)
    {
        var answer = await host.SendAsync(path, Browser);
        Assert.False(answer.IsConsoleIndex, path);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
    }

    [Theory]
    [InlineData("/assets/missing-1234.js")]
    [InlineData("/projects/report.pdf")]
    [InlineData("/favicon.ico")]
    public async Task A_missing_console_file_is_404(string path)
    {
        var answer = await host.SendAsync(path, Browser);
        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("not_found", JsonDocument.Parse(answer.Body).RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_console_asset_is_served_as_a_file()
    {
        var answer = await host.SendAsync("/assets/index-3f2a1b.js", Browser);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("console.log", answer.Body);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/projects/7f1c")]
    [InlineData("/assets/index-3f2a1b.js")]
    [InlineData("/assets/missing-1234.js")]
    public async Task Console_responses_carry_the_browser_security_headers(string path)
    {
        var headers = (await host.SendAsync(path, Browser)).Headers;
        var csp = headers.ContentSecurityPolicy.ToString();
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("base-uri 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
        Assert.Equal("DENY", headers.XFrameOptions.ToString());
        Assert.Equal("same-origin", headers["Referrer-Policy"].ToString());
    }

    [Theory]
    [InlineData("/api/projects")]
    [InlineData("/health/live")]
    [InlineData("/openapi")]
    public async Task API_responses_are_not_sniffed_either(string path) =>
        Assert.Equal("nosniff", (await host.SendAsync(path, Browser)).Headers.XContentTypeOptions.ToString());
}

/// <summary>Timing runs alone so other test classes do not add noise to it.</summary>
[CollectionDefinition(nameof(Timing), DisableParallelization = true)]
public sealed class Timing;

[Collection(nameof(Timing))]
public sealed class ConsoleRouteCostTests(ConsoleTests.Host host, ITestOutputHelper output) : IClassFixture<ConsoleTests.Host>
{
    static readonly IPAddress Browser = IPAddress.Parse("198.51.100.21");

    [Fact]
    public async Task A_path_of_8000_dots_answers_within_five_times_the_time_of_the_root()
    {
        var dots = new string('.', 8000);
        string[] paths = ["/", "/" + dots + "/", "/" + dots, "/projects/" + dots + "/"];
        foreach (var path in paths) await host.SendAsync(path, Browser); // warm up routing, files, JIT

        var times = paths.ToDictionary(p => p, _ => new List<double>());
        for (var round = 0; round < 15; round++)
            foreach (var path in paths) // side by side, so a slow moment of the machine hits every path alike
            {
                var clock = Stopwatch.StartNew();
                await host.SendAsync(path, Browser);
                times[path].Add(clock.Elapsed.TotalMilliseconds);
            }

        var root = Median(times["/"]);
        foreach (var path in paths.Skip(1))
        {
            var median = Median(times[path]);
            output.WriteLine($"{path.Length}-character path: median {median:F3} ms, root {root:F3} ms");
            Assert.True(median <= 5 * root,
                $"{path.Length}-character path: median {median:F2} ms, root {root:F2} ms ({string.Join(", ", times[path].Select(t => t.ToString("F2")))})");
        }
    }

    static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}

/// <summary>Every anonymous request counts against its address: console, health, OpenAPI, sign-in.</summary>
public sealed class AnonymousRateLimitTests(AnonymousRateLimitTests.Host host) : IClassFixture<AnonymousRateLimitTests.Host>
{
    public sealed class Host() : GatewayHost(new Dictionary<string, string?>
    {
        ["RateLimiting:AnonymousPermitsPerSecond"] = "1",
        ["RateLimiting:AnonymousBurst"] = "5",
        ["RateLimiting:PermitsPerSecond"] = "1000",
        ["RateLimiting:Burst"] = "1000",
    });

    [Theory]
    [InlineData("198.51.100.31", "/", "/assets/index-3f2a1b.js", "/projects/7f1c")]
    [InlineData("198.51.100.32", "/health/live", "/health/ready", "/openapi")]
    [InlineData("198.51.100.33", "/api/nothing-here", "/assets/missing-1234.js", "/api/projects", "/api/identity/.well-known/jwks.json")]
    public async Task Anonymous_requests_beyond_the_address_budget_get_429_with_Retry_After(string address, params string[] paths)
    {
        var peer = IPAddress.Parse(address);
        var answers = new List<Answer>();
        for (var i = 0; i < 12; i++) answers.Add(await host.SendAsync(paths[i % paths.Length], peer));

        var refused = answers.FirstOrDefault(a => a.Status == HttpStatusCode.TooManyRequests);
        Assert.True(refused is not null, "statuses: " + string.Join(",", answers.Select(a => (int)a.Status)));
        Assert.True(answers.IndexOf(refused) >= 5, "the burst of 5 is allowed first");
        Assert.False(string.IsNullOrEmpty(refused.Headers.RetryAfter.ToString()));
        Assert.Equal("too_many_requests", JsonDocument.Parse(refused.Body).RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_token_does_not_lift_the_address_budget_of_health_and_console()
    {
        var peer = IPAddress.Parse("198.51.100.34");
        var token = TestTokens.For("project-office", "140522", userName: "health-poller-" + Guid.NewGuid());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++) statuses.Add((await host.SendAsync(i % 2 == 0 ? "/health/live" : "/", peer, bearer: token)).Status);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task Signed_in_API_traffic_keeps_its_per_user_budget()
    {
        var peer = IPAddress.Parse("198.51.100.35");
        var token = TestTokens.For("project-office", "140522", userName: "office-" + Guid.NewGuid());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++) statuses.Add((await host.SendAsync("/api/projects", peer, bearer: token)).Status);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task Another_address_is_not_slowed_by_a_busy_one()
    {
        for (var i = 0; i < 12; i++) await host.SendAsync("/", IPAddress.Parse("198.51.100.36"));
        Assert.True((await host.SendAsync("/", IPAddress.Parse("198.51.100.37"))).IsConsoleIndex);
    }
}
