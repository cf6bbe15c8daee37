using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Contracts.ProjectLibrary;
using Platform.ServiceDefaults.Http;

namespace Platform.Messaging.Tests;

public sealed class OutboxTests(MessagingDatabase db) : IClassFixture<MessagingDatabase>, IAsyncLifetime
{
    private const int Timeout = 20; // seconds
    // A poll interval far beyond every timeout below: events that arrive quickly prove the commit woke the dispatcher.
    private static readonly Dictionary<string, string?> NoPolling = new() { ["Messaging:PollInterval"] = "00:01:00" };

    public Task InitializeAsync() => db.Reset();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_event_saved_with_a_business_row_is_published_with_the_outbox_message_id_and_consumed()
    {
        var deliveries = new Deliveries();
        await using var app = TestApp.Create(db, db.NewPrefix(),
            m => m.Publishes<ProjectStarted>().Consumes<ProjectStartedRecorder>(), s => s.AddSingleton(deliveries), NoPolling);
        await app.StartAsync();
        var started = new ProjectStarted
        {
            ProjectId = Guid.NewGuid(), RegionCode = "140522", ActualStartDate = new DateOnly(2025, 3, 1),
            TotalInvestment = 1234.5m, Version = 3, OccurredAt = DateTimeOffset.UtcNow,
        };

        using (Correlation.Begin("req-42"))
        {
            await app.InScope(async ctx =>
            {
                ctx.Widgets.Add(new Widget { Id = Guid.NewGuid(), Name = "business row" });
                ctx.AddEvent(started);
                await ctx.SaveChangesAsync();
            });
        }

        await Eventually.True(() => deliveries.All.Count == 1, "the event to be consumed", Timeout);
        var delivery = deliveries.All.Single();
        await using var read = db.NewContext();
        var row = await read.Set<OutboxMessage>().SingleAsync();
        Assert.Equal(row.MessageId, delivery.MessageId);
        Assert.Equal(started, delivery.Message);
        Assert.Equal(typeof(ProjectStarted).FullName, row.MessageType);
        Assert.Equal("req-42", row.CorrelationId);
        Assert.Equal("req-42", delivery.CorrelationHeader);
        Assert.Equal("req-42", delivery.AmbientCorrelation);
        Assert.Equal(1, await read.Widgets.CountAsync());
        await Eventually.True(async () => await db.Scalar<long>("select count(*) from outbox_messages where sent_at is null") == 0,
                "the row to be marked sent", Timeout);
    }

    [Fact]
    public async Task A_rolled_back_business_change_stores_and_publishes_nothing()
    {
        var deliveries = new Deliveries();
        await using var app = TestApp.Create(db, db.NewPrefix(),
            m => m.Publishes<WidgetCreated>().Consumes<WidgetCreatedRecorder>(), s => s.AddSingleton(deliveries), NoPolling);
        await app.StartAsync();
        var rolledBack = new WidgetCreated(Guid.NewGuid(), "rolled back", 1);
        var committed = new WidgetCreated(Guid.NewGuid(), "committed", 1);

        foreach (var (message, commit) in new[] { (rolledBack, false), (committed, true) })
            await app.InScope(async ctx =>
            {
                await using var tx = await ctx.Database.BeginTransactionAsync();
                ctx.Widgets.Add(new Widget { Id = message.WidgetId, Name = message.Name });
                ctx.AddEvent(message);
                await ctx.SaveChangesAsync();
                if (commit) await tx.CommitAsync();
                else await tx.RollbackAsync();
            });

        // The committed event (explicit transaction: the dispatcher is woken on commit) arrives; the other never existed.
        await Eventually.True(() => deliveries.All.Count == 1, "the committed event", Timeout);
        Assert.Equal(committed, deliveries.All.Single().Message);
        await using var read = db.NewContext();
        Assert.Equal(1, await read.Set<OutboxMessage>().CountAsync());
        Assert.Equal([committed.WidgetId], await read.Widgets.Select(w => w.Id).ToListAsync());
    }

    [Fact]
    public async Task Two_dispatchers_draining_the_same_table_publish_every_row_exactly_once()
    {
        const int rows = 500;
        var deliveries = new Deliveries();
        var prefix = db.NewPrefix();
        var settings = new Dictionary<string, string?> { ["Messaging:BatchSize"] = "25" };
        // Both instances also consume from the same queue, like two replicas of one service.
        TestApp Instance() => TestApp.Create(db, prefix,
            m => m.Publishes<WidgetCreated>().Consumes<WidgetCreatedRecorder>(), s => s.AddSingleton(deliveries), settings);
        await using var a = Instance();
        await using var b = Instance();
        using var metricsA = new MetricsProbe(a.Host);
        using var metricsB = new MetricsProbe(b.Host);

        // Written before either dispatcher runs, so both start on a full table.
        await a.InScope(async ctx =>
        {
            for (var i = 0; i < rows; i++) ctx.AddEvent(new WidgetCreated(Guid.NewGuid(), $"w{i}", 1));
            await ctx.SaveChangesAsync();
        });
        await Task.WhenAll(a.StartAsync(), b.StartAsync());

        await Eventually.True(() => deliveries.All.Count >= rows, $"{rows} deliveries (got {deliveries.All.Count})", Timeout);
        await Eventually.True(async () => await db.Scalar<long>("select count(*) from outbox_messages where sent_at is null") == 0,
                "all rows marked sent", Timeout);
        await Task.Delay(500); // a duplicate publish would land right behind the original; give it the chance to show

        var ids = deliveries.All.Select(d => d.MessageId!.Value).ToList();
        Assert.Equal(rows, ids.Count);
        Assert.Equal(rows, ids.Distinct().Count());
        await using var read = db.NewContext();
        Assert.Equal((await read.Set<OutboxMessage>().Select(o => o.MessageId).ToListAsync()).Order(), ids.Order());
        double publishedA = metricsA.Get("outbox.published"), publishedB = metricsB.Get("outbox.published");
        Assert.Equal(rows, publishedA + publishedB);
        Assert.True(publishedA > 0 && publishedB > 0, $"both dispatchers should have worked: {publishedA} / {publishedB}");
    }

    [Fact]
    public async Task Sent_rows_are_deleted_once_older_than_the_retention()
    {
        await using var app = TestApp.Create(db, db.NewPrefix(), m => m.Publishes<WidgetCreated>(),
            settings: new Dictionary<string, string?> { ["Messaging:SentRetention"] = "00:00:01" });
        await app.StartAsync();

        await app.InScope(async ctx =>
        {
            ctx.AddEvent(new WidgetCreated(Guid.NewGuid(), "w", 1));
            await ctx.SaveChangesAsync();
        });

        await Eventually.True(async () => await db.Scalar<long>("select count(*) from outbox_messages where sent_at is not null") == 1,
                "the row to be sent", Timeout);
        await Eventually.True(async () => await db.Scalar<long>("select count(*) from outbox_messages") == 0,
                "the sent row to be cleaned up", Timeout);
    }

    [Fact]
    public async Task A_row_of_an_unregistered_type_stays_pending_with_its_error_and_the_age_gauge_reports_it()
    {
        await using var app = TestApp.Create(db, db.NewPrefix(), m => m.Publishes<WidgetCreated>());
        using var metrics = new MetricsProbe(app.Host);
        await db.Execute("""
            insert into outbox_messages (message_id, message_type, body, created_at)
            values (gen_random_uuid(), 'Somebody.Else.Renamed', '{}', now() - interval '5 seconds')
            """);
        await app.StartAsync();

        await Eventually.True(async () => await db.Scalar<long>(
                "select count(*) from outbox_messages where attempts > 0 and last_error like 'Unknown message type%'") == 1,
                "the row to be marked with its error", Timeout);
        await Eventually.True(() => metrics.Get("outbox.oldest_unsent_age") >= 5, "the gauge to report the pending row", Timeout);
        Assert.True(metrics.Get("outbox.failed") >= 1);
        Assert.Equal(0, await db.Scalar<long>("select count(*) from outbox_messages where sent_at is not null"));
    }

    [Fact]
    public async Task Adding_an_event_of_a_type_not_declared_with_Publishes_fails_immediately()
    {
        await using var app = TestApp.Create(db, db.NewPrefix(), m => m.Publishes<WidgetCreated>());
        await app.InScope(ctx =>
        {
            var error = Assert.Throws<InvalidOperationException>(() => ctx.AddEvent(new WidgetRejected(Guid.NewGuid())));
            Assert.Contains("Publishes<WidgetRejected>", error.Message);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task The_bus_health_check_is_tagged_ready_and_healthy_once_started()
    {
        await using var app = TestApp.Create(db, db.NewPrefix(), m => m.Publishes<WidgetCreated>());
        await app.StartAsync();
        var health = app.Host.Services.GetRequiredService<HealthCheckService>();

        var report = await health.CheckHealthAsync(r => r.Tags.Contains("ready"));

        Assert.NotEmpty(report.Entries);
        Assert.Equal(HealthStatus.Healthy, report.Status);
    }
}
