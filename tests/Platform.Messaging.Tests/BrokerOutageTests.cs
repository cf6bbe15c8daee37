
namespace Platform.Messaging.Tests;

public sealed class BrokerOutageTests(MessagingDatabase db) : IClassFixture<MessagingDatabase>
{
    [Fact]
    public async Task Changes_made_while_the_broker_is_down_are_all_delivered_and_applied_once_after_it_returns()
    {
        const int changes = 200;
        await using var app = TestApp.Create(db, db.NewPrefix(),
            m => m.Publishes<WidgetCreated>().Consumes<WidgetProjector>(),
            settings: new Dictionary<string, string?> { ["Messaging:PublishTimeout"] = "00:00:03" });
        await app.StartAsync();

        await Broker.RabbitMqCtl("-q", "stop_app");
        try
        {
            for (var i = 0; i < changes; i++)
                await app.InScope(async ctx =>
                {
                    var widget = new Widget { Id = Guid.NewGuid(), Name = $"w{i}" };
                    ctx.Widgets.Add(widget);
                    ctx.AddEvent(new WidgetCreated(widget.Id, widget.Name, 1));
                    await ctx.SaveChangesAsync();
                });
            // The dispatcher has tried and failed, and marked nothing sent without a broker confirm.
            await Eventually.True(async () => await db.Scalar<long>("select count(*) from outbox_messages where attempts > 0") > 0,
                "a failed publish attempt", 20);
            Assert.Equal(0, await db.Scalar<long>("select count(*) from outbox_messages where sent_at is not null"));
        }
        finally
        {
            // never leave the shared broker stopped, whatever happened above
            await Broker.RabbitMqCtl("-q", "start_app");
        }

        // MassTransit reconnects with backoff and pending rows wait out theirs (at most 30 s): be generous.
        await Eventually.True(async () => await db.Scalar<long>("select count(*) from widget_projections") == changes,
                $"{changes} widgets projected", 90);
        await Eventually.True(async () => await db.Scalar<long>("select count(*) from outbox_messages where sent_at is null") == 0,
                "every outbox row marked sent", 30);
        Assert.Equal(changes, await db.Scalar<long>("select sum(applied_count) from widget_projections"));
        Assert.Equal(changes, await db.Scalar<long>("select count(*) from inbox_messages"));
    }
}
