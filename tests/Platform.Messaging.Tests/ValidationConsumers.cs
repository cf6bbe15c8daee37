using System.Collections.Concurrent;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Contracts.ProjectLibrary;

namespace Platform.Messaging.Tests;

/// <summary>How often a consumer's handler ran, per message id (a retried message runs more than once).</summary>
public sealed class HandlerCalls
{
    private readonly ConcurrentDictionary<Guid, int> _calls = new();

    public void Add(Guid? messageId) => _calls.AddOrUpdate(messageId ?? Guid.Empty, 1, (_, n) => n + 1);

    public int Of(Guid messageId) => _calls.GetValueOrDefault(messageId);
}

/// <summary>
/// Keeps a view of started projects that already holds version 1 of each: an event's version is compared with it
/// (as every versioned consumer does), then the project is counted in widget_projections.
/// </summary>
public sealed class StartedProjectProjector(TestDbContext db, HandlerCalls calls) : InboxConsumer<ProjectStarted, TestDbContext>(db)
{
    protected override async Task Handle(ConsumeContext<ProjectStarted> context, CancellationToken cancellationToken)
    {
        calls.Add(context.MessageId);
        if (!EventVersion.IsNewer(context.Message.Version, 1)) return;
        await Db.Database.ExecuteSqlAsync($"""
            INSERT INTO widget_projections (widget_id, applied_count) VALUES ({context.Message.ProjectId}, 1)
            ON CONFLICT (widget_id) DO UPDATE SET applied_count = widget_projections.applied_count + 1
            """, cancellationToken);
    }
}

/// <summary>Keeps every log entry of the host, to show that a rejection is logged with its reason.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Text)> _entries = new();

    public IReadOnlyCollection<(string Category, LogLevel Level, string Text)> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((category, logLevel, formatter(state, exception)));
    }
}
