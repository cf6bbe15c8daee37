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
        Version = p.Version, OccurredAt = p.UpdatedAt,
    });

    public static void Assigned(ProjectsDb db, ProjectProblem p) => db.AddEvent(new ProblemAssigned
    {
        ProblemId = p.Id, ProjectId = p.ProjectId, RegionCode = p.RegionCode, Department = p.Department!, Assignee = p.Assignee!,
        DueDate = p.DueDate!.Value, Version = p.Version, OccurredAt = p.UpdatedAt,
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

    public static void DueSoon(ProjectsDb db, ProjectProblem p) => db.AddEvent(new ProblemDueSoon
    {
        ProblemId = p.Id, ProjectId = p.ProjectId, RegionCode = p.RegionCode, Title = p.Title, Department = p.Department,
        Assignee = p.Assignee, DueDate = p.DueDate!.Value, Level = QueryEnum.Name(p.Level), Version = p.Version, OccurredAt = p.UpdatedAt,
    });
}
