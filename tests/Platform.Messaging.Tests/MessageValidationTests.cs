using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Contracts.ProjectLibrary;

namespace Platform.Messaging.Tests;

/// <summary>Every consumer's input is checked before it is applied; a refused message goes to the error queue at once.</summary>
public sealed class MessageValidationTests(MessagingDatabase db) : IClassFixture<MessagingDatabase>, IAsyncLifetime
{
    private const int Timeout = 20; // seconds
    // Warnings of the messaging layer are what a rejection writes; the test host logs only errors otherwise.
    private static readonly Dictionary<string, string?> WarningsLogged = new() { ["Logging:LogLevel:Platform.Messaging"] = "Warning" };

    private readonly HandlerCalls _calls = new();
    private readonly CapturedLogs _logs = new();

    public Task InitializeAsync() => db.Reset();

    public Task DisposeAsync() => Task.CompletedTask;

    private static ProjectStarted Started(string region = "140522", decimal total = 1234.5m, long version = 2) => new()
    {
        ProjectId = Guid.NewGuid(), RegionCode = region, ActualStartDate = new DateOnly(2025, 3, 1),
        TotalInvestment = total, Version = version, OccurredAt = DateTimeOffset.UtcNow,
    };

    private async Task<(TestApp App, string ErrorQueue)> Start()
    {
        var prefix = db.NewPrefix();
        var app = TestApp.Create(db, prefix, m => m.Consumes<StartedProjectProjector>(), s =>
        {
            s.AddSingleton(_calls);
            s.AddSingleton<ILoggerProvider>(_logs);
        }, WarningsLogged);
        await app.StartAsync();
        return (app, new KebabCaseEndpointNameFormatter(prefix, false).Consumer<StartedProjectProjector>() + "_error");
    }

    private static Task Publish(TestApp app, object message, Guid messageId) =>
        app.Host.Services.GetRequiredService<IBus>().Publish(message, message.GetType(), ctx => ctx.MessageId = messageId);

    [Theory]
    [InlineData("999999", 1234.5, "regionCode '999999' is not a region of the city")]
    [InlineData("140522", 99_000_000_000, "totalInvestment 99000000000 is above the ceiling")]
    [InlineData("140522", -1, "totalInvestment -1 is negative")]
    public async Task An_event_breaking_its_contract_lands_in_the_error_queue_untried_unapplied_and_logged(string region, double total, string reason)
    {
        var (app, errorQueue) = await Start();
        await using var _ = app;
        var messageId = Guid.NewGuid();

        await Publish(app, Started(region, (decimal)total), messageId);

        var faulted = await ErrorQueues.TakeAsync(errorQueue, messageId);
        Assert.StartsWith(reason, faulted.Reason);
        Assert.Equal(typeof(MessageRejectedException).FullName, faulted.ExceptionType);
        Assert.Equal(0, faulted.RetryCount);
        Assert.Equal(0, _calls.Of(messageId)); // refused before the consumer
        Assert.Equal(0, await db.Scalar<long>("select count(*) from widget_projections"));
        Assert.Equal(0, await db.Scalar<long>("select count(*) from inbox_messages"));
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains(messageId.ToString())
            && e.Text.Contains(nameof(ProjectStarted)) && e.Text.Contains(reason));
    }

    [Fact]
    public async Task A_version_far_ahead_of_the_held_one_is_refused_by_the_consumer_once_and_not_retried()
    {
        var (app, errorQueue) = await Start();
        await using var _ = app;
        var messageId = Guid.NewGuid();

        await Publish(app, Started(version: int.MaxValue), messageId);

        var faulted = await ErrorQueues.TakeAsync(errorQueue, messageId);
        Assert.Contains($"version {int.MaxValue} is more than 10000 ahead", faulted.Reason);
        Assert.Equal(0, faulted.RetryCount);
        Assert.Equal(1, _calls.Of(messageId)); // ordinary failures run MaxRetries + 1 times; a rejection once
        Assert.Equal(0, await db.Scalar<long>("select count(*) from widget_projections"));
        Assert.Equal(0, await db.Scalar<long>("select count(*) from inbox_messages")); // rolled back with the handler's work
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains(messageId.ToString()) && e.Text.Contains("ahead"));
    }

    [Fact]
    public async Task A_valid_event_passes_the_checks_and_a_redelivery_is_still_applied_only_once()
    {
        var (app, errorQueue) = await Start();
        await using var _ = app;
        var completed = new CompletedConsumes();
        using var observer = app.Host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(completed);
        var messageId = Guid.NewGuid();
        var message = Started();

        for (var i = 0; i < 2; i++) await Publish(app, message, messageId);

        await Eventually.True(() => completed.Count(messageId) == 2, "both deliveries to be consumed", Timeout);
        Assert.Equal(1, await db.Scalar<int>($"select applied_count from widget_projections where widget_id = '{message.ProjectId}'"));
        Assert.Equal(1, await db.Scalar<long>($"select count(*) from inbox_messages where message_id = '{messageId}'"));
        Assert.Equal(0u, await Broker.ReadyMessagesAsync(errorQueue));
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Warning && e.Text.Contains(messageId.ToString()));
    }

    [Fact]
    public async Task Rules_a_service_declares_for_its_own_message_types_are_applied_too()
    {
        var prefix = db.NewPrefix();
        await using var app = TestApp.Create(db, prefix, m => m
            .Consumes<WidgetProjector>()
            .Validates<WidgetCreated>((w, c) => c.Id(w.WidgetId, "widgetId").Text(w.Name, "name", 10)));
        await app.StartAsync();
        var errorQueue = new KebabCaseEndpointNameFormatter(prefix, false).Consumer<WidgetProjector>() + "_error";
        var messageId = Guid.NewGuid();

        await Publish(app, new WidgetCreated(Guid.NewGuid(), "a name far longer than ten", 1), messageId);

        Assert.Equal("name has 26 characters, more than 10", (await ErrorQueues.TakeAsync(errorQueue, messageId)).Reason);
        Assert.Equal(0, await db.Scalar<long>("select count(*) from widget_projections"));
    }
}
