using Platform.Contracts.ProjectLibrary;
using Platform.Messaging;
using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Api.Features.Problems;

/// <summary>The ledger's integration events, built in one place for the endpoints, the scan job and the demo data.</summary>
public static class ProblemEvents
{
    public static void Raised(ProjectsDb db, ProjectProblem p) => db.AddEvent(new ProblemRaised
    {
        ProblemId = p.Id, ProjectId = p.ProjectId, RegionCode = p.RegionCode, Title = p.Title, Level = QueryEnum.Name(p.Level),
        Severity = QueryEnum.Name(p.Severity), Version = p.Version, OccurredAt = p.UpdatedAt,
    });

    public static void Assigned(ProjectsDb db, ProjectProblem p) => db.AddEvent(new ProblemAssigned
    {
        ProblemId = p.Id, ProjectId = p.ProjectId, RegionCode = p.RegionCode, Department = p.Department!, Assignee = p.Assignee!,
        DueDate = p.DueDate!.Value, ResponsibleLeader = p.ResponsibleLeader, ResponsibleSection = p.ResponsibleSection, Title = p.Title,
        Level = QueryEnum.Name(p.Level), Severity = QueryEnum.Name(p.Severity), Version = p.Version, OccurredAt = p.UpdatedAt,
    });

    public static void Progressed(ProjectsDb db, ProjectProblem p, string? note) => db.AddEvent(new ProblemProgressed
    {
        ProblemId = p.Id, ProjectId = p.ProjectId, RegionCode = p.RegionCode, Status = QueryEnum.Name(p.Status), Note = note?.Trim(),
        Version = p.Version, OccurredAt = p.UpdatedAt,
    });

    public static void CloseRequested(ProjectsDb db, ProjectProblem p) => db.AddEvent(new ProblemCloseRequested
    {
        ProblemId = p.Id, ProjectId = p.ProjectId, RegionCode = p.RegionCode, Title = p.Title, Level = QueryEnum.Name(p.Level),
        Resolution = p.Resolution!, Evidence = p.Evidence, Department = p.Department, Version = p.Version, OccurredAt = p.UpdatedAt,
    });

    public static void Returned(ProjectsDb db, ProjectProblem p) => db.AddEvent(new ProblemReturned
    {
        ProblemId = p.Id, ProjectId = p.ProjectId, RegionCode = p.RegionCode, Title = p.Title, Level = QueryEnum.Name(p.Level),
        Opinion = p.Opinion!, Department = p.Department, Assignee = p.Assignee, Version = p.Version, OccurredAt = p.UpdatedAt,
    });

    public static void Reopened(ProjectsDb db, ProjectProblem p, string reason) => db.AddEvent(new ProblemReopened
    {
        ProblemId = p.Id, ProjectId = p.ProjectId, RegionCode = p.RegionCode, Title = p.Title, Level = QueryEnum.Name(p.Level),
        Reason = reason.Trim(), Department = p.Department, Version = p.Version, OccurredAt = p.UpdatedAt,
    });

    public static void Escalated(ProjectsDb db, ProjectProblem p, bool automatic) => db.AddEvent(new ProblemEscalated
    {
        ProblemId = p.Id, ProjectId = p.ProjectId, RegionCode = p.RegionCode, Level = QueryEnum.Name(p.Level), Automatic = automatic,
        Version = p.Version, OccurredAt = p.UpdatedAt,
    });

    public static void Closed(ProjectsDb db, ProjectProblem p) => db.AddEvent(new ProblemClosed
    {
        ProblemId = p.Id, ProjectId = p.ProjectId, RegionCode = p.RegionCode, Resolution = p.Resolution!, Version = p.Version,
        OccurredAt = p.UpdatedAt,
    });

    public static void Supervised(ProjectsDb db, ProjectProblem p) => db.AddEvent(new ProblemSupervised
    {
        ProblemId = p.Id, ProjectId = p.ProjectId, RegionCode = p.RegionCode, Title = p.Title, Level = QueryEnum.Name(p.Level),
        System = p.SupervisionSystem!, Reference = p.SupervisionReference!, Department = p.Department, ArrangeBy = p.ArrangeBy!.Value,
        MeasuresBy = p.MeasuresBy!.Value, ProgressBy = p.ProgressBy!.Value, AnswerBy = p.AnswerBy!.Value, Version = p.Version,
        OccurredAt = p.UpdatedAt,
    });

    public static void DueSoon(ProjectsDb db, ProjectProblem p) => db.AddEvent(new ProblemDueSoon
    {
        ProblemId = p.Id, ProjectId = p.ProjectId, RegionCode = p.RegionCode, Title = p.Title, Department = p.Department,
        Assignee = p.Assignee, DueDate = p.DueDate!.Value, Level = QueryEnum.Name(p.Level), Version = p.Version, OccurredAt = p.UpdatedAt,
    });
}
