using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.Messaging.Tests;

/// <summary>One instance of a "service": a generic host wired exactly like production via AddPlatformMessaging.</summary>
public sealed class TestApp : IAsyncDisposable
{
    private TestApp(IHost host) => Host = host;

    public IHost Host { get; }

    public static TestApp Create(MessagingDatabase db, string prefix, Action<MessagingOptionsBuilder> configure,
        Action<IServiceCollection>? services = null, IDictionary<string, string?>? settings = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration.AddInMemoryCollection(TestEnvironment.RabbitSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Messaging:MaxRetries"] = "2",
            ["Logging:LogLevel:Default"] = "Error",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.LogToFile(TestLogs.NewFile($"Messaging-{prefix}"));
        builder.Services.AddDbContext<TestDbContext>(o => o.UseNpgsql(db.ConnectionString));
        builder.AddPlatformMessaging<TestDbContext>(prefix, configure);
        // Tests publish right after start: the consumer queues must be bound by then.
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(30);
            o.StopTimeout = TimeSpan.FromSeconds(15);
        });
        services?.Invoke(builder.Services);
        return new TestApp(builder.Build());
    }

    public Task StartAsync() => Host.StartAsync();

    /// <summary>Runs <paramref name="work"/> with a fresh scoped DbContext, as a request handler would.</summary>
    public async Task InScope(Func<TestDbContext, Task> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<TestDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        try { await Host.StopAsync(); }
        finally { Host.Dispose(); }
    }
}
