using ProjectLibrary.Api.Features.Progress;
using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Api.Features.Imports;

/// <summary>The rows of a month's progress sheet: the projects the caller reports for, with what is already on record.</summary>
public static class ProgressTemplate
{
    public const int MaxRows = 50_000;

    /// <summary>
    /// The caller's projects whose plan year is the month's year and that are not terminated, ordered by region and
    /// name, each with the year's total before the month and the month's figure if already reported; null when too many.
    /// </summary>
    public static async Task<IReadOnlyList<ProgressSheet.Line>?> LinesAsync(ProjectsDb db, CallerScope caller, Period month, CancellationToken ct)
    {
        var projects = await db.Projects.AsNoTracking().Where(p => p.RegionCode == caller.RegionCode)
            .Where(p => caller.Township == null || p.Township == caller.Township)
            .Where(p => p.Year == month.Year && p.Stage != ProjectStage.Terminated)
            .OrderBy(p => p.RegionCode).ThenBy(p => p.Name).Take(MaxRows + 1).ToListAsync(ct);
        if (projects.Count > MaxRows) return null;
        var ids = projects.Select(p => p.Id).ToArray();
        var months = await db.Progress.AsNoTracking().Where(m => ids.Contains(m.ProjectId) && m.Year == month.Year && m.Month <= month.Month)
            .ToListAsync(ct);
        var byProject = months.ToLookup(m => m.ProjectId);
        return projects.Select(p => new ProgressSheet.Line(p,
            byProject[p.Id].Where(m => m.Month < month.Month).Sum(m => m.CompletedInvestment),
            byProject[p.Id].FirstOrDefault(m => m.Month == month.Month))).ToList();
    }

    public static string ScopeName(CallerScope caller) => Regions.NameOf(caller.RegionCode) + (caller.Township ?? "");
}
