using Statistics.Api.Features.Duplicates;
using Statistics.Api.Features.Inclusions;

namespace Statistics.Api.Features.Projects;

public static class ProjectQueries
{
    /// <summary>The same test as <see cref="ProjectView.IsStarted"/>, in SQL.</summary>
    public static IQueryable<ProjectView> Started(this IQueryable<ProjectView> projects) =>
        projects.Where(p => p.Stage != ProjectView.Terminated && (p.ActualStartDate != null || ProjectView.StartedStages.Contains(p.Stage)));

    /// <summary>Projects with an approved inclusion (入统).</summary>
    public static IQueryable<Guid> IncludedProjectIds(this StatisticsDb db) =>
        db.Inclusions.Where(i => i.Status == InclusionStatus.Approved).Select(i => i.ProjectId);

    /// <summary>Projects confirmed as duplicates of one already included: they are counted through it.</summary>
    public static IQueryable<Guid> CountedThroughDuplicateIds(this StatisticsDb db)
    {
        var included = db.IncludedProjectIds();
        var confirmed = db.DuplicatePairs.Where(d => d.Status == DuplicateStatus.Confirmed);
        return confirmed.Where(d => included.Contains(d.OtherProjectId)).Select(d => d.ProjectId)
            .Concat(confirmed.Where(d => included.Contains(d.ProjectId)).Select(d => d.OtherProjectId));
    }

    public static Task<bool> IsIncludedAsync(this StatisticsDb db, Guid projectId, CancellationToken ct) =>
        db.Inclusions.AnyAsync(i => i.ProjectId == projectId && i.Status == InclusionStatus.Approved, ct);

    public static Task<bool> IsCountedThroughDuplicateAsync(this StatisticsDb db, Guid projectId, CancellationToken ct) =>
        db.CountedThroughDuplicateIds().AnyAsync(id => id == projectId, ct);
}
