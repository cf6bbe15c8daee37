using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Http;
using Platform.Testing;

namespace Gateway.Tests;

/// <summary>What AddServiceDefaults gives every process once: the clock and the correlation id on the trace context.</summary>
public sealed class SharedDefaultsTests(SharedDefaultsTests.Host host) : IClassFixture<SharedDefaultsTests.Host>
{
    public sealed class Host() : GatewayHost(new Dictionary<string, string?>());

    [Fact]
    public void The_shared_defaults_register_the_system_clock() =>
        Assert.Same(TimeProvider.System, host.Services.GetRequiredService<TimeProvider>());

    [Fact]
    public async Task A_clock_registered_before_the_defaults_is_kept()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(TestTokens.AuthSettings());
        var fixedClock = new FixedClock();
        builder.Services.AddSingleton<TimeProvider>(fixedClock);
        builder.AddServiceDefaults();
        await using var app = builder.Build();

        Assert.Same(fixedClock, app.Services.GetRequiredService<TimeProvider>());
    }

    /// <summary>
    /// The status code pages write the 401's body after the inner pipeline has returned, outside the correlation
    /// middleware: the id is on the request's activity, so they see it too.
    /// </summary>
    [Fact]
    public async Task A_refusal_written_by_the_status_code_pages_carries_the_requests_correlation_id()
    {
        var context = await host.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.21");
            c.Request.Path = "/api/nothing-here";
            c.Request.Headers[CorrelationMiddleware.Header] = "gateway-unknown-path";
        });

        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
        using var body = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal("gateway-unknown-path", body.RootElement.GetProperty("correlationId").GetString());
        Assert.Equal("gateway-unknown-path", context.Response.Headers[CorrelationMiddleware.Header].ToString());
    }

    [Fact]
    public void A_correlation_id_begun_outside_any_activity_is_carried_to_child_activities_until_disposed()
    {
        Assert.Null(Activity.Current);
        using (Correlation.Begin("req-7"))
        {
            Assert.Equal("req-7", Correlation.CurrentId);
            using var child = new Activity("database call").Start();
            Assert.Equal("req-7", Correlation.CurrentId);
        }
        Assert.Null(Correlation.CurrentId);
        Assert.Null(Activity.Current);
    }

    [Fact]
    public void A_correlation_id_begun_on_a_running_activity_rides_on_its_baggage_and_the_previous_one_returns()
    {
        using var message = new Activity("consume").Start();
        message.SetBaggage(Correlation.BaggageKey, "outer");
        using (Correlation.Begin("inner"))
        {
            Assert.Equal("inner", message.GetBaggageItem(Correlation.BaggageKey));
            Assert.Equal("inner", Correlation.CurrentId);
        }
        Assert.Equal("outer", Correlation.CurrentId);
        Assert.Same(message, Activity.Current);
    }

    sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
