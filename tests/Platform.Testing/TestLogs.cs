using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Testing;

/// <summary>
/// Where the services under test log: one file per factory or process under .platform/test-results/logs/,
/// never the console, so the test run's output shows only results, failures and the summary.
/// </summary>
public static class TestLogs
{
    public static string Directory { get; } = Path.Combine(TestEnvironment.RepositoryRoot, ".platform", "test-results", "logs");

    /// <summary>A new file for <paramref name="name"/> (time and a short id keep two instances apart).</summary>
    public static string NewFile(string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        return Path.Combine(Directory, $"{name}-{DateTime.UtcNow:HHmmss}-{Guid.NewGuid().ToString("N")[..6]}.log");
    }

    /// <summary>Replaces every logging provider (the services' JSON console) with JSON lines in <paramref name="file"/>.</summary>
    public static ILoggingBuilder LogToFile(this ILoggingBuilder logging, string file)
    {
        logging.ClearProviders();
        logging.AddProvider(new FileLoggerProvider(file));
        return logging;
    }

    /// <summary>The same for an in-process service (WebApplicationFactory): applied after Program's own logging setup.</summary>
    public static IWebHostBuilder LogToFile(this IWebHostBuilder builder, string file) =>
        builder.ConfigureLogging(logging => logging.LogToFile(file));

    sealed class FileLoggerProvider(string path) : ILoggerProvider
    {
        readonly StreamWriter _writer = new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        readonly Lock _lock = new();
        bool _closed; // a host can still log while it shuts down, after the provider is gone

        public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

        internal void Write(string line)
        {
            lock (_lock) if (!_closed) _writer.WriteLine(line);
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _closed = true;
                _writer.Dispose();
            }
        }

        sealed class FileLogger(FileLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!IsEnabled(logLevel)) return;
                provider.Write(JsonSerializer.Serialize(new
                {
                    Timestamp = DateTime.UtcNow.ToString("O"),
                    LogLevel = logLevel.ToString(),
                    Category = category,
                    EventId = eventId.Id,
                    Message = formatter(state, exception),
                    Exception = exception?.ToString(),
                }));
            }
        }
    }
}
