using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Api.Features.Problems;

/// <summary>发现: POST /api/projects/{id}/problems. The level defaults to county (县级事权), the severity to normal.</summary>
public sealed record RaiseProblemRequest(string? Title, string? Description, ProblemCategory? Category, ProblemLevel? Level,
    ProblemSeverity? Severity = null) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors
        .Required(Title, "title").MaxLength(Title, 200, "title")
        .MaxLength(Description, 4000, "description")
        .Required(Category, "category");
}

/// <summary>交办: 牵头单位 (leadUnit; department is its older name, still accepted), 分管领导, 责任科室, the person and 办结时限.</summary>
public sealed record AssignProblemRequest(string? LeadUnit, string? ResponsibleLeader, string? ResponsibleSection, string? Assignee,
    DateOnly? DueDate, string? Department = null) : IValidatable
{
    public string? Unit => LeadUnit ?? Department;

    public ProblemAssignment ToAssignment() => new(Unit!, ResponsibleLeader, ResponsibleSection, Assignee!, DueDate!.Value);

    public void Validate(ValidationErrors errors) => errors
        .Required(Unit, "leadUnit").MaxLength(Unit, 100, "leadUnit")
        .MaxLength(ResponsibleLeader, 50, "responsibleLeader").MaxLength(ResponsibleSection, 100, "responsibleSection")
        .Required(Assignee, "assignee").MaxLength(Assignee, 50, "assignee")
        .Required(DueDate, "dueDate");
}

/// <summary>办理情况: a progress note.</summary>
public sealed record ProblemNoteRequest(string? Text) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors.Required(Text, "text").MaxLength(Text, 4000, "text");
}

/// <summary>申请销号: how it was solved, and what shows it (a document number, a link).</summary>
public sealed record RequestCloseRequest(string? Resolution, string? Evidence) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors
        .Required(Resolution, "resolution").MaxLength(Resolution, 4000, "resolution").MaxLength(Evidence, 2000, "evidence");
}

/// <summary>销号 (审核同意): the reviewer's opinion is optional.</summary>
public sealed record CloseProblemRequest(string? Opinion) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors.MaxLength(Opinion, 4000, "opinion");
}

/// <summary>退回 and 重新打开: the opinion, or the reason, is required and kept.</summary>
public sealed record OpinionRequest(string? Opinion) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors.Required(Opinion, "opinion").MaxLength(Opinion, 4000, "opinion");
}

public sealed record ProblemFilter(string? Status, string? Department, bool? Overdue, string? Level, string? Category,
    string? RegionCode, Guid? ProjectId, string? Q, string? Sort, int? Page, int? PageSize, string? Severity = null, bool? Supervised = null)
    : IValidatable
{
    public ProblemSeverity? SeverityValue => QueryEnum.Parse<ProblemSeverity>(Severity);
    public ProblemStatus? StatusValue => QueryEnum.Parse<ProblemStatus>(Status);
    public ProblemLevel? LevelValue => QueryEnum.Parse<ProblemLevel>(Level);
    public ProblemCategory? CategoryValue => QueryEnum.Parse<ProblemCategory>(Category);

    public void Validate(ValidationErrors errors) => errors
        .When(RegionCode is not null && !Regions.IsKnown(RegionCode), "regionCode", FieldErrors.UnknownRegion)
        .MaxLength(Q, 100, "q")
        .Enum<ProblemStatus>(Status, "status").Enum<ProblemLevel>(Level, "level").Enum<ProblemCategory>(Category, "category")
        .Enum<ProblemSeverity>(Severity, "severity");
}

public sealed record ProblemResponse(Guid Id, Guid ProjectId, string RegionCode, string? Township, string Title, string? Description,
    ProblemCategory Category, ProblemLevel Level, ProblemSeverity Severity, ProblemStatus Status, string? Department, string? LeadUnit,
    string? ResponsibleLeader, string? ResponsibleSection, string? Assignee, DateOnly? DueDate, bool Overdue, string? Resolution,
    string? Evidence, string? Opinion, string RaisedBy, DateTimeOffset RaisedAt, DateTimeOffset? AssignedAt, DateTimeOffset? AcceptedAt,
    DateTimeOffset? EscalatedAt, DateTimeOffset? CloseRequestedAt, DateTimeOffset? ClosedAt, DateTimeOffset? ReminderSentAt,
    DateTimeOffset? AutoEscalatedAt, SupervisionResponse? Supervision, long Version, IReadOnlyList<ProblemNoteResponse>? Notes)
{
    /// <summary>The notes (the loop's record, oldest first) come with one problem, not with a list of them.</summary>
    public static ProblemResponse From(ProjectProblem p, DateOnly today, bool withNotes = false) => new(
        p.Id, p.ProjectId, p.RegionCode, p.Township, p.Title, p.Description, p.Category, p.Level, p.Severity, p.Status, p.Department,
        p.Department, p.ResponsibleLeader, p.ResponsibleSection, p.Assignee, p.DueDate, p.IsOverdue(today), p.Resolution, p.Evidence,
        p.Opinion, p.RaisedBy, p.RaisedAt, p.AssignedAt, p.AcceptedAt, p.EscalatedAt, p.CloseRequestedAt, p.ClosedAt, p.ReminderSentAt,
        p.AutoEscalatedAt, SupervisionResponse.From(p, today), p.Version,
        withNotes ? p.Notes.OrderBy(n => n.At).ThenBy(n => n.Id).Select(n => new ProblemNoteResponse(n.Kind, n.Text, n.Author, n.At)).ToList() : null);
}

public sealed record ProblemNoteResponse(ProblemNoteKind Kind, string Text, string Author, DateTimeOffset At);

public static class ProblemQueries
{
    public static IQueryable<ProjectProblem> Filter(this IQueryable<ProjectProblem> q, ProblemFilter f, DateOnly today)
    {
        if (f.StatusValue is { } status) q = q.Where(p => p.Status == status);
        if (f.Department is not null) q = q.Where(p => p.Department == f.Department);
        if (f.LevelValue is { } level) q = q.Where(p => p.Level == level);
        if (f.CategoryValue is { } category) q = q.Where(p => p.Category == category);
        if (f.SeverityValue is { } severity) q = q.Where(p => p.Severity == severity);
        if (f.RegionCode is not null) q = q.Where(p => p.RegionCode == f.RegionCode);
        if (f.ProjectId is not null) q = q.Where(p => p.ProjectId == f.ProjectId);
        if (f.Supervised == true) q = q.Where(p => p.SupervisedAt != null);
        if (f.Supervised == false) q = q.Where(p => p.SupervisedAt == null);
        // Overdue: past 办结时限 while open, or (supervised, not yet answered) a 13710 clock not met by its deadline.
        if (f.Overdue == true) q = q.Where(p => (p.Status != ProblemStatus.Closed && p.DueDate < today)
            || (p.AnsweredAt == null && ((p.ArrangedAt == null && p.ArrangeBy < today) || (p.MeasuresAt == null && p.MeasuresBy < today)
                || (p.ProgressAt == null && p.ProgressBy < today) || p.AnswerBy < today)));
        if (f.Overdue == false) q = q.Where(p => (p.Status == ProblemStatus.Closed || p.DueDate == null || p.DueDate >= today)
            && !(p.AnsweredAt == null && ((p.ArrangedAt == null && p.ArrangeBy < today) || (p.MeasuresAt == null && p.MeasuresBy < today)
                || (p.ProgressAt == null && p.ProgressBy < today) || p.AnswerBy < today)));
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
