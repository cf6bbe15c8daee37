using System.Net;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.Messaging;
using Xunit;

namespace Platform.Testing;

/// <summary>
/// One service in-process (WebApplicationFactory) on its own throw-away PostgreSQL database and the real
/// broker (test vhost, queues prefixed per run). Use as an xunit class or collection fixture.
/// </summary>
public class ServiceFactory<TProgram> : WebApplicationFactory<TProgram>, IAsyncLifetime where TProgram : class
{
    readonly string _databasePrefix;
    public TestDatabase Database { get; private set; } = null!;

    /// <summary>Where the service logs (under .platform/test-results/logs/, named after the factory).</summary>
    public string LogFile { get; }

    public ServiceFactory(string databasePrefix)
    {
        _databasePrefix = databasePrefix;
        LogFile = TestLogs.NewFile(GetType().Name);
    }

    /// <summary>
    /// The service's clock where a factory moves time (set in its constructor, e.g. <c>Clock = new(moment)</c>); null keeps
    /// the system clock. A FakeTimeProvider stands still until a test advances it and never goes back, so a factory
    /// shared by many tests keeps the system clock and a test that moves time gets a factory of its own.
    /// </summary>
    public FakeTimeProvider? Clock { get; protected init; }

    /// <summary>Extra settings a test fixture wants (e.g. a shorter job interval).</summary>
    protected virtual IDictionary<string, string?> Settings() => new Dictionary<string, string?>();

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync(_databasePrefix);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>(TestTokens.AuthSettings())
        {
            ["ConnectionStrings:Database"] = Database.ConnectionString,
            ["Messaging:EndpointPrefix"] = $"{_databasePrefix}-{Guid.NewGuid().ToString("N")[..8]}",
            ["Messaging:TemporaryQueues"] = "true",
        };
        foreach (var (k, v) in TestEnvironment.RabbitSettings()) settings[k] = v;
        foreach (var (k, v) in Settings()) settings[k] = v;
        builder.UseEnvironment("Testing");
        builder.LogToFile(LogFile);
        // UseSetting goes in before Program reads its configuration, so the connection string is seen at startup.
        foreach (var (k, v) in settings) builder.UseSetting(k, v);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        if (Clock is { } clock) builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
    }

    /// <summary>A client calling as the given role and region, with a token the service trusts.</summary>
    public HttpClient ClientFor(string role, string regionCode, string? township = null, string? agency = null) =>
        CreateClient().WithToken(TestTokens.For(role, regionCode, township, agency));

    // ---- the service's bus: publishing to it as another context would, and knowing when it consumed

    public IBus Bus => Services.GetRequiredService<IBus>();

    /// <summary>Consumptions of the service's own consumers, counted from <see cref="ReadyAsync"/> on.</summary>
    public ConsumedMessages Consumed { get; } = new();

    readonly Lock _readyLock = new();
    Task? _ready;

    /// <summary>
    /// Waits (once) until /health/ready answers 200, which includes the bus: a message published before the consumer
    /// queues are bound would be dropped by the exchange. Then starts counting consumptions.
    /// </summary>
    public Task ReadyAsync()
    {
        lock (_readyLock) return _ready ??= WaitUntilReady();
    }

    async Task WaitUntilReady()
    {
        using var client = CreateClient();
        await Eventually.True(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK,
            $"{GetType().Name}'s service to be ready (log: {LogFile})", 60);
        Bus.ConnectConsumeObserver(Consumed);
    }

    /// <summary>Publishes through the service's bus, as another context would; the same message id makes a redelivery.</summary>
    public async Task Publish<T>(T message, Guid? messageId = null) where T : class
    {
        await ReadyAsync();
        // By the runtime type: callers may hold the event as object, and the type is the wire identity.
        await Bus.Publish(message, message.GetType(), context => context.MessageId = messageId ?? NewId.NextGuid());
    }

    /// <summary>Publishes and waits until the service's consumer completed it (once more than before).</summary>
    public async Task Deliver<T>(T message, Guid? messageId = null) where T : class
    {
        await ReadyAsync();
        var id = messageId ?? NewId.NextGuid();
        var before = Consumed.Count(id);
        await Publish(message, id);
        // A failed attempt may still succeed on retry, so a fault is reported only if the deadline passes.
        await Eventually.True(() => Consumed.Count(id) > before, $"{message.GetType().Name} {id} to be consumed", 60,
            () => Consumed.LastFault(id) is { } fault ? "the consumer failed: " + fault : null);
    }

    /// <summary>
    /// Publishes a message <typeparamref name="TConsumer"/> must refuse, and asserts it did: one MessageRejectedException
    /// raised in this process naming <paramref name="reason"/>, and the message moved to the consumer's _error queue.
    /// </summary>
    public async Task PublishRefused<TConsumer, TMessage>(TMessage message, Guid messageId, string reason)
        where TConsumer : class, IConsumer where TMessage : class
    {
        await ReadyAsync();
        var errorQueue = ErrorQueues.Of<TConsumer>(Services);
        var queued = await ErrorQueues.CountAsync(errorQueue);
        await using var faults = await Faults<TMessage>.ListenAsync(Bus);

        await Publish(message, messageId);

        var fault = (await faults.WaitForOwnAsync(messageId)).Single().Exceptions.Single();
        Assert.Equal((typeof(MessageRejectedException).FullName, true), (fault.ExceptionType, fault.Message.Contains(reason)));
        await ErrorQueues.WaitForCountAsync(errorQueue, queued + 1);
    }

    /// <summary>Waits until every message id went through the service's inbox (handled, with or without effect).</summary>
    public Task UntilHandled(params Guid[] messageIds) =>
        Eventually.True(async () => await Database.ScalarAsync<long>(
                "select count(distinct message_id) from inbox_messages where message_id = any(@ids)", ("ids", messageIds)) == messageIds.Length,
            $"messages {string.Join(", ", messageIds)} to be handled");

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
