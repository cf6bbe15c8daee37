using ProjectLibrary.Api.Features.Progress;

namespace ProjectLibrary.Api.Features.Projects;

/// <summary>
/// /api/projects/audit: the projects the caller sees (<see cref="RegionalScope.VisibleTo"/>: its county, a township
/// user its township), their monthly figures, and its region's locked months (every role of the region lists those).
/// </summary>
public static class ProjectAudit
{
    public static readonly AuditTrailPolicy<ProjectsDb> Policy = new AuditTrailPolicy<ProjectsDb>()
        .Entity<Project>((entries, db, caller) => entries.OfRecords(db.Projects.VisibleTo(caller).Select(p => p.Id)))
        .Entity<MonthlyProgress>((entries, db, caller) => entries.OfChildrenOf(db.Projects.VisibleTo(caller).Select(p => p.Id)))
        // An unlock deletes the lock, so its trail is scoped by the entries' own region rather than by the locks that remain.
        .Entity<ProgressLock>((entries, _, caller) => AuditScope.Region(entries, caller));
}
