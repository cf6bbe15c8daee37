using System.Collections.Concurrent;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.ProjectLibrary;
using Platform.ServiceDefaults.Http;

namespace Platform.Messaging.Tests;

public sealed record Delivery(Guid? MessageId, object Message, string? CorrelationHeader, string? AmbientCorrelation);

/// <summary>Everything the recording consumers received; shared by all hosts of one test.</summary>
public sealed class Deliveries
{
    private readonly ConcurrentQueue<Delivery> _items = new();

    public IReadOnlyCollection<Delivery> All => _items.ToArray();

    public void Add(ConsumeContext context, object message) => _items.Enqueue(new Delivery(context.MessageId, message,
        context.Headers.Get<string>(MessageHeaders.CorrelationId), Correlation.CurrentId));
}

public sealed class ProjectStartedRecorder(Deliveries deliveries) : IConsumer<ProjectStarted>
{
    public Task Consume(ConsumeContext<ProjectStarted> context)
    {
        deliveries.Add(context, context.Message);
        return Task.CompletedTask;
    }
}

public sealed class WidgetCreatedRecorder(Deliveries deliveries) : IConsumer<WidgetCreated>
{
    public Task Consume(ConsumeContext<WidgetCreated> context)
    {
        deliveries.Add(context, context.Message);
        return Task.CompletedTask;
    }
}

/// <summary>Counts how often each widget was applied: any value above 1 means a duplicate got through.</summary>
public sealed class WidgetProjector(TestDbContext db) : InboxConsumer<WidgetCreated, TestDbContext>(db)
{
    protected override async Task Handle(ConsumeContext<WidgetCreated> context, CancellationToken cancellationToken) =>
        await Db.Database.ExecuteSqlAsync($"""
            INSERT INTO widget_projections (widget_id, applied_count) VALUES ({context.Message.WidgetId}, 1)
            ON CONFLICT (widget_id) DO UPDATE SET applied_count = widget_projections.applied_count + 1
            """, cancellationToken);
}

public sealed class AlwaysFailingProjector(TestDbContext db) : InboxConsumer<WidgetRejected, TestDbContext>(db)
{
    protected override async Task Handle(ConsumeContext<WidgetRejected> context, CancellationToken cancellationToken)
    {
        await Db.Database.ExecuteSqlAsync(
            $"INSERT INTO widget_projections (widget_id, applied_count) VALUES ({context.Message.WidgetId}, 1)", cancellationToken);
        throw new InvalidOperationException("this consumer always fails");
    }
}

/// <summary>Sees every completed consume, including duplicates the inbox skipped without calling Handle.</summary>
public sealed class CompletedConsumes : IConsumeObserver
{
    private readonly ConcurrentQueue<Guid?> _ids = new();

    public int Count(Guid id) => _ids.Count(x => x == id);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        _ids.Enqueue(context.MessageId);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
