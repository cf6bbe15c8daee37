using System.Collections.Concurrent;
using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Notifications.Api.Features.Inbox;

/// <summary>
/// The live feed of this process: every open stream subscribes, and each notification committed here is offered to every
/// subscriber (the stream keeps only the caller's). In-process only: a stream hears the notifications its own instance stores.
/// </summary>
public sealed class NotificationFeed
{
    readonly ConcurrentDictionary<Guid, Channel<Notification>> _subscribers = new();

    public Subscription Subscribe()
    {
        var id = Guid.NewGuid();
        // Bounded so a stalled client cannot grow memory; it loses the oldest, and the list endpoint still has everything.
        var channel = Channel.CreateBounded<Notification>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        _subscribers[id] = channel;
        return new Subscription(channel.Reader, () => _subscribers.TryRemove(id, out _));
    }

    public void Publish(IEnumerable<Notification> notifications)
    {
        foreach (var notification in notifications)
            foreach (var channel in _subscribers.Values)
                channel.Writer.TryWrite(notification);
    }

    public sealed class Subscription(ChannelReader<Notification> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<Notification> Reader { get; } = reader;
        public void Dispose() => unsubscribe();
    }
}

/// <summary>
/// Feeds <see cref="NotificationFeed"/> with the notifications a save added, once their transaction has committed (the
/// consumer's inbox transaction), so a stream never shows a notification that was rolled back.
/// </summary>
public sealed class FeedAfterCommit(NotificationFeed feed) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    readonly List<Notification> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
            _pending.AddRange(context.ChangeTracker.Entries<Notification>().Where(e => e.State == EntityState.Added).Select(e => e.Entity));
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Flush(); // no explicit transaction: the save committed
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush();
        return Task.CompletedTask;
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending.Clear();
        return Task.CompletedTask;
    }

    void Flush()
    {
        if (_pending.Count == 0) return;
        feed.Publish(_pending.ToList());
        _pending.Clear();
    }
}
