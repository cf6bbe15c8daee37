namespace ProjectLibrary.Api.Features.Problems;

/// <summary>/api/problems/audit: the problems the caller sees (<see cref="RegionalScope.VisibleTo"/>: its county, a township user its township).</summary>
public static class ProblemAudit
{
    public static readonly AuditTrailPolicy<ProjectsDb> Policy = new AuditTrailPolicy<ProjectsDb>()
        .Entity<ProjectProblem>((entries, db, caller) => entries.OfRecords(db.Problems.VisibleTo(caller).Select(p => p.Id)));
}
