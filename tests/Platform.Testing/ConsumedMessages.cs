using System.Collections.Concurrent;
using MassTransit;

namespace Platform.Testing;

/// <summary>
/// Counts, per message id, the consumptions a bus completed (duplicates included: the inbox acknowledges them
/// without effect) and keeps the last fault, so a test knows its message went through and why it did not.
/// </summary>
public sealed class ConsumedMessages : IConsumeObserver
{
    readonly ConcurrentDictionary<Guid, int> _counts = new();
    readonly ConcurrentDictionary<Guid, string> _faults = new();

    public int Count(Guid messageId) => _counts.GetValueOrDefault(messageId);

    /// <summary>The last exception a consumer threw for the message (a retry may still succeed), if any.</summary>
    public string? LastFault(Guid messageId) => _faults.GetValueOrDefault(messageId);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId is { } id) _counts.AddOrUpdate(id, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        if (context.MessageId is { } id) _faults[id] = exception.ToString();
        return Task.CompletedTask;
    }
}
