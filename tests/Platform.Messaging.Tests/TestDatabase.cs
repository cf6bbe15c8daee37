using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Platform.Messaging.Tests;

/// <summary>
/// Class fixture: a throw-away database with the messaging schema (applied from <see cref="MessagingSchema.Sql"/>,
/// exactly as a service's migration runner would) and the test tables. Dropped, with this class's queues, at the end.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private readonly string _name = "messaging_test_" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<string> _prefixes = [];

    public string ConnectionString { get; private set; } = "";

    /// <summary>Queue prefix for one test's hosts; unique per run and per test.</summary>
    public string NewPrefix()
    {
        lock (_prefixes)
        {
            var prefix = $"msgtest-{TestEnvironment.RunId}-{_name[^4..]}{_prefixes.Count}";
            _prefixes.Add(prefix);
            return prefix;
        }
    }

    public async Task InitializeAsync()
    {
        await Admin($"CREATE DATABASE {_name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(TestEnvironment.PgAdmin) { Database = _name }.ConnectionString;
        await Execute(MessagingSchema.Sql + TestDbContext.Sql);
    }

    public async Task DisposeAsync()
    {
        try { await TestEnvironment.DeleteQueues(_prefixes); }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Admin($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
        }
    }

    /// <summary>Each test starts from empty tables, so one test's pending rows never reach the next test's dispatcher.</summary>
    public Task Reset() => Execute("TRUNCATE outbox_messages, inbox_messages, widgets, widget_projections");

    public async Task Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> Scalar<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A context outside any host, for reading state (AddEvent needs a host's context).</summary>
    public TestDbContext NewContext() =>
        new(new DbContextOptionsBuilder<TestDbContext>().UseNpgsql(ConnectionString).Options);

    private static async Task Admin(string sql)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.PgAdmin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
