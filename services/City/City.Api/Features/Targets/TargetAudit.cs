namespace City.Api.Features.Targets;

/// <summary>/api/city/audit: the targets the caller sees (<see cref="TargetEndpoints.VisibleTo"/>; a township user its district's and its own).</summary>
public static class TargetAudit
{
    public static readonly AuditTrailPolicy<CityDb> Policy = new AuditTrailPolicy<CityDb>()
        .Entity<Target>((entries, db, caller) => entries.OfRecords(db.Targets.VisibleTo(caller).Select(t => t.Id)));
}
