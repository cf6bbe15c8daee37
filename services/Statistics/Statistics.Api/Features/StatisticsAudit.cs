using Statistics.Api.Features.Duplicates;
using Statistics.Api.Features.Figures;
using Statistics.Api.Features.Inclusions;
using Statistics.Api.Features.Projects;

namespace Statistics.Api.Features;

/// <summary>
/// /api/statistics/audit: projects, inclusions and 统计数 as <see cref="RegionalScope.VisibleTo"/> scopes them (the county, a
/// township user its township), 调度数 by their project, and a duplicate pair for whoever sees either of its projects.
/// </summary>
public static class StatisticsAudit
{
    public static readonly AuditTrailPolicy<StatisticsDb> Policy = new AuditTrailPolicy<StatisticsDb>()
        .Entity<ProjectView>((entries, db, caller) => entries.OfRecords(db.Projects.VisibleTo(caller).Select(p => p.Id)))
        .Entity<Inclusion>((entries, db, caller) => entries.OfRecords(db.Inclusions.VisibleTo(caller).Select(i => i.Id)))
        .Entity<OfficialFigure>((entries, db, caller) => entries.OfRecords(db.OfficialFigures.VisibleTo(caller).Select(f => f.Id)))
        .Entity<ScheduledFigure>((entries, db, caller) => entries.OfChildrenOf(db.Projects.VisibleTo(caller).Select(p => p.Id)))
        .Entity<DuplicatePair>((entries, _, caller) => Pairs(entries, caller));

    /// <summary>A rescan deletes stale pairs, so the rule of the duplicates list is applied to each entry's own record.</summary>
    static IQueryable<AuditEntry> Pairs(IQueryable<AuditEntry> entries, CallerScope caller)
    {
        if (caller.IsCity) return entries;
        var first = AuditScope.Snapshot(Side("regionCode", "township", caller));
        var other = AuditScope.Snapshot(Side("otherRegionCode", "otherTownship", caller));
        return entries.Where(a => EF.Functions.JsonContains(a.After ?? a.Before!, first) || EF.Functions.JsonContains(a.After ?? a.Before!, other));
    }

    static Dictionary<string, string> Side(string region, string township, CallerScope caller) => caller.Township is null
        ? new() { [region] = caller.RegionCode }
        : new() { [region] = caller.RegionCode, [township] = caller.Township };
}
