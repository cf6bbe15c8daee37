using System.Collections.Concurrent;
using MassTransit;

namespace Platform.Testing;

/// <summary>
/// Listens for the Fault&lt;T&gt; events MassTransit publishes when it moves a message of type T to an _error queue,
/// on a temporary queue of the given bus (a service's own, or a test's bus on the real broker).
/// </summary>
public sealed class Faults<T> : IAsyncDisposable where T : class
{
    private readonly ConcurrentQueue<Fault<T>> _received = new();
    private HostReceiveEndpointHandle _handle = null!;

    public static async Task<Faults<T>> ListenAsync(IBus bus)
    {
        var faults = new Faults<T>();
        faults._handle = bus.ConnectReceiveEndpoint(new TemporaryEndpointDefinition(), DefaultEndpointNameFormatter.Instance,
            e => e.Handler<Fault<T>>(context =>
            {
                faults._received.Enqueue(context.Message);
                return Task.CompletedTask;
            }));
        await faults._handle.Ready;
        return faults;
    }

    /// <summary>The faults of message <paramref name="messageId"/> (one per consumer that refused it), once <paramref name="count"/> arrived.</summary>
    public async Task<IReadOnlyList<Fault<T>>> WaitForAsync(Guid messageId, int count = 1, int seconds = 20) =>
        await WaitForAsync(messageId, _ => true, count, seconds);

    /// <summary>
    /// The faults this test process's own services raised: a message published on the shared test vhost also reaches
    /// any other test run's consumers of its type, whose faults must not be counted as this service's.
    /// </summary>
    public Task<IReadOnlyList<Fault<T>>> WaitForOwnAsync(Guid messageId, int count = 1, int seconds = 20) =>
        WaitForAsync(messageId, f => f.Host?.ProcessId == Environment.ProcessId, count, seconds);

    private Task<IReadOnlyList<Fault<T>>> WaitForAsync(Guid messageId, Func<Fault<T>, bool> from, int count, int seconds) =>
        Eventually.Value(
            () => Task.FromResult<IReadOnlyList<Fault<T>>>(_received.Where(f => f.FaultedMessageId == messageId && from(f)).ToList()),
            matching => matching.Count >= count, $"{count} fault(s) of {typeof(T).Name} {messageId}", seconds);

    public async ValueTask DisposeAsync() => await _handle.StopAsync();
}
