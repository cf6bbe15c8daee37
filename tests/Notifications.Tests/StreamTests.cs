using System.Diagnostics;

namespace Notifications.Tests;

/// <summary>The live stream pushes the caller's new notifications (and only the caller's) as they are stored.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class StreamTests(NotificationsFactory factory)
{
    [Fact]
    public async Task The_stream_pushes_a_new_notification_for_the_caller_within_a_second_and_skips_others()
    {
        await factory.ReadyAsync();
        using var client = factory.ClientFor("project-office", "140581");
        using var stream = await SseReader.OpenAsync(client, "/api/notifications/stream");

        var elsewhere = EventSamples.Of("problemRaised", Guid.NewGuid(), "140502");
        await factory.Deliver(elsewhere.Event);
        var mine = EventSamples.Of("problemRaised", Guid.NewGuid(), "140581");
        await factory.Publish(mine.Event);
        var published = Stopwatch.StartNew();

        var received = await stream.NextNotificationAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(mine.Subject, received.GetProperty("subjectId").GetGuid());
        Assert.True(published.Elapsed < TimeSpan.FromSeconds(1), $"pushed after {published.Elapsed}");
    }

    [Fact]
    public async Task An_idle_stream_gets_heartbeats()
    {
        using var client = factory.ClientFor("project-office", "140581");
        using var stream = await SseReader.OpenAsync(client, "/api/notifications/stream");
        Assert.True(await stream.HeartbeatAsync(TimeSpan.FromSeconds(5)), "no heartbeat within 5 s (configured every 1 s)");
    }
}
