using Microsoft.EntityFrameworkCore;

namespace Platform.Messaging.Tests;

/// <summary>
/// Class fixture: a throw-away database (<see cref="TestDatabase"/>) with the messaging schema (applied from
/// <see cref="MessagingSchema.Sql"/>, exactly as a service's migration runner would) and the test tables.
/// Dropped, with this class's queues, at the end.
/// </summary>
public sealed class MessagingDatabase : IAsyncLifetime
{
    private readonly List<string> _prefixes = [];
    private TestDatabase _database = null!;

    public string ConnectionString => _database.ConnectionString;

    /// <summary>Queue prefix for one test's hosts; unique per run and per test.</summary>
    public string NewPrefix()
    {
        lock (_prefixes)
        {
            var prefix = $"msgtest-{TestEnvironment.RunId}-{_database.Name[^4..]}{_prefixes.Count}";
            _prefixes.Add(prefix);
            return prefix;
        }
    }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("messaging_test");
        await Execute(MessagingSchema.Sql + TestDbContext.Sql);
    }

    public async Task DisposeAsync()
    {
        try { await Broker.DeleteQueuesAsync(_prefixes); }
        finally { await _database.DisposeAsync(); }
    }

    /// <summary>Each test starts from empty tables, so one test's pending rows never reach the next test's dispatcher.</summary>
    public Task Reset() => Execute("TRUNCATE outbox_messages, inbox_messages, widgets, widget_projections");

    public Task Execute(string sql) => _database.ExecuteAsync(sql);

    public async Task<T> Scalar<T>(string sql) => (await _database.ScalarAsync<T>(sql))!;

    /// <summary>A context outside any host, for reading state (AddEvent needs a host's context).</summary>
    public TestDbContext NewContext() =>
        new(new DbContextOptionsBuilder<TestDbContext>().UseNpgsql(ConnectionString).Options);
}
