using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;

namespace Platform.Data;

/// <summary>Which of one entity type's audit entries a caller reads, given the entries of that type.</summary>
public delegate IQueryable<AuditEntry> AuditRows<in TDb>(IQueryable<AuditEntry> entries, TDb db, CallerScope caller) where TDb : DbContext;

/// <summary>
/// Who reads which part of a service's audit trail. Each audited entity type is listed with the rule of the service's
/// own read endpoints: which callers read the type at all, and which of its entries (region, township, parent record).
/// A type that is not listed, or whose readers exclude the caller, is not in the caller's trail at all.
/// </summary>
public sealed class AuditTrailPolicy<TDb> where TDb : DbContext
{
    sealed record Rule(string EntityType, Func<CallerScope, bool> Readers, AuditRows<TDb> Rows);

    readonly List<Rule> _rules = [];

    /// <param name="rows">The entries of <typeparamref name="T"/> the caller reads: the scope its read endpoints apply.</param>
    /// <param name="readers">The callers who read <typeparamref name="T"/> at all; everyone signed in when omitted.</param>
    public AuditTrailPolicy<TDb> Entity<T>(AuditRows<TDb> rows, Func<CallerScope, bool>? readers = null) where T : class, IAudited
    {
        _rules.Add(new(typeof(T).Name, readers ?? (_ => true), rows));
        return this;
    }

    /// <summary>False when the caller reads none of the trail's entity types: the trail as a whole is not theirs.</summary>
    public bool IsReadableBy(CallerScope caller) => _rules.Any(r => r.Readers(caller));

    /// <summary>The entries the caller may read, of one type or of every type it reads (one UNION ALL, paged by the caller).</summary>
    public IQueryable<AuditEntry> Readable(IQueryable<AuditEntry> entries, TDb db, CallerScope caller, string? entityType)
    {
        IQueryable<AuditEntry>? readable = null;
        foreach (var rule in _rules.Where(r => (entityType is null || r.EntityType == entityType) && r.Readers(caller)))
        {
            var type = rule.EntityType;
            var rows = rule.Rows(entries.Where(a => a.EntityType == type), db, caller);
            readable = readable is null ? rows : readable.Concat(rows);
        }
        return readable ?? entries.Where(_ => false);
    }
}

/// <summary>The building blocks of <see cref="AuditRows{TDb}"/>: the same scope rules the services' read endpoints apply.</summary>
public static class AuditScope
{
    /// <summary>Every entry: records everyone signed in reads (a city-wide catalogue).</summary>
    public static IQueryable<AuditEntry> Everyone(IQueryable<AuditEntry> entries, CallerScope _) => entries;

    /// <summary>Entries of the caller's region; the city reads all (<see cref="CallerScope.CanRead"/> without a township).</summary>
    public static IQueryable<AuditEntry> Region(IQueryable<AuditEntry> entries, CallerScope caller) =>
        caller.IsCity ? entries : entries.Where(a => a.RegionCode == caller.RegionCode);

    /// <summary>
    /// <see cref="CallerScope.CanRead"/> applied to the record as the entry left it: a township user reads only the entries
    /// whose record lies in its township. For records that may be deleted, whose trail must outlive them.
    /// </summary>
    public static IQueryable<AuditEntry> RegionAndTownship(IQueryable<AuditEntry> entries, CallerScope caller)
    {
        entries = Region(entries, caller);
        return caller.Township is null ? entries : entries.WhereRecordHas(new Dictionary<string, string> { ["township"] = caller.Township });
    }

    /// <summary>Entries whose record, as the entry left it (after, or before for a deletion), has these top-level values.</summary>
    public static IQueryable<AuditEntry> WhereRecordHas(this IQueryable<AuditEntry> entries, IReadOnlyDictionary<string, string> values)
    {
        var json = Snapshot(values);
        return entries.Where(a => EF.Functions.JsonContains(a.After ?? a.Before!, json));
    }

    /// <summary>The JSON object a snapshot must contain, for <c>EF.Functions.JsonContains</c> (jsonb @&gt;).</summary>
    public static string Snapshot(IReadOnlyDictionary<string, string> values) => JsonSerializer.Serialize(values);

    /// <summary>
    /// Entries of the records the service's own scoped query returns (its VisibleTo), so the trail follows exactly the
    /// rule its read endpoints apply, wherever the record moved. For records that are never deleted.
    /// </summary>
    public static IQueryable<AuditEntry> OfRecords(this IQueryable<AuditEntry> entries, IQueryable<Guid> visibleIds) =>
        entries.Where(a => visibleIds.Any(id => id.ToString() == a.EntityId));

    /// <summary>Entries of records keyed under a visible parent, e.g. a project's month "{projectId},2025,3".</summary>
    public static IQueryable<AuditEntry> OfChildrenOf(this IQueryable<AuditEntry> entries, IQueryable<Guid> visibleParentIds) =>
        entries.Where(a => visibleParentIds.Any(id => id.ToString() == a.EntityId.Substring(0, 36)));
}
