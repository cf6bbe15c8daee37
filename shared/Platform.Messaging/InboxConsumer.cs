using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Http;

namespace Platform.Messaging;

/// <summary>
/// Base class for consumers whose effect must happen exactly once per message. The inbox key, the handler's
/// changes and any outbox rows it adds commit in one transaction; a redelivered MessageId is acknowledged
/// without calling <see cref="Handle"/>. Any exception rolls everything back and is rethrown so MassTransit
/// retries and finally moves the message to the _error queue; a <see cref="MessageRejectedException"/> goes there at once.
/// </summary>
public abstract class InboxConsumer<TMessage, TDbContext> : IConsumer<TMessage>
    where TMessage : class
    where TDbContext : DbContext
{
    protected InboxConsumer(TDbContext db) => Db = db;

    protected TDbContext Db { get; }

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} has no MessageId; it cannot be deduplicated.");
        var consumer = GetType().FullName!;
        var ct = context.CancellationToken;

        // Works with a retrying execution strategy too (EnableRetryOnFailure): the whole unit is replayed.
        var strategy = Db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async token =>
        {
            Db.ChangeTracker.Clear(); // a replayed attempt must not carry changes from the failed one
            await using var tx = await Db.Database.BeginTransactionAsync(token);
            // Blocks on a concurrent delivery of the same id until that one commits or rolls back.
            var inserted = await Db.Database.ExecuteSqlAsync(
                $"INSERT INTO inbox_messages (message_id, consumer) VALUES ({messageId}, {consumer}) ON CONFLICT DO NOTHING",
                token);
            if (inserted == 0)
            {
                LogContext.Debug?.Log("Duplicate {MessageId} for {Consumer} ignored", messageId, consumer);
                return; // nothing to do: disposing the transaction rolls back the no-op
            }
            await Handle(context, token);
            await Db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
        }, ct);
    }

    protected abstract Task Handle(ConsumeContext<TMessage> context, CancellationToken cancellationToken);
}

/// <summary>
/// Restores the correlation id of the message (header "x-correlation-id", else MassTransit's CorrelationId)
/// onto the trace context (<see cref="Correlation.CurrentId"/>) and a logger scope, so events a consumer adds carry it on.
/// </summary>
internal sealed class CorrelationConsumeFilter<T>(ILogger<CorrelationConsumeFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var id = context.Headers.Get<string>(MessageHeaders.CorrelationId) ?? context.CorrelationId?.ToString();
        using (Correlation.Begin(id))
        using (logger.BeginScope(new Dictionary<string, object?> { ["CorrelationId"] = id }))
            await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("correlation");
}
