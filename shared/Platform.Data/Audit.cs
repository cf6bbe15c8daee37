using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Http;

namespace Platform.Data;

/// <summary>An entity whose every change is written to the audit log (who, when, before, after).</summary>
public interface IAudited
{
    /// <summary>The region the record belongs to, so the audit trail is scoped like the record.</summary>
    string RegionCode { get; }
}

/// <summary>A secret (a password hash) that the audit log records only as "***".</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;

public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public string? ActorRegion { get; set; }
    public required string RegionCode { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    /// <summary>created, updated or deleted.</summary>
    public required string Action { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? CorrelationId { get; set; }
}

public static class AuditSchema
{
    public const string Sql = """
        create table if not exists audit_log (
            id bigint generated always as identity primary key,
            at timestamptz not null default now(),
            actor text not null,
            actor_region text null,
            region_code text not null,
            entity_type text not null,
            entity_id text not null,
            action text not null,
            before jsonb null,
            after jsonb null,
            correlation_id text null
        );
        create index if not exists ix_audit_log_entity on audit_log (entity_type, entity_id, id);
        create index if not exists ix_audit_log_region_at on audit_log (region_code, at);
        """;

    public static ModelBuilder AddAuditLog(this ModelBuilder model)
    {
        model.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_log");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).UseIdentityAlwaysColumn();
            e.Property(a => a.Before).HasColumnType("jsonb");
            e.Property(a => a.After).HasColumnType("jsonb");
        });
        return model;
    }
}

/// <summary>Who is acting: the signed-in user, or the named background process (a consumer, a job).</summary>
public sealed class Actor(IHttpContextAccessor http)
{
    string? _system;

    /// <summary>Marks the current scope as a background process, e.g. "consumer:ApprovalsCompleted".</summary>
    public void ActAsSystem(string name) => _system = "system:" + name;

    /// <summary>Marks the current scope as the consumer of an event: the audit trail names it, e.g. "system:ProjectStarted".</summary>
    public void ActOnEvent<TEvent>() => ActAsSystem(typeof(TEvent).Name);

    public (string Name, string? Region) Current
    {
        get
        {
            if (_system is not null) return (_system, null);
            var user = http.HttpContext?.User;
            if (user?.Identity?.IsAuthenticated != true) return ("system", null);
            var scope = CallerScope.FromPrincipal(user);
            return (scope.UserName, scope.RegionCode);
        }
    }
}

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every added, changed or deleted <see cref="IAudited"/> entity
/// inside the same SaveChanges, so the change and its audit record commit or fail together.
/// </summary>
public sealed class AuditInterceptor(Actor actor) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) AddEntries(db);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db) AddEntries(db);
        return base.SavingChanges(eventData, result);
    }

    void AddEntries(DbContext db)
    {
        var (name, region) = actor.Current;
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in entries)
        {
            var audit = new AuditEntry
            {
                At = DateTimeOffset.UtcNow,
                Actor = name,
                ActorRegion = region,
                RegionCode = ((IAudited)entry.Entity).RegionCode,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Action = entry.State switch { EntityState.Added => "created", EntityState.Deleted => "deleted", _ => "updated" },
                Before = entry.State == EntityState.Added ? null : Serialize(entry, original: true),
                After = entry.State == EntityState.Deleted ? null : Serialize(entry, original: false),
                CorrelationId = Correlation.CurrentId,
            };
            if (audit.Action == "updated" && audit.Before == audit.After) continue;
            db.Add(audit);
        }
    }

    static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));

    static string Serialize(EntityEntry entry, bool original) =>
        AuditSnapshot.Serialize(entry.Metadata, p => original ? entry.Property(p.Name).OriginalValue : entry.Property(p.Name).CurrentValue);
}

/// <summary>
/// The audit log's picture of an entity (every mapped property, camelCase, sorted, secrets masked), shared by the
/// interceptor and by bulk writers that bypass SaveChanges, so both leave the same trail.
/// </summary>
public static class AuditSnapshot
{
    public static string Serialize(IEntityType type, Func<IProperty, object?> value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Json.Options.Encoder }))
        {
            json.WriteStartObject();
            foreach (var (name, property, secret) in Properties.GetOrAdd(type, Describe))
            {
                json.WritePropertyName(name);
                if (secret) json.WriteStringValue("***");
                else WriteValue(json, value(property));
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // Sorted camelCase names, computed once per entity type: bulk imports take a snapshot of every row.
    static readonly System.Collections.Concurrent.ConcurrentDictionary<IEntityType, (string Name, IProperty Property, bool Secret)[]> Properties = new();

    static (string, IProperty, bool)[] Describe(IEntityType type) => type.GetProperties()
        .Select(p => (JsonNamingPolicy.CamelCase.ConvertName(p.Name), p, p.PropertyInfo?.IsDefined(typeof(NotAuditedAttribute), inherit: false) == true))
        .OrderBy(p => p.Item1, StringComparer.Ordinal).ToArray();

    /// <summary>The common types written directly; anything else (enums: camelCase strings) as the API's JSON options write it.</summary>
    static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string v: json.WriteStringValue(v); break;
            case Guid v: json.WriteStringValue(v); break;
            case decimal v: json.WriteNumberValue(v); break;
            case int v: json.WriteNumberValue(v); break;
            case long v: json.WriteNumberValue(v); break;
            case bool v: json.WriteBooleanValue(v); break;
            case DateTimeOffset v: json.WriteStringValue(v); break;
            default: JsonSerializer.Serialize(json, value, value.GetType(), Json.Options); break;
        }
    }

    /// <summary>The snapshot of an entity that is not tracked (read with AsNoTracking, or built for a bulk insert).</summary>
    public static string Of<T>(DbContext db, T entity) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        return Serialize(type, p => p.GetGetter().GetClrValueUsingContainingEntity(entity));
    }

    /// <summary>
    /// Writes audit entries with one binary COPY inside the caller's open transaction, for bulk changes that bypass
    /// SaveChanges (and so the <see cref="AuditInterceptor"/>).
    /// </summary>
    public static async Task CopyAsync(DbContext db, IEnumerable<AuditEntry> entries, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("CopyAsync writes inside the caller's transaction; begin one first.");
        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        await using var copy = await connection.BeginBinaryImportAsync(
            "copy audit_log (at, actor, actor_region, region_code, entity_type, entity_id, action, before, after, correlation_id) from stdin (format binary)", ct);
        foreach (var e in entries)
        {
            copy.StartRow();
            BulkCopy.Write(copy, e.At, NpgsqlTypes.NpgsqlDbType.TimestampTz);
            BulkCopy.Write(copy, e.Actor, NpgsqlTypes.NpgsqlDbType.Text);
            BulkCopy.Write(copy, e.ActorRegion, NpgsqlTypes.NpgsqlDbType.Text);
            BulkCopy.Write(copy, e.RegionCode, NpgsqlTypes.NpgsqlDbType.Text);
            BulkCopy.Write(copy, e.EntityType, NpgsqlTypes.NpgsqlDbType.Text);
            BulkCopy.Write(copy, e.EntityId, NpgsqlTypes.NpgsqlDbType.Text);
            BulkCopy.Write(copy, e.Action, NpgsqlTypes.NpgsqlDbType.Text);
            BulkCopy.Write(copy, e.Before, NpgsqlTypes.NpgsqlDbType.Jsonb);
            BulkCopy.Write(copy, e.After, NpgsqlTypes.NpgsqlDbType.Jsonb);
            BulkCopy.Write(copy, e.CorrelationId, NpgsqlTypes.NpgsqlDbType.Text);
        }
        await copy.CompleteAsync(ct);
    }
}
