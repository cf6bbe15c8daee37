using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Api.Features.Problems;

/// <summary>发现: POST /api/projects/{id}/problems. The level defaults to county (县级事权).</summary>
public sealed record RaiseProblemRequest(string? Title, string? Description, ProblemCategory? Category, ProblemLevel? Level) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors
        .Required(Title, "title").MaxLength(Title, 200, "title")
        .MaxLength(Description, 4000, "description")
        .Required(Category, "category");
}

/// <summary>交办: department, person and deadline.</summary>
public sealed record AssignProblemRequest(string? Department, string? Assignee, DateOnly? DueDate) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors
        .Required(Department, "department").MaxLength(Department, 100, "department")
        .Required(Assignee, "assignee").MaxLength(Assignee, 50, "assignee")
        .Required(DueDate, "dueDate");
}

/// <summary>销号: how it was solved.</summary>
public sealed record CloseProblemRequest(string? Resolution) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors.Required(Resolution, "resolution").MaxLength(Resolution, 4000, "resolution");
}

public sealed record ProblemFilter(string? Status, string? Department, bool? Overdue, string? Level, string? Category,
    string? RegionCode, Guid? ProjectId, string? Q, string? Sort, int? Page, int? PageSize) : IValidatable
{
    public ProblemStatus? StatusValue => QueryEnum.Parse<ProblemStatus>(Status);
    public ProblemLevel? LevelValue => QueryEnum.Parse<ProblemLevel>(Level);
    public ProblemCategory? CategoryValue => QueryEnum.Parse<ProblemCategory>(Category);

    public void Validate(ValidationErrors errors) => errors
        .When(RegionCode is not null && !Regions.IsKnown(RegionCode), "regionCode", FieldErrors.UnknownRegion)
        .MaxLength(Q, 100, "q")
        .Enum<ProblemStatus>(Status, "status").Enum<ProblemLevel>(Level, "level").Enum<ProblemCategory>(Category, "category");
}

public sealed record ProblemResponse(Guid Id, Guid ProjectId, string RegionCode, string? Township, string Title, string? Description,
    ProblemCategory Category, ProblemLevel Level, ProblemStatus Status, string? Department, string? Assignee, DateOnly? DueDate,
    bool Overdue, string? Resolution, string RaisedBy, DateTimeOffset RaisedAt, DateTimeOffset? AssignedAt, DateTimeOffset? EscalatedAt,
    DateTimeOffset? ClosedAt, DateTimeOffset? ReminderSentAt, DateTimeOffset? AutoEscalatedAt, long Version)
{
    public static ProblemResponse From(ProjectProblem p, DateOnly today) => new(
        p.Id, p.ProjectId, p.RegionCode, p.Township, p.Title, p.Description, p.Category, p.Level, p.Status, p.Department, p.Assignee,
        p.DueDate, p.IsOverdue(today), p.Resolution, p.RaisedBy, p.RaisedAt, p.AssignedAt, p.EscalatedAt, p.ClosedAt, p.ReminderSentAt,
        p.AutoEscalatedAt, p.Version);
}

public static class ProblemQueries
{
    public static IQueryable<ProjectProblem> Filter(this IQueryable<ProjectProblem> q, ProblemFilter f, DateOnly today)
    {
        if (f.StatusValue is { } status) q = q.Where(p => p.Status == status);
        if (f.Department is not null) q = q.Where(p => p.Department == f.Department);
        if (f.LevelValue is { } level) q = q.Where(p => p.Level == level);
        if (f.CategoryValue is { } category) q = q.Where(p => p.Category == category);
        if (f.RegionCode is not null) q = q.Where(p => p.RegionCode == f.RegionCode);
        if (f.ProjectId is not null) q = q.Where(p => p.ProjectId == f.ProjectId);
        if (f.Overdue == true) q = q.Where(p => p.Status != ProblemStatus.Closed && p.DueDate < today);
        if (f.Overdue == false) q = q.Where(p => p.Status == ProblemStatus.Closed || p.DueDate == null || p.DueDate >= today);
        if (!string.IsNullOrWhiteSpace(f.Q)) q = q.Where(p => p.Title.Contains(f.Q.Trim()));
        return f.Sort switch
        {
            "dueDate" => q.OrderBy(p => p.DueDate).ThenBy(p => p.Id),
            "-raisedAt" => q.OrderByDescending(p => p.RaisedAt).ThenBy(p => p.Id),
            "-updatedAt" => q.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id),
            _ => q.OrderBy(p => p.RaisedAt).ThenBy(p => p.Id),
        };
    }
}
