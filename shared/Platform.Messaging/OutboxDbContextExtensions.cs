using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Platform.ServiceDefaults.Http;

namespace Platform.Messaging;

public static class OutboxDbContextExtensions
{
    /// <summary>
    /// Adds <paramref name="message"/> as an outbox row. Nothing is sent here: the caller's SaveChangesAsync stores
    /// it atomically with the business rows, and the dispatcher publishes it after commit.
    /// </summary>
    public static void AddEvent<T>(this DbContext db, T message) where T : class =>
        db.Set<OutboxMessage>().Add(RowFor(RegistryOf(db), message));

    /// <summary>
    /// Writes many events with one binary COPY on the context's connection, inside the caller's open transaction (bulk
    /// imports: thousands of rows where SaveChanges would take minutes). Commit, then call <see cref="OutboxSignal.Notify"/>.
    /// </summary>
    public static async Task CopyEventsAsync(this DbContext db, IEnumerable<object> messages, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("CopyEventsAsync writes inside the caller's transaction; begin one first.");
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var copy = await connection.BeginBinaryImportAsync(
            "copy outbox_messages (message_id, message_type, body, correlation_id, created_at, next_attempt_at) from stdin (format binary)", ct);
        var now = DateTimeOffset.UtcNow;
        var registry = RegistryOf(db);
        foreach (var message in messages)
        {
            var row = RowFor(registry, message);
            // Synchronous writes only fill the importer's buffer (flushed when full); awaiting each costs more than the write.
            copy.StartRow();
            copy.Write(row.MessageId, NpgsqlDbType.Uuid);
            copy.Write(row.MessageType, NpgsqlDbType.Text);
            copy.Write(row.Body, NpgsqlDbType.Jsonb);
            if (row.CorrelationId is null) copy.WriteNull();
            else copy.Write(row.CorrelationId, NpgsqlDbType.Text);
            copy.Write(now, NpgsqlDbType.TimestampTz);
            copy.Write(now, NpgsqlDbType.TimestampTz);
        }
        await copy.CompleteAsync(ct);
    }

    // The registry lives in the application container; EF keeps a reference to it for contexts created by DI.
    static MessageTypeRegistry RegistryOf(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<MessageTypeRegistry>()
        ?? throw new InvalidOperationException($"{db.GetType().Name} was not created by a container where AddPlatformMessaging was called.");

    static OutboxMessage RowFor(MessageTypeRegistry registry, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Use the runtime type: publishing through a base type would change the wire identity.
        var type = message.GetType();
        if (!registry.IsRegistered(type))
            throw new InvalidOperationException($"{type.FullName} is not registered; add Publishes<{type.Name}>() to AddPlatformMessaging.");

        return new OutboxMessage
        {
            MessageId = Guid.CreateVersion7(),
            MessageType = MessageTypeRegistry.NameOf(type),
            Body = JsonSerializer.Serialize(message, type, MessageTypeRegistry.Json),
            CorrelationId = Correlation.CurrentId,
        };
    }
}
