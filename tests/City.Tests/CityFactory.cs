using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;

namespace City.Tests;

/// <summary>The system clock, unless a test pins it to a moment (and unpins it when done: the factory is shared).</summary>
public sealed class PinnableClock : TimeProvider
{
    public DateTimeOffset? PinnedAt { get; set; }
    public override DateTimeOffset GetUtcNow() => PinnedAt ?? System.GetUtcNow();
}

/// <summary>
/// The city service in-process on its own database. The broker is MassTransit's in-memory test harness: the
/// city consumes every context's events, and on the shared test broker it would also receive the events other
/// test runs publish, which would move the totals these tests assert.
/// </summary>
public sealed class CityFactory() : ServiceFactory<Program>("city_tests")
{
    Task? _ready;
    public ConsumedMessages Consumed { get; } = new();
    public PinnableClock Clock { get; } = new();

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?> { ["Platform:SeedDemoData"] = "true" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddMassTransitTestHarness();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public IBus Bus => Services.GetRequiredService<IBus>();

    public Task ReadyAsync() => _ready ??= WaitUntilReady();

    async Task WaitUntilReady()
    {
        using var client = CreateClient();
        await Eventually.True(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "the city service never became ready");
        Bus.ConnectConsumeObserver(Consumed);
    }

    /// <summary>Publishes an event (with the given message id, to test redelivery) and waits until the city consumed it.</summary>
    public async Task Deliver<T>(T message, Guid? messageId = null) where T : class
    {
        await ReadyAsync();
        var id = messageId ?? NewId.NextGuid();
        var before = Consumed.Count(id);
        // By the runtime type: callers may hold the event as object, and the type is the wire identity.
        await Bus.Publish(message, message.GetType(), context => context.MessageId = id);
        await Eventually.True(() => Task.FromResult(Consumed.Count(id) > before), $"{typeof(T).Name} {id} was not consumed");
    }

    public HttpClient City(string role = "city-hq") => ClientFor(role, "140500");
}

[CollectionDefinition(Name)]
public sealed class CityCollection : ICollectionFixture<CityFactory>
{
    public const string Name = "city service";
}

/// <summary>Counts every consumed message by id, duplicates included (the inbox acknowledges them without effect).</summary>
public sealed class ConsumedMessages : IConsumeObserver
{
    readonly ConcurrentDictionary<Guid, int> _counts = new();

    public int Count(Guid messageId) => _counts.GetValueOrDefault(messageId);
    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId is { } id) _counts.AddOrUpdate(id, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        if (context.MessageId is { } id) _counts.AddOrUpdate(id, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}

public static class Eventually
{
    public static async Task True(Func<Task<bool>> condition, string failure, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        Assert.Fail(failure);
    }
}

public static class HttpAssertions
{
    public static async Task<JsonElement> ShouldBe(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    public static Task<HttpResponseMessage> PutJson(this HttpClient client, string url, object body) => client.PutAsJsonAsync(url, body);
}
