using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Messaging;

/// <summary>
/// Publishes committed outbox rows. Safe with several instances of a service: rows are claimed with
/// FOR UPDATE SKIP LOCKED inside a transaction that lasts until they are marked, so no two dispatchers
/// ever hold the same row. Delivery is at-least-once (a lost broker ack means a re-publish); the inbox
/// on the consuming side makes that harmless.
/// </summary>
internal sealed class OutboxDispatcher<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    MessageTypeRegistry registry,
    OutboxSignal signal,
    OutboxMetrics metrics,
    MessagingOptions options,
    ILogger<OutboxDispatcher<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private DateTime _nextCleanup = DateTime.MinValue;
    private DateTime _nextGauge = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // don't hold up host start
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                full = await DispatchBatchAsync(stoppingToken) == options.BatchSize;
                await HousekeepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception ex)
            {
                // e.g. database unavailable: keep looping, the rows are safe where they are
                logger.LogError(ex, "Outbox dispatch failed");
            }
            if (!full) await signal.WaitAsync(options.PollInterval, stoppingToken);
        }
    }

    /// <summary>Claims, publishes and marks one batch; returns how many rows were claimed.</summary>
    internal async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var rows = await db.Set<OutboxMessage>()
            .FromSql($"""
                SELECT * FROM outbox_messages
                WHERE sent_at IS NULL AND next_attempt_at <= now()
                ORDER BY id LIMIT {options.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .AsNoTracking()
            .ToListAsync(ct);
        if (rows.Count == 0) return 0;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.PublishTimeout);
        var outcomes = await Task.WhenAll(rows.Select(r => PublishAsync(r, timeout.Token)));

        // CancellationToken.None from here: the broker already has these messages, so record that even while stopping.
        var sent = rows.Zip(outcomes).Where(x => x.Second is null).Select(x => x.First.Id).ToArray();
        if (sent.Length > 0)
            await db.Database.ExecuteSqlAsync($"UPDATE outbox_messages SET sent_at = now(), last_error = NULL WHERE id = ANY({sent})", CancellationToken.None);
        foreach (var (row, error) in rows.Zip(outcomes).Where(x => x.Second is not null))
        {
            var backoff = Backoff(row.Attempts).TotalSeconds;
            await db.Database.ExecuteSqlAsync($"""
                UPDATE outbox_messages
                SET attempts = attempts + 1, last_error = {error},
                    next_attempt_at = now() + make_interval(secs => {backoff})
                WHERE id = {row.Id}
                """, CancellationToken.None);
        }
        await tx.CommitAsync(CancellationToken.None);

        metrics.Published(sent.Length);
        metrics.Failed(rows.Count - sent.Length);
        return rows.Count;
    }

    /// <summary>Returns null when the broker confirmed the message, otherwise the error to store.</summary>
    private async Task<string?> PublishAsync(OutboxMessage row, CancellationToken ct)
    {
        if (!registry.TryResolve(row.MessageType, out var type))
        {
            logger.LogError("Outbox row {Id} has unregistered message type {Type}", row.Id, row.MessageType);
            return $"Unknown message type '{row.MessageType}': add Publishes<T>() for it.";
        }
        try
        {
            var message = System.Text.Json.JsonSerializer.Deserialize(row.Body, type, MessageTypeRegistry.Json)
                ?? throw new InvalidOperationException("Body deserialized to null");
            // Completes only after the broker's publisher confirm (MassTransit's RabbitMQ default).
            await bus.Publish(message, type, Pipe.Execute<PublishContext>(ctx =>
            {
                ctx.MessageId = row.MessageId;
                if (row.CorrelationId is { } correlationId)
                {
                    ctx.Headers.Set(MessageHeaders.CorrelationId, correlationId);
                    if (Guid.TryParse(correlationId, out var guid)) ctx.CorrelationId = guid;
                }
            }), ct);
            return null;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Publishing outbox row {Id} ({Type}) failed; will retry", row.Id, row.MessageType);
            return ex is OperationCanceledException ? "Publish timed out (broker unavailable?)" : ex.Message;
        }
    }

    /// <summary>Exponential 1 s, 2 s, 4 s ... capped at 30 s.</summary>
    internal static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(attempts, 10))));

    private async Task HousekeepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();

        // At most once a second: under load the loop runs every few milliseconds and the gauge needs no more.
        if (DateTime.UtcNow < _nextGauge) return;
        _nextGauge = DateTime.UtcNow.AddSeconds(1);
        var age = await db.Database
            .SqlQuery<double?>($"SELECT extract(epoch FROM now() - min(created_at))::float8 AS \"Value\" FROM outbox_messages WHERE sent_at IS NULL")
            .SingleAsync(ct);
        metrics.SetOldestUnsentAge(age);

        // Cleanup needs no precision; once a minute (or per retention, if shorter) keeps the scans rare.
        if (DateTime.UtcNow < _nextCleanup) return;
        var every = TimeSpan.FromTicks(Math.Min(options.SentRetention.Ticks, TimeSpan.FromMinutes(1).Ticks));
        _nextCleanup = DateTime.UtcNow + every;
        var sentCutoff = options.SentRetention.TotalSeconds;
        var inboxCutoff = options.InboxRetention.TotalSeconds;
        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM outbox_messages WHERE sent_at < now() - make_interval(secs => {sentCutoff})", ct);
        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM inbox_messages WHERE received_at < now() - make_interval(secs => {inboxCutoff})", ct);
    }
}
