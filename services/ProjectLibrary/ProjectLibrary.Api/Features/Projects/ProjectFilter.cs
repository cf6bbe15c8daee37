using Platform.ServiceDefaults.Auth;

namespace ProjectLibrary.Api.Features.Projects;

/// <summary>The filters of GET /api/projects, bound from the query string.</summary>
public sealed record ProjectFilter(
    string? RegionCode, string? Township, ProjectStage? Stage, ProjectCategory? Category, KeyLevel? KeyLevel,
    string? Leader, bool? IsPrivateInvestment, bool? IsIndustrial, int? Year, string? Q, string? Sort,
    int? Page, int? PageSize);

public static class ProjectQueries
{
    /// <summary>Only what the caller may see: its county (or township); the city sees all.</summary>
    public static IQueryable<Project> VisibleTo(this IQueryable<Project> projects, CallerScope caller)
    {
        if (caller.IsCity) return projects;
        projects = projects.Where(p => p.RegionCode == caller.RegionCode);
        return caller.Township is null ? projects : projects.Where(p => p.Township == caller.Township);
    }

    public static IQueryable<Project> Filter(this IQueryable<Project> q, ProjectFilter f)
    {
        if (f.RegionCode is not null) q = q.Where(p => p.RegionCode == f.RegionCode);
        if (f.Township is not null) q = q.Where(p => p.Township == f.Township);
        if (f.Stage is not null) q = q.Where(p => p.Stage == f.Stage);
        if (f.Category is not null) q = q.Where(p => p.Category == f.Category);
        if (f.KeyLevel is not null) q = q.Where(p => p.KeyLevel == f.KeyLevel);
        if (f.Leader is not null) q = q.Where(p => p.LeaderInCharge == f.Leader);
        if (f.IsPrivateInvestment is not null) q = q.Where(p => p.IsPrivateInvestment == f.IsPrivateInvestment);
        if (f.IsIndustrial is not null) q = q.Where(p => p.IsIndustrial == f.IsIndustrial);
        if (f.Year is not null) q = q.Where(p => p.Year == f.Year);
        if (!string.IsNullOrWhiteSpace(f.Q)) q = q.Where(p => p.Name.Contains(f.Q.Trim()));
        return q;
    }

    public static IQueryable<Project> Sort(this IQueryable<Project> q, string? sort) => sort switch
    {
        "name" => q.OrderBy(p => p.Name).ThenBy(p => p.Id),
        "-totalInvestment" => q.OrderByDescending(p => p.TotalInvestment).ThenBy(p => p.Id),
        "totalInvestment" => q.OrderBy(p => p.TotalInvestment).ThenBy(p => p.Id),
        "-annualPlannedInvestment" => q.OrderByDescending(p => p.AnnualPlannedInvestment).ThenBy(p => p.Id),
        "annualPlannedInvestment" => q.OrderBy(p => p.AnnualPlannedInvestment).ThenBy(p => p.Id),
        "-updatedAt" => q.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id),
        _ => q.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id),
    };
}
