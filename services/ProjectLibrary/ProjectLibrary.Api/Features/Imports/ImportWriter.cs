using Platform.Contracts.ProjectLibrary;
using Platform.Messaging;
using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Api.Features.Imports;

/// <summary>Another user changed a project the sheet updates while the import ran: nothing was written.</summary>
public sealed class ImportConflictException(string message) : Exception(message);

/// <summary>
/// Writes a plan in the caller's transaction with binary COPY: new projects, changed projects (guarded by their
/// version), one audit entry and one event (ProjectRegistered / ProjectUpdated) per project, as a single-row change would.
/// </summary>
public static class ImportWriter
{
    public static async Task WriteAsync(ProjectsDb db, ImportPlan plan, CallerScope caller, DateTimeOffset now, CancellationToken ct)
    {
        var audit = new List<AuditEntry>(plan.Creates.Count + plan.Updates.Count);
        var events = new List<object>(plan.Creates.Count + plan.Updates.Count);

        foreach (var project in plan.Creates)
        {
            audit.Add(Entry(caller, project, "created", before: null, AuditSnapshot.Of(db, project), now));
            events.Add(new ProjectRegistered { Project = project.ToSnapshot(), Version = project.Version, OccurredAt = now });
        }

        var updated = new List<Project>(plan.Updates.Count);
        var yearChanged = new List<Guid>();
        foreach (var (project, input) in plan.Updates)
        {
            var before = AuditSnapshot.Of(db, project);
            var planYear = project.Year;
            project.Update(input, now);
            if (project.Year != planYear) yearChanged.Add(project.Id);
            updated.Add(project);
            audit.Add(Entry(caller, project, "updated", before, AuditSnapshot.Of(db, project), now));
            events.Add(new ProjectUpdated { Project = project.ToSnapshot(), Version = project.Version, OccurredAt = now });
        }

        await BulkCopy.InsertAsync(db, plan.Creates, ct);
        var changed = await BulkCopy.UpdateAsync(db, updated, "t.version = u.version - 1", ct);
        if (changed != updated.Count)
            throw new ImportConflictException($"导入期间有 {updated.Count - changed} 个项目被他人修改，未导入任何数据；请重新导入。");
        if (yearChanged.Count > 0) await RecalculateYearToDate(db, yearChanged, ct);
        await AuditSnapshot.CopyAsync(db, audit, ct);
        await db.CopyEventsAsync(events, ct);
    }

    /// <summary>The audit entry a bulk write leaves for one record, naming the person who uploaded the sheet.</summary>
    internal static AuditEntry Audit(CallerScope caller, string region, string type, string id, string action, string? before, string after,
        DateTimeOffset now) => new()
        {
            At = now, Actor = caller.UserName, ActorRegion = caller.RegionCode, RegionCode = region, EntityType = type, EntityId = id,
            Action = action, Before = before, After = after, CorrelationId = Correlation.CurrentId,
        };

    static AuditEntry Entry(CallerScope caller, Project project, string action, string? before, string after, DateTimeOffset now) =>
        Audit(caller, project.RegionCode, nameof(Project), project.Id.ToString(), action, before, after, now);

    /// <summary>A new plan year: the maintained year-to-date follows that year's reported months (as PUT does).</summary>
    static Task RecalculateYearToDate(ProjectsDb db, List<Guid> ids, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            update projects p set
              year_to_date_investment = coalesce((select sum(x.completed_investment) from project_progress x where x.project_id = p.id and x.year = p.year), 0),
              reported_through_month = coalesce((select max(x.month) from project_progress x where x.project_id = p.id and x.year = p.year), 0)
            where p.id = any({ids.ToArray()})
            """, ct);
}
