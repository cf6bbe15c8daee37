using System.Collections.Concurrent;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Messaging;

namespace Bench;

/// <summary>
/// Commit → consumer latency through the platform's outbox, against a bare MassTransit publish → consume
/// on the same broker, at a fixed rate, arms alternated (A, B, A, B) so machine drift affects both alike.
/// </summary>
public static class EventLatencyBenchmark
{
    public static async Task<int> RunAsync(int ratePerSecond, TimeSpan armDuration, int rounds)
    {
        var admin = Environment.GetEnvironmentVariable("PLATFORM_TEST_PG")
            ?? "Host=127.0.0.1;Port=5432;Username=platform_test;Password=platform-dev-db;Database=postgres";
        var database = $"bench_events_{Guid.NewGuid():N}"[..24];
        await Execute(admin, $"create database \"{database}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
        try
        {
            await Execute(connectionString, MessagingSchema.Sql + "; create table ticks (id bigint primary key, at timestamptz not null);");
            using var host = BuildHost(connectionString);
            await host.StartAsync();
            await WaitForBus(host);

            // Warm-up (JIT, EF query compilation, broker channels), not measured.
            await RunOutboxArm(host.Services, ratePerSecond, TimeSpan.FromSeconds(3), new Latency());
            await RunBareArm(host.Services, ratePerSecond, TimeSpan.FromSeconds(3), new Latency());
            await Task.Delay(TimeSpan.FromSeconds(2));

            var outbox = new Latency();
            var bare = new Latency();
            for (var round = 0; round < rounds; round++)
            {
                await RunOutboxArm(host.Services, ratePerSecond, armDuration, outbox);
                await RunBareArm(host.Services, ratePerSecond, armDuration, bare);
            }
            await Task.Delay(TimeSpan.FromSeconds(2)); // let the last events arrive
            await host.StopAsync();

            Console.WriteLine($"events at {ratePerSecond}/s, {rounds}×{armDuration.TotalSeconds:0}s per arm, alternated");
            Console.WriteLine($"{"arm",-34}{"received",10}{"p50 ms",10}{"p99 ms",10}");
            Console.WriteLine($"{"outbox: commit → consumer",-34}{outbox.Count,10}{outbox.Percentile(50),10:0.00}{outbox.Percentile(99),10:0.00}");
            Console.WriteLine($"{"bare MassTransit: publish → consumer",-34}{bare.Count,10}{bare.Percentile(50),10:0.00}{bare.Percentile(99),10:0.00}");
            Console.WriteLine($"outbox cost ratio p50 {outbox.Percentile(50) / bare.Percentile(50):0.00}×, p99 {outbox.Percentile(99) / bare.Percentile(99):0.00}× (target: outbox p99 ≤ 50 ms)");
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Execute(admin, $"drop database if exists \"{database}\" with (force)");
        }
    }

    static IHost BuildHost(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["RabbitMq:Host"] = Environment.GetEnvironmentVariable("PLATFORM_TEST_MQ_HOST") ?? "127.0.0.1";
        builder.Configuration["RabbitMq:VirtualHost"] = Environment.GetEnvironmentVariable("PLATFORM_TEST_MQ_VHOST") ?? "platform_test";
        builder.Configuration["RabbitMq:Username"] = "platform";
        builder.Configuration["RabbitMq:Password"] = Environment.GetEnvironmentVariable("PLATFORM_MQ_PASSWORD") ?? "platform-dev-mq";
        builder.Configuration["Messaging:TemporaryQueues"] = "true";
        builder.Services.AddDbContext<BenchDb>(o => o.UseNpgsql(connectionString));
        builder.AddPlatformMessaging<BenchDb>($"bench-{Guid.NewGuid():N}"[..14], m => m
            .Publishes<OutboxTick>()
            .Consumes<OutboxTickConsumer>()
            .Consumes<BareTickConsumer>());
        return builder.Build();
    }

    static async Task WaitForBus(IHost host)
    {
        var bus = host.Services.GetRequiredService<IBusControl>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, cts.Token);
    }

    static async Task RunOutboxArm(IServiceProvider services, int rate, TimeSpan duration, Latency latency)
    {
        OutboxTickConsumer.Latency = latency;
        await Paced(rate, duration, async id =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BenchDb>();
            db.Ticks.Add(new Tick { Id = id, At = DateTimeOffset.UtcNow });
            db.AddEvent(new OutboxTick(id));
            await db.SaveChangesAsync();
            Sent[id] = Latency.Now(); // committed: the clock starts when SaveChanges returns
        });
    }

    static async Task RunBareArm(IServiceProvider services, int rate, TimeSpan duration, Latency latency)
    {
        BareTickConsumer.Latency = latency;
        var bus = services.GetRequiredService<IBus>();
        await Paced(rate, duration, async id =>
        {
            Sent[id] = Latency.Now();
            await bus.Publish(new BareTick(id));
        });
    }

    internal static readonly ConcurrentDictionary<long, long> Sent = new();
    static long _nextId;

    static async Task Paced(int rate, TimeSpan duration, Func<long, Task> send)
    {
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var count = (int)(duration.TotalSeconds * rate);
        var start = Latency.Now();
        var inFlight = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = interval * i;
            var wait = due - System.Diagnostics.Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            inFlight.Add(send(Interlocked.Increment(ref _nextId)));
        }
        await Task.WhenAll(inFlight);
    }

    static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}

public sealed record OutboxTick(long Id);
public sealed record BareTick(long Id);

public sealed class Tick
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
}

public sealed class BenchDb(DbContextOptions<BenchDb> options) : DbContext(options)
{
    public DbSet<Tick> Ticks => Set<Tick>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddOutboxAndInbox();
        model.Entity<Tick>(e => { e.ToTable("ticks"); e.Property(t => t.Id).HasColumnName("id").ValueGeneratedNever(); e.Property(t => t.At).HasColumnName("at"); });
    }
}

public sealed class OutboxTickConsumer : IConsumer<OutboxTick>
{
    public static Latency Latency { get; set; } = new();

    public Task Consume(ConsumeContext<OutboxTick> context)
    {
        if (EventLatencyBenchmark.Sent.TryRemove(context.Message.Id, out var committed)) Latency.Record(committed);
        return Task.CompletedTask;
    }
}

public sealed class BareTickConsumer : IConsumer<BareTick>
{
    public static Latency Latency { get; set; } = new();

    public Task Consume(ConsumeContext<BareTick> context)
    {
        if (EventLatencyBenchmark.Sent.TryRemove(context.Message.Id, out var sent)) Latency.Record(sent);
        return Task.CompletedTask;
    }
}
