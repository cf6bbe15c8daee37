using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Messaging;
using RabbitMQ.Client;

namespace Platform.Testing;

/// <summary>A message MassTransit moved to an _error queue, with the fault headers it added.</summary>
public sealed record FaultedMessage(Guid? MessageId, string? Reason, string? ExceptionType, int RetryCount);

/// <summary>Reads the _error queues of the real broker (test vhost), where refused and failed messages end.</summary>
public static class ErrorQueues
{
    /// <summary>The _error queue of <typeparamref name="TConsumer"/> in a service started by a <see cref="ServiceFactory{TProgram}"/>.</summary>
    public static string Of<TConsumer>(IServiceProvider services) where TConsumer : class, IConsumer =>
        new KebabCaseEndpointNameFormatter(services.GetRequiredService<MessagingOptions>().EndpointPrefix, false).Consumer<TConsumer>() + "_error";

    /// <summary>
    /// Waits until <paramref name="queue"/> holds at least <paramref name="count"/> messages. Counted with rabbitmqctl,
    /// which sees every queue: a temporary endpoint's _error queue (test runs) is exclusive to the service's connection.
    /// </summary>
    public static Task WaitForCountAsync(string queue, long count = 1, int seconds = 20) =>
        Eventually.True(async () => await CountAsync(queue) >= count, $"{queue} to hold {count} message(s)", seconds);

    public static async Task<long> CountAsync(string queue) =>
        (await Broker.RabbitMqCtl("-q", "list_queues", "-p", TestEnvironment.RabbitVirtualHost, "--no-table-headers", "name", "messages"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', StringSplitOptions.TrimEntries))
            .Where(cols => cols.Length == 2 && cols[0] == queue)
            .Select(cols => long.Parse(cols[1])).FirstOrDefault();

    /// <summary>
    /// Waits until <paramref name="queue"/> (a durable one: temporary endpoints' _error queues are exclusive) holds the message <paramref name="messageId"/> and takes it off the queue;
    /// other messages stay where they are. Fails the test after <paramref name="seconds"/>.
    /// </summary>
    public static async Task<FaultedMessage> TakeAsync(string queue, Guid messageId, int seconds = 20) =>
        (await Eventually.Value(() => TryTakeAsync(queue, messageId), found => found is not null, $"message {messageId} to reach {queue}", seconds))!;

    static async Task<FaultedMessage?> TryTakeAsync(string queue, Guid messageId)
    {
        await using var connection = await Broker.ConnectAsync();
        // Unacknowledged messages go back to the queue when the channel closes, so only the one taken leaves it.
        await using var channel = await connection.CreateChannelAsync();
        try { await channel.QueueDeclarePassiveAsync(queue); }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return null; // MassTransit declares an _error queue when the first message faults
        }
        while (await channel.BasicGetAsync(queue, autoAck: false) is { } result)
        {
            var faulted = Read(result);
            if (faulted.MessageId != messageId) continue;
            await channel.BasicAckAsync(result.DeliveryTag, multiple: false);
            return faulted;
        }
        return null;
    }

    static FaultedMessage Read(BasicGetResult result)
    {
        var headers = result.BasicProperties.Headers ?? new Dictionary<string, object?>();
        string? Text(string name) => headers.TryGetValue(name, out var v) ? v switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            null => null,
            _ => v.ToString(),
        } : null;
        Guid? id = Guid.TryParse(result.BasicProperties.MessageId, out var parsed) ? parsed : EnvelopeMessageId(result.Body);
        return new FaultedMessage(id, Text("MT-Fault-Message"), Text("MT-Fault-ExceptionType"),
            int.TryParse(Text("MT-Fault-RetryCount"), out var retries) ? retries : 0);
    }

    static Guid? EnvelopeMessageId(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var envelope = JsonDocument.Parse(body);
            return envelope.RootElement.TryGetProperty("messageId", out var id) && id.TryGetGuid(out var value) ? value : null;
        }
        catch (JsonException) { return null; }
    }
}
