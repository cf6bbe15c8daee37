using Statistics.Api.Features.Projects;

namespace Statistics.Api.Features.Duplicates;

/// <summary>
/// Finds the projects a project is likely a duplicate of: the same national project code anywhere, or in the
/// same region a normalised name whose pg_trgm similarity reaches the configured level. Two different phases
/// ("一期" / "二期") halve the score, as they are usually separate projects. Changes are tracked, not saved.
/// </summary>
public sealed class DuplicateDetector(StatisticsDb db, StatisticsOptions options, TimeProvider clock)
{
    const int MinimumNameLength = 4;

    public async Task RefreshAsync(ProjectView project, CancellationToken ct)
    {
        if (!project.HasDetails) return;
        var matches = await MatchesAsync(project, ct);
        await db.DuplicatePairs.Where(d => d.ProjectId == project.Id || d.OtherProjectId == project.Id).LoadAsync(ct);
        var existing = db.DuplicatePairs.Local.Where(d => d.Involves(project.Id) && db.Entry(d).State != EntityState.Deleted).ToList();
        var now = clock.GetUtcNow();

        foreach (var (other, reason, score) in matches)
        {
            if (existing.FirstOrDefault(d => d.Partner(project.Id) == other.Id) is { } pair) pair.Rescore(reason, score, now);
            else db.DuplicatePairs.Add(DuplicatePair.Detect(project, other, reason, score, now));
        }
        // A candidate whose names no longer match (a rename) is withdrawn; decided pairs stay as decided.
        foreach (var stale in existing.Where(d => d.Status == DuplicateStatus.Candidate && matches.All(m => m.Other.Id != d.Partner(project.Id))))
            db.DuplicatePairs.Remove(stale);
    }

    /// <summary>On demand: re-examines every project in the caller's scope. Returns the number of projects examined.</summary>
    public async Task<int> ScanAsync(CallerScope caller, CancellationToken ct)
    {
        var projects = await db.Projects.VisibleTo(caller).Where(p => p.HasDetails).OrderBy(p => p.Id).ToListAsync(ct);
        foreach (var project in projects) await RefreshAsync(project, ct);
        return projects.Count;
    }

    async Task<List<(ProjectView Other, DuplicateReason Reason, decimal Score)>> MatchesAsync(ProjectView project, CancellationToken ct)
    {
        var result = new List<(ProjectView, DuplicateReason, decimal)>();
        if (project.NationalCode is { } code)
        {
            var sameCode = await db.Projects.AsNoTracking().Where(p => p.Id != project.Id && p.NationalCode == code).ToListAsync(ct);
            result.AddRange(sameCode.Select(p => (p, DuplicateReason.SameNationalCode, 1m)));
        }
        if (project.NormalizedName.Length < MinimumNameLength) return result;

        var name = project.NormalizedName;
        var similar = await db.Projects.AsNoTracking()
            .Where(p => p.RegionCode == project.RegionCode && p.Id != project.Id && p.HasDetails && EF.Functions.TrigramsAreSimilar(p.NormalizedName, name))
            .Select(p => new { Project = p, Score = EF.Functions.TrigramsSimilarity(p.NormalizedName, name) })
            .OrderByDescending(p => p.Score).Take(50)
            .ToListAsync(ct);
        foreach (var match in similar)
        {
            if (result.Any(r => r.Item1.Id == match.Project.Id)) continue;
            var score = (decimal)match.Score;
            if (ProjectNames.DifferentPhases(project.Name, match.Project.Name)) score /= 2;
            score = decimal.Round(score, 3, MidpointRounding.AwayFromZero);
            if (score >= (decimal)options.NameSimilarity) result.Add((match.Project, DuplicateReason.SimilarName, score));
        }
        return result;
    }
}
