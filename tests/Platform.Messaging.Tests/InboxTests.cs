using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Messaging.Tests;

public sealed class InboxTests(MessagingDatabase db) : IClassFixture<MessagingDatabase>, IAsyncLifetime
{
    private const int Timeout = 20; // seconds

    public Task InitializeAsync() => db.Reset();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Redelivering_the_same_message_id_to_an_inbox_consumer_changes_nothing_the_second_time()
    {
        await using var app = TestApp.Create(db, db.NewPrefix(), m => m.Consumes<WidgetProjector>());
        await app.StartAsync();
        var bus = app.Host.Services.GetRequiredService<IBus>();
        var completed = new CompletedConsumes();
        using var _ = bus.ConnectConsumeObserver(completed);
        var messageId = Guid.NewGuid();
        var message = new WidgetCreated(Guid.NewGuid(), "w", 1);

        for (var i = 0; i < 2; i++)
            await bus.Publish(message, ctx => ctx.MessageId = messageId);

        await Eventually.True(() => completed.Count(messageId) == 2, "both deliveries to be consumed", Timeout);
        Assert.Equal(1, await db.Scalar<int>($"select applied_count from widget_projections where widget_id = '{message.WidgetId}'"));
        Assert.Equal(1, await db.Scalar<long>($"select count(*) from inbox_messages where message_id = '{messageId}'"));
    }

    [Fact]
    public async Task A_consumer_that_always_throws_ends_in_the_error_queue_and_keeps_no_inbox_row()
    {
        var prefix = db.NewPrefix();
        await using var app = TestApp.Create(db, prefix, m => m.Consumes<AlwaysFailingProjector>());
        await app.StartAsync();
        var errorQueue = new KebabCaseEndpointNameFormatter(prefix, false).Consumer<AlwaysFailingProjector>() + "_error";
        var messageId = Guid.NewGuid();

        await app.Host.Services.GetRequiredService<IBus>()
            .Publish(new WidgetRejected(Guid.NewGuid()), ctx => ctx.MessageId = messageId);

        // MaxRetries = 2 in tests: three attempts of ~100-300 ms, then the move to _error.
        await Eventually.True(async () => await Broker.ReadyMessagesAsync(errorQueue) == 1, $"the message in {errorQueue}", Timeout);
        Assert.Equal(0, await db.Scalar<long>("select count(*) from inbox_messages"));
        Assert.Equal(0, await db.Scalar<long>("select count(*) from widget_projections"));
    }
}
