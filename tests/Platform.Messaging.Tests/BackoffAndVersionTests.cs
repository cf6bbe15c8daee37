namespace Platform.Messaging.Tests;

public sealed class BackoffAndVersionTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(4, 16)]
    [InlineData(5, 30)]
    [InlineData(1000, 30)]
    public void Outbox_retry_backoff_doubles_per_attempt_and_is_capped_at_thirty_seconds(int attempts, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxDispatcher<TestDbContext>.Backoff(attempts));

    [Theory]
    [InlineData(1, null, true)]
    [InlineData(5, 4L, true)]
    [InlineData(4, 4L, false)]
    [InlineData(3, 4L, false)]
    public void An_event_is_applied_only_if_its_version_is_newer_than_the_applied_one(long incoming, long? applied, bool expected) =>
        Assert.Equal(expected, EventVersion.IsNewer(incoming, applied));
}
