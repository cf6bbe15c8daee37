using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static Platform.Messaging.Tests.TestEnvironment;

namespace Platform.Messaging.Tests;

public sealed class InboxTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

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

        await Eventually(() => completed.Count(messageId) == 2, Timeout, "both deliveries to be consumed");
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
        await Eventually(async () => await ReadyMessages(errorQueue) == 1, Timeout, $"the message in {errorQueue}");
        Assert.Equal(0, await db.Scalar<long>("select count(*) from inbox_messages"));
        Assert.Equal(0, await db.Scalar<long>("select count(*) from widget_projections"));
    }
}
