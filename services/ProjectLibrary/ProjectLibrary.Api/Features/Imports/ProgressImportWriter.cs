using Platform.Contracts.ProjectLibrary;
using Platform.Messaging;
using ProjectLibrary.Api.Features.Progress;
using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Api.Features.Imports;

/// <summary>
/// Writes a progress plan in the caller's transaction as POST /api/projects/{id}/progress would, month by month: the
/// month stored or corrected, the project's version raised and its year-to-date recalculated, an audit entry for
/// each, and one ProgressReported per month (in month order, each with its own project version).
/// </summary>
public static class ProgressImportWriter
{
    public static async Task WriteAsync(ProjectsDb db, ProgressPlan plan, IReadOnlyList<MonthlyProgress> reported, CallerScope caller,
        DateTimeOffset now, CancellationToken ct)
    {
        if (plan.Changes.Count == 0) return;
        var projects = plan.Changes.Select(c => c.Project).DistinctBy(p => p.Id).ToList();
        await LockUnchangedAsync(db, projects, ct);

        var byYear = reported.GroupBy(m => (m.ProjectId, m.Year)).ToDictionary(g => g.Key, g => g.ToList());
        var created = new List<MonthlyProgress>();
        var corrected = new List<MonthlyProgress>();
        var audit = new List<AuditEntry>();
        var events = new List<object>();
        var projectBefore = projects.ToDictionary(p => p.Id, p => AuditSnapshot.Of(db, p));

        foreach (var change in plan.Changes.OrderBy(c => c.Project.Id).ThenBy(c => c.Period.Year).ThenBy(c => c.Period.Month))
        {
            var (project, period) = (change.Project, change.Period);
            MonthlyProgress entry;
            string? before = null;
            if (change.Existing is { } existing)
            {
                before = AuditSnapshot.Of(db, existing);
                existing.Correct(change.Amount, change.Note, caller.UserName, now);
                entry = existing;
                corrected.Add(existing);
            }
            else
            {
                entry = MonthlyProgress.Report(project.Id, project.RegionCode, period, change.Amount, change.Note, caller.UserName, now);
                if (!byYear.TryGetValue((project.Id, period.Year), out var list)) byYear[(project.Id, period.Year)] = list = [];
                list.Add(entry);
                created.Add(entry);
            }
            audit.Add(ImportWriter.Audit(caller, project.RegionCode, nameof(MonthlyProgress), $"{project.Id},{period.Year},{period.Month}",
                before is null ? "created" : "updated", before, AuditSnapshot.Of(db, entry), now));

            var ofYear = byYear[(project.Id, period.Year)];
            if (period.Year == project.Year) project.RecalculateYearToDate(ofYear.Select(m => (m.Month, m.CompletedInvestment)));
            project.Touch(now);
            events.Add(new ProgressReported
            {
                ProjectId = project.Id, RegionCode = project.RegionCode, Period = period.ToString(), CompletedInvestment = entry.CompletedInvestment,
                YearToDateInvestment = ofYear.Where(m => m.Month <= period.Month).Sum(m => m.CompletedInvestment),
                Version = project.Version, OccurredAt = now,
            });
        }
        foreach (var project in projects)
            audit.Add(ImportWriter.Audit(caller, project.RegionCode, nameof(Project), project.Id.ToString(), "updated", projectBefore[project.Id], AuditSnapshot.Of(db, project), now));

        await BulkCopy.InsertAsync(db, created, ct);
        if (await BulkCopy.UpdateAsync(db, corrected, "t.version = u.version - 1", ct) != corrected.Count)
            throw new ImportConflictException("导入期间有月份数字被他人更正，未导入任何数据；请重新导入。");
        await BulkCopy.UpdateAsync(db, projects, "true", ct); // their rows are locked since LockUnchangedAsync
        await AuditSnapshot.CopyAsync(db, audit, ct);
        await db.CopyEventsAsync(events, ct);
    }

    /// <summary>Locks the projects' rows for the rest of the transaction, refusing the import if any changed since the sheet was checked.</summary>
    static async Task LockUnchangedAsync(ProjectsDb db, List<Project> projects, CancellationToken ct)
    {
        var ids = projects.Select(p => p.Id).ToArray();
        var current = await db.Database.SqlQuery<VersionRow>($"select id as \"Id\", version as \"Version\" from projects where id = any({ids}) order by id for update")
            .ToDictionaryAsync(r => r.Id, r => r.Version, ct);
        var moved = projects.Count(p => !current.TryGetValue(p.Id, out var version) || version != p.Version);
        if (moved > 0) throw new ImportConflictException($"导入期间有 {moved} 个项目被他人修改，未导入任何数据；请重新导入。");
    }

    sealed record VersionRow(Guid Id, long Version);
}
