using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gateway.Tests;

/// <summary>
/// The gateway on its own (no services behind it: the destinations point at a closed port), to check
/// what it decides by itself: authentication, rate limits, problem answers.
/// </summary>
public sealed class RateLimitTests : IClassFixture<RateLimitTests.SmallLimits>
{
    readonly SmallLimits _factory;

    public RateLimitTests(SmallLimits factory) => _factory = factory;

    public sealed class SmallLimits : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.LogToFile(TestLogs.NewFile(GetType().Name));
            var closed = $"http://127.0.0.1:{ServiceProcess.FreePort()}/";
            var settings = new Dictionary<string, string?>(TestTokens.AuthSettings())
            {
                ["RateLimiting:PermitsPerSecond"] = "1",
                ["RateLimiting:Burst"] = "5",
                ["RateLimiting:SignInPermitsPerMinute"] = "3",
                ["ReverseProxy:Clusters:projects:Destinations:d1:Address"] = closed,
                ["ReverseProxy:Clusters:identity:Destinations:d1:Address"] = closed,
            };
            // UseSetting reaches the configuration Program reads while it registers services.
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }

    [Fact]
    public async Task A_client_over_its_budget_gets_429_with_Retry_After()
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("project-office", "140522", userName: "busy-" + Guid.NewGuid()));
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 12 && refused is null; i++)
        {
            var response = await client.GetAsync("/api/projects");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
        }
        Assert.NotNull(refused);
        Assert.True(statuses.Count > 5, "the burst of 5 is allowed first: " + string.Join(",", statuses));
        Assert.NotNull(refused!.Headers.RetryAfter);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("too_many_requests", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Another_client_is_not_slowed_by_a_busy_one()
    {
        using var busy = _factory.CreateClient();
        busy.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("project-office", "140522", userName: "busy-" + Guid.NewGuid()));
        for (var i = 0; i < 10; i++) await busy.GetAsync("/api/projects");

        using var calm = _factory.CreateClient();
        calm.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("project-office", "140522", userName: "calm-" + Guid.NewGuid()));
        var response = await calm.GetAsync("/api/projects");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_have_a_small_budget_of_their_own()
    {
        using var client = _factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await client.PostAsJsonAsync("/api/identity/token", new { username = "x", password = "y" })).StatusCode);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task Without_a_token_the_gateway_answers_401_before_reaching_a_service()
    {
        using var client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/projects")).StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("city-hq", "140500", audience: "someone-else"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/projects")).StatusCode);
    }

    [Fact]
    public async Task When_a_service_is_down_the_gateway_is_not_ready_and_says_which()
    {
        using var client = _factory.CreateClient();
        var response = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("unreachable", body.GetProperty("checks").GetProperty("services").GetProperty("data").GetProperty("projects").GetString());
    }
}
