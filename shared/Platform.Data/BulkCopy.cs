using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Platform.Data;

/// <summary>
/// Inserts or updates many entities of one mapped type with PostgreSQL binary COPY, inside the caller's open
/// transaction, using the EF model for table, columns and value conversions (so enums are stored exactly as
/// SaveChanges would store them). For bulk imports only: it bypasses change tracking and the interceptors, so the
/// caller writes the audit entries (<see cref="AuditSnapshot.CopyAsync"/>) and the events itself.
/// </summary>
public static class BulkCopy
{
    public static async Task InsertAsync<T>(DbContext db, IReadOnlyCollection<T> entities, CancellationToken ct = default) where T : class
    {
        if (entities.Count == 0) return;
        var (table, columns) = Describe<T>(db);
        await CopyAsync(db, Quote(table), columns, entities, ct);
    }

    /// <summary>
    /// Sets every column of the rows with the entities' keys to the entities' values where <paramref name="condition"/>
    /// holds (t is the table, u the new values, e.g. "t.version = u.version - 1"). Returns how many rows were changed,
    /// so the caller can tell a lost race from success.
    /// </summary>
    public static async Task<int> UpdateAsync<T>(DbContext db, IReadOnlyCollection<T> entities, string condition, CancellationToken ct = default) where T : class
    {
        if (entities.Count == 0) return 0;
        var (table, columns) = Describe<T>(db);
        var keys = db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName()).ToHashSet();
        var staging = "bulk_" + table;
        // Identifiers come from the EF model and are quoted; the condition is the caller's constant SQL.
        var create = $"create temp table if not exists {Quote(staging)} (like {Quote(table)}) on commit drop; truncate {Quote(staging)}";
        await db.Database.ExecuteSqlRawAsync(create, ct);
        await CopyAsync(db, Quote(staging), columns, entities, ct);
        var set = string.Join(", ", columns.Where(c => !keys.Contains(c.Name)).Select(c => $"{Quote(c.Name)} = u.{Quote(c.Name)}"));
        var match = string.Join(" and ", keys.Select(k => $"t.{Quote(k)} = u.{Quote(k)}"));
        var update = $"update {Quote(table)} t set {set} from {Quote(staging)} u where {match} and ({condition})";
        return await db.Database.ExecuteSqlRawAsync(update, ct);
    }

    sealed record Column(string Name, NpgsqlDbType Type, Func<object, object?> Read);

    static (string Table, IReadOnlyList<Column> Columns) Describe<T>(DbContext db)
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = type.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var columns = type.GetProperties().Select(p =>
        {
            var getter = p.GetGetter();
            var converter = p.GetTypeMapping().Converter;
            Func<object, object?> read = converter is null
                ? getter.GetClrValueUsingContainingEntity
                : e => getter.GetClrValueUsingContainingEntity(e) is { } v ? converter.ConvertToProvider(v) : null;
            return new Column(p.GetColumnName(), DbType(p.GetColumnType()), read);
        }).ToList();
        return (table, columns);
    }

    static async Task CopyAsync<T>(DbContext db, string table, IReadOnlyList<Column> columns, IEnumerable<T> entities, CancellationToken ct) where T : class
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("BulkCopy writes inside the caller's transaction; begin one first.");
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var list = string.Join(", ", columns.Select(c => Quote(c.Name)));
        await using var copy = await connection.BeginBinaryImportAsync($"copy {table} ({list}) from stdin (format binary)", ct);
        foreach (var entity in entities)
        {
            copy.StartRow();
            foreach (var column in columns) Write(copy, column.Read(entity), column.Type);
        }
        await copy.CompleteAsync(ct);
    }

    /// <summary>
    /// One value with its static type, so Npgsql picks its converter once per type rather than per value. Synchronous:
    /// it only fills the importer's buffer, which is flushed when full; awaiting each value costs more than writing it.
    /// </summary>
    public static void Write(NpgsqlBinaryImporter copy, object? value, NpgsqlDbType type)
    {
        switch (value)
        {
            case null: copy.WriteNull(); break;
            case string v: copy.Write(v, type); break;
            case Guid v: copy.Write(v, type); break;
            case decimal v: copy.Write(v, type); break;
            case int v: copy.Write(v, type); break;
            case long v: copy.Write(v, type); break;
            case bool v: copy.Write(v, type); break;
            case DateOnly v: copy.Write(v, type); break;
            case DateTimeOffset v: copy.Write(v, type); break;
            case DateTime v: copy.Write(v, type); break;
            case byte[] v: copy.Write(v, type); break;
            default: copy.Write(value, type); break;
        }
    }

    static NpgsqlDbType DbType(string columnType) => columnType.Split('(')[0].Trim() switch
    {
        "uuid" => NpgsqlDbType.Uuid,
        "text" => NpgsqlDbType.Text,
        "character varying" => NpgsqlDbType.Varchar,
        "numeric" => NpgsqlDbType.Numeric,
        "integer" => NpgsqlDbType.Integer,
        "smallint" => NpgsqlDbType.Smallint,
        "bigint" => NpgsqlDbType.Bigint,
        "boolean" => NpgsqlDbType.Boolean,
        "date" => NpgsqlDbType.Date,
        "timestamp with time zone" => NpgsqlDbType.TimestampTz,
        "double precision" => NpgsqlDbType.Double,
        "jsonb" => NpgsqlDbType.Jsonb,
        "bytea" => NpgsqlDbType.Bytea,
        var other => throw new NotSupportedException($"BulkCopy does not know the column type {other}."),
    };

    static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
