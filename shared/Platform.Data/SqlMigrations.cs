using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Data;

/// <summary>
/// Applies a service's SQL migrations: embedded resources named <c>Migrations/NNNN_name.sql</c>, in
/// name order, each once, each in its own transaction, recorded in <c>schema_migrations</c>. A
/// PostgreSQL advisory lock lets several instances start at once safely. Plain SQL keeps the schema
/// reviewable (indexes, constraints, extensions such as pg_trgm) and needs no design-time tooling.
/// </summary>
public static class SqlMigrations
{
    public sealed record Script(string Id, string Sql);

    public static async Task MigrateAsync(DbContext db, Assembly assembly, IEnumerable<Script> builtIn, ILogger logger, CancellationToken ct = default)
    {
        var scripts = builtIn.Concat(EmbeddedScripts(assembly)).ToList();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await Execute(connection, "select pg_advisory_lock(7305391)", ct);
            try
            {
                await Execute(connection, "create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())", ct);
                var applied = new HashSet<string>();
                await using (var cmd = new NpgsqlCommand("select id from schema_migrations", connection))
                await using (var reader = await cmd.ExecuteReaderAsync(ct))
                    while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));

                foreach (var script in scripts.Where(s => !applied.Contains(s.Id)))
                {
                    await using var tx = await connection.BeginTransactionAsync(ct);
                    await using (var cmd = new NpgsqlCommand(script.Sql, connection, tx)) await cmd.ExecuteNonQueryAsync(ct);
                    await using (var cmd = new NpgsqlCommand("insert into schema_migrations (id) values (@id)", connection, tx))
                    {
                        cmd.Parameters.AddWithValue("id", script.Id);
                        await cmd.ExecuteNonQueryAsync(ct);
                    }
                    await tx.CommitAsync(ct);
                    logger.LogInformation("Applied migration {Migration}", script.Id);
                }
            }
            finally
            {
                await Execute(connection, "select pg_advisory_unlock(7305391)", CancellationToken.None);
            }
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    static IEnumerable<Script> EmbeddedScripts(Assembly assembly) =>
        assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Migrations.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                var id = n[(n.IndexOf(".Migrations.", StringComparison.Ordinal) + ".Migrations.".Length)..^".sql".Length];
                return new Script(id, reader.ReadToEnd());
            })
            .ToList();

    static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
