using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Xunit;

namespace Platform.Testing;

/// <summary>
/// The SQL migration scripts are each schema's source of truth; the EF model must describe the tables they build.
/// Compares a context's relational model with the catalogue of its (migrated) database: every mapped table exists,
/// every mapped column exists with a compatible type and the same nullability, the primary key and every index of
/// the model (declared or made by convention for a foreign key) exist. Columns the model does not map are reported
/// only when they break EF's inserts (NOT NULL without a default); indexes and tables the model does not know are fine.
/// </summary>
public static class SchemaDrift
{
    /// <summary>Fails the test with every difference between <paramref name="db"/>'s model and its database.</summary>
    public static async Task AssertNoneAsync(DbContext db)
    {
        var drift = await FindAsync(db);
        Assert.True(drift.Count == 0, $"The EF model of {db.GetType().Name} and its migrated database differ:{Environment.NewLine}"
            + string.Join(Environment.NewLine, drift.Select(d => "  " + d)));
    }

    /// <summary>The differences between <paramref name="db"/>'s model and the database it is connected to, one sentence each.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(DbContext db)
    {
        // The design-time model keeps every relational annotation (filters, store types) the runtime model may trim.
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        // The context's own connection: once opened, a connection string no longer carries its password.
        await db.Database.OpenConnectionAsync();
        try
        {
            return Compare(model, await Catalogue.ReadAsync((NpgsqlConnection)db.Database.GetDbConnection()));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static List<string> Compare(IRelationalModel model, Catalogue catalogue)
    {
        var drift = new List<string>();
        foreach (var table in model.Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (!catalogue.Columns.TryGetValue(table.Name, out var columns))
            {
                drift.Add($"table {table.Name}: mapped by the model, missing from the database");
                continue;
            }
            foreach (var column in table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal))
                drift.AddRange(CompareColumn(table.Name, column, columns));
            var mapped = table.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            drift.AddRange(columns.Values
                .Where(c => !mapped.Contains(c.Name) && c.NotNull && !c.HasDefault)
                .Select(c => $"column {table.Name}.{c.Name}: NOT NULL without a default in the database but not mapped, so every insert from EF fails"));
            drift.AddRange(CompareKeysAndIndexes(table, catalogue.Indexes.GetValueOrDefault(table.Name, [])));
        }
        return drift;
    }

    static IEnumerable<string> CompareColumn(string table, IColumn column, IReadOnlyDictionary<string, DbColumn> columns)
    {
        if (!columns.TryGetValue(column.Name, out var actual))
        {
            yield return $"column {table}.{column.Name}: mapped by the model ({column.StoreType}), missing from the database";
            yield break;
        }
        if (!StoreTypes.Compatible(column.StoreType, actual.Type))
            yield return $"column {table}.{column.Name}: the model says {column.StoreType}, the database has {actual.Type}";
        if (column.IsNullable == actual.NotNull)
            yield return $"column {table}.{column.Name}: the model says {Nullability(column.IsNullable)}, the database has {Nullability(!actual.NotNull)}";
    }

    static string Nullability(bool nullable) => nullable ? "null" : "not null";

    static IEnumerable<string> CompareKeysAndIndexes(ITable table, IReadOnlyList<DbIndex> indexes)
    {
        if (table.PrimaryKey is { } key)
        {
            var keyColumns = key.Columns.Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
            var actual = indexes.FirstOrDefault(i => i.Primary);
            if (actual is null)
                yield return $"table {table.Name}: the model's primary key ({string.Join(", ", keyColumns)}) is missing from the database";
            else if (!actual.Columns.Order(StringComparer.Ordinal).SequenceEqual(keyColumns))
                yield return $"table {table.Name}: the model's primary key is ({string.Join(", ", keyColumns)}), the database's ({string.Join(", ", actual.Columns)})";
        }
        foreach (var unique in table.UniqueConstraints.Where(u => !u.GetIsPrimaryKey()))
        {
            var columns = unique.Columns.Select(c => c.Name).ToList();
            if (!indexes.Any(i => i.Unique && i.Filter is null && i.Columns.SequenceEqual(columns)))
                yield return $"table {table.Name}: the model's alternate key ({string.Join(", ", columns)}) has no unique index in the database";
        }
        foreach (var index in table.Indexes)
        {
            var columns = index.Columns.Select(c => c.Name).ToList();
            if (!indexes.Any(i => Serves(i, columns, index.IsUnique, index.Filter)))
                yield return $"table {table.Name}: the model's {(index.IsUnique ? "unique " : "")}index {index.Name} on ({string.Join(", ", columns)})"
                    + (index.Filter is null ? "" : $" where {index.Filter}") + " is missing from the database";
        }
    }

    /// <summary>
    /// Whether a database index does the job of a model index: a unique one must match its columns exactly; for a
    /// plain one (often made by convention for a foreign key) an index that starts with its columns serves lookups as well.
    /// </summary>
    static bool Serves(DbIndex actual, List<string> columns, bool unique, string? filter)
    {
        if (!SameFilter(filter, actual.Filter)) return false;
        if (unique) return actual.Unique && actual.Columns.SequenceEqual(columns);
        return actual.Columns.Count >= columns.Count && actual.Columns.Take(columns.Count).SequenceEqual(columns);
    }

    /// <summary>PostgreSQL prints a predicate back in its own spelling ("(sent_at IS NULL)"), so compare without case, brackets or spaces.</summary>
    static bool SameFilter(string? model, string? database) =>
        Squeeze(model) == Squeeze(database);

    static string? Squeeze(string? sql) => sql is null ? null : Regex.Replace(sql.ToLowerInvariant(), @"[\s()]", "");

    /// <summary>Type names as the model and format_type spell them, reduced to one spelling per type.</summary>
    static class StoreTypes
    {
        static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
        {
            ["int"] = "integer", ["int4"] = "integer", ["serial"] = "integer", ["serial4"] = "integer",
            ["int8"] = "bigint", ["bigserial"] = "bigint", ["serial8"] = "bigint",
            ["int2"] = "smallint", ["smallserial"] = "smallint", ["serial2"] = "smallint",
            ["bool"] = "boolean",
            ["float8"] = "double precision", ["float4"] = "real",
            ["timestamptz"] = "timestamp with time zone", ["timestamp"] = "timestamp without time zone",
            ["timetz"] = "time with time zone", ["time"] = "time without time zone",
            ["decimal"] = "numeric", ["char"] = "character", ["bpchar"] = "character",
            // An unbounded varchar is text in all but name; a bounded one is put back below with its limit.
            ["varchar"] = "text", ["character varying"] = "text",
        };

        public static bool Compatible(string model, string database) => Normalise(model) == Normalise(database);

        public static string Normalise(string type)
        {
            var t = Regex.Replace(type.Trim().ToLowerInvariant(), @"\s+", " ");
            t = Regex.Replace(t, @"\s*([(,])\s*", "$1");
            t = Regex.Replace(t, @"\s*([)\]])", "$1");
            t = Regex.Replace(t, @"\s*\[", "[");
            var array = "";
            while (t.EndsWith("[]", StringComparison.Ordinal))
            {
                array += "[]";
                t = t[..^2];
            }
            // format_type writes a time's precision inside its name: "timestamp(3) with time zone".
            var time = Regex.Match(t, @"^(timestamp|time)(\(\d+\))? (with(?:out)? time zone)$");
            var open = t.IndexOf('(');
            var (name, modifier) = time.Success ? ($"{time.Groups[1].Value} {time.Groups[3].Value}", time.Groups[2].Value)
                : open < 0 ? (t, "") : (t[..open], t[open..]);
            if (Aliases.TryGetValue(name, out var canonical)) name = canonical;
            if (name == "text" && modifier.Length > 0) name = "character varying"; // varchar(n): the limit counts
            return name + modifier + array;
        }
    }

    sealed record DbColumn(string Name, string Type, bool NotNull, bool HasDefault);

    sealed record DbIndex(string Name, IReadOnlyList<string> Columns, bool Unique, bool Primary, string? Filter);

    /// <summary>The tables, columns and indexes of the current schema, read from pg_catalog.</summary>
    sealed record Catalogue(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, DbColumn>> Columns,
        IReadOnlyDictionary<string, IReadOnlyList<DbIndex>> Indexes)
    {
        const string ColumnsSql = """
            select c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   a.atthasdef or a.attidentity <> '' or a.attgenerated <> ''
            from pg_attribute a
            join pg_class c on c.oid = a.attrelid
            where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
              and a.attnum > 0 and not a.attisdropped
            """;

        // Key columns in index order; an expression stands in as "(expression)" so it never matches a column.
        const string IndexesSql = """
            select t.relname, i.relname,
                   array(select coalesce(a.attname, '(expression)')
                         from unnest(x.indkey::int2[]) with ordinality k(attnum, position)
                         left join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
                         where k.position <= x.indnkeyatts
                         order by k.position),
                   x.indisunique, x.indisprimary, pg_get_expr(x.indpred, x.indrelid)
            from pg_index x
            join pg_class i on i.oid = x.indexrelid
            join pg_class t on t.oid = x.indrelid
            where t.relnamespace = current_schema()::regnamespace
            """;

        public static async Task<Catalogue> ReadAsync(NpgsqlConnection connection)
        {
            var columns = new List<(string Table, DbColumn Column)>();
            await using (var cmd = new NpgsqlCommand(ColumnsSql, connection))
            await using (var reader = await cmd.ExecuteReaderAsync())
                while (await reader.ReadAsync())
                    columns.Add((reader.GetString(0), new DbColumn(reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetBoolean(4))));
            var indexes = new List<(string Table, DbIndex Index)>();
            await using (var cmd = new NpgsqlCommand(IndexesSql, connection))
            await using (var reader = await cmd.ExecuteReaderAsync())
                while (await reader.ReadAsync())
                    indexes.Add((reader.GetString(0), new DbIndex(reader.GetString(1), reader.GetFieldValue<string[]>(2),
                        reader.GetBoolean(3), reader.GetBoolean(4), reader.IsDBNull(5) ? null : reader.GetString(5))));
            return new Catalogue(
                columns.GroupBy(c => c.Table).ToDictionary(g => g.Key,
                    g => (IReadOnlyDictionary<string, DbColumn>)g.ToDictionary(c => c.Column.Name, c => c.Column, StringComparer.Ordinal), StringComparer.Ordinal),
                indexes.GroupBy(i => i.Table).ToDictionary(g => g.Key,
                    g => (IReadOnlyList<DbIndex>)g.Select(i => i.Index).ToList(), StringComparer.Ordinal));
        }
    }
}
