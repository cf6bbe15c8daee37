using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Messaging;

public static class OutboxDbContextExtensions
{
    /// <summary>
    /// Adds <paramref name="message"/> as an outbox row. Nothing is sent here: the caller's SaveChangesAsync stores
    /// it atomically with the business rows, and the dispatcher publishes it after commit.
    /// </summary>
    public static void AddEvent<T>(this DbContext db, T message) where T : class
    {
        ArgumentNullException.ThrowIfNull(message);
        // The registry lives in the application container; EF keeps a reference to it for contexts created by DI.
        var registry = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()
            ?.ApplicationServiceProvider?.GetService<MessageTypeRegistry>()
            ?? throw new InvalidOperationException(
                $"{db.GetType().Name} was not created by a container where AddPlatformMessaging was called.");
        // Use the runtime type: publishing through a base type would change the wire identity.
        var type = message.GetType();
        if (!registry.IsRegistered(type))
            throw new InvalidOperationException($"{type.FullName} is not registered; add Publishes<{type.Name}>() to AddPlatformMessaging.");

        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            MessageId = Guid.CreateVersion7(),
            MessageType = MessageTypeRegistry.NameOf(type),
            Body = JsonSerializer.Serialize(message, type, MessageTypeRegistry.Json),
            CorrelationId = Correlation.CurrentId,
        });
    }
}
