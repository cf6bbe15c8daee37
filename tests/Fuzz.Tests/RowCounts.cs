using Npgsql;

namespace Fuzz.Tests;

/// <summary>The number of rows of every table of one service's database: the "nothing was half-written" evidence.</summary>
public sealed class RowCounts(string connectionString)
{
    List<string>? _tables;

    public async Task<Dictionary<string, long>> TakeAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        if (_tables is null)
        {
            _tables = [];
            await using var list = new NpgsqlCommand(
                "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1", connection);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) _tables.Add(reader.GetString(0));
        }
        var counts = new Dictionary<string, long>();
        if (_tables.Count == 0) return counts;
        var sql = string.Join(" union all ", _tables.Select(t => $"select '{t}', count(*) from \"{t}\""));
        await using var command = new NpgsqlCommand(sql, connection);
        await using var rows = await command.ExecuteReaderAsync();
        while (await rows.ReadAsync()) counts[rows.GetString(0)] = rows.GetInt64(1);
        return counts;
    }

    /// <summary>Outbox rows not yet published (0 when the service has no outbox).</summary>
    public async Task<long> UnsentAsync(bool failedOnly = false, bool pendingOnly = false)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var exists = new NpgsqlCommand("select to_regclass('outbox_messages') is not null", connection))
            if (!(bool)(await exists.ExecuteScalarAsync())!) return 0;
        await using var command = new NpgsqlCommand(
            "select count(*) from outbox_messages where sent_at is null" + (failedOnly ? " and last_error is not null" : "")
            + (pendingOnly ? " and last_error is null" : ""), connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static IEnumerable<string> Differences(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        before.Keys.Union(after.Keys)
            .Select(t => (Table: t, Before: before.GetValueOrDefault(t), After: after.GetValueOrDefault(t)))
            .Where(d => d.Before != d.After)
            .Select(d => $"{d.Table} {d.Before}→{d.After}");
}
