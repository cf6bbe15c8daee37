using Platform.Contracts.ProjectLibrary;
using Platform.Messaging;

namespace City.Api.Features.ReadModels;

/// <summary>
/// The problem ledger's copy. The events are partial, so out-of-order delivery is handled per part: the
/// status follows the newest version; the title (raised) and the assignment (assigned) are filled in whenever
/// they are still missing, so a late ProblemRaised still names a problem already assigned.
/// </summary>
public sealed class ProblemProjection(CityDb db)
{
    public async Task<bool> ApplyAsync(object message, CancellationToken ct)
    {
        var (problemId, projectId, region, version, at) = message switch
        {
            ProblemRaised e => (e.ProblemId, e.ProjectId, e.RegionCode, e.Version, e.OccurredAt),
            ProblemAssigned e => (e.ProblemId, e.ProjectId, e.RegionCode, e.Version, e.OccurredAt),
            ProblemEscalated e => (e.ProblemId, e.ProjectId, e.RegionCode, e.Version, e.OccurredAt),
            ProblemClosed e => (e.ProblemId, e.ProjectId, e.RegionCode, e.Version, e.OccurredAt),
            _ => throw new ArgumentException(message.GetType().Name, nameof(message)),
        };
        await db.Database.ExecuteSqlAsync($"select pg_advisory_xact_lock(4711, hashtext({problemId.ToString()}))", ct);
        var problem = await db.Problems.FindAsync([problemId], ct);
        EventRegion.EnsureUnchanged(problem?.RegionCode, region, "Problem", problemId);
        if (problem is null) db.Problems.Add(problem = new ProblemView { ProblemId = problemId, ProjectId = projectId, RegionCode = region, UpdatedAt = at });
        var newer = EventVersion.IsNewer(version, problem.Version == 0 ? null : problem.Version);
        var changed = newer;
        switch (message)
        {
            case ProblemRaised e:
                if (problem.Title is null) (problem.Title, problem.Level, changed) = (e.Title, problem.Level ?? e.Level, true);
                if (newer) problem.Status = "raised";
                break;
            case ProblemAssigned e:
                if (newer || problem.Department is null)
                    (problem.Department, problem.Assignee, problem.DueDate, changed) = (e.Department, e.Assignee, e.DueDate, true);
                if (newer) problem.Status = "assigned";
                break;
            case ProblemEscalated e:
                if (newer) (problem.Level, problem.Status) = (e.Level, "escalated");
                break;
            case ProblemClosed e:
                if (newer) (problem.Status, problem.Resolution) = (ProblemView.Closed, e.Resolution);
                break;
        }
        if (!changed) return false;
        if (newer) (problem.Version, problem.UpdatedAt) = (version, at);
        return true;
    }
}
