using Approvals.Api.Features.Calendar;
using Approvals.Api.Features.Items;

namespace Approvals.Api.Features.Checklists;

public sealed record ChecklistResponse(Guid ProjectId, string ProjectName, string RegionCode, string? Township, DateOnly? PlannedStartDate,
    bool ReadyToStart, DateOnly? CompletedOn, int RequiredItems, int RequiredThrough, IReadOnlyList<ItemResponse> Items, long Version);

/// <summary>One project of the 计划新开工项目前期手续办理 list, with what is still pending.</summary>
public sealed record PreStartProject(Guid ProjectId, string ProjectName, string RegionCode, string? Township, DateOnly? PlannedStartDate,
    bool ReadyToStart, int RequiredItems, int RequiredThrough, IReadOnlyList<ItemResponse> PendingItems);

public static class ChecklistEndpoints
{
    public static IEndpointRouteBuilder MapChecklistEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/approvals", "Checklists");
        group.MapGet("/projects/{projectId:guid}/checklist", Checklist).WithSummary("A project's checklist: every item with code, name, agency, status, dates and due date");
        group.MapGet("/pre-start", PreStart).WithSummary("计划新开工项目前期手续办理: projects planned to start in the year, with their pending items; paged");
        return app;
    }

    internal static async Task<Results<Ok<ChecklistResponse>, ProblemHttpResult>> Checklist(Guid projectId, ApprovalsDb db, CallerScope caller,
        Deadlines deadlines, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.ProjectId == projectId, ct);
        if (project is null || !caller.CanRead(project.RegionCode, project.Township)) return Problem.NotFound("Project checklist", projectId);
        var items = await db.ChecklistItems.AsNoTracking().Where(i => i.ProjectId == projectId)
            .Join(db.Procedures, i => i.ProcedureCode, p => p.Code, (i, p) => new { Item = i, p.SortOrder })
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Item.ProcedureCode).Select(r => r.Item).ToListAsync(ct);
        var required = items.Where(i => i.RequiredBeforeStart).ToList();
        return TypedResults.Ok(new ChecklistResponse(project.ProjectId, project.Name, project.RegionCode, project.Township, project.PlannedStartDate,
            project.CompletedOn is not null, project.CompletedOn, required.Count, required.Count(i => i.IsThrough),
            items.Select(i => ItemResponse.From(i, project.Name, deadlines)).ToList(), project.ChecklistVersion));
    }

    static async Task<Results<Ok<Paged<PreStartProject>>, ProblemHttpResult>> PreStart(int? year, string? regionCode, bool? readyToStart,
        ApprovalsDb db, CallerScope caller, Deadlines deadlines, int? page, int? pageSize, CancellationToken ct)
    {
        if (year is not (>= 2000 and <= 2100))
            return Problem.Validation("year", FieldErrors.OutOfRange(2000, 2100).Saying("is required, between 2000 and 2100"));
        var (from, to) = (new DateOnly(year.Value, 1, 1), new DateOnly(year.Value, 12, 31));
        var projects = db.Projects.AsNoTracking().Where(p => p.PlannedStartDate >= from && p.PlannedStartDate <= to);
        if (!caller.IsCity)
        {
            projects = projects.Where(p => p.RegionCode == caller.RegionCode);
            if (caller.Township is not null) projects = projects.Where(p => p.Township == caller.Township);
        }
        if (regionCode is not null) projects = projects.Where(p => p.RegionCode == regionCode);
        if (readyToStart is not null) projects = projects.Where(p => (p.CompletedOn != null) == readyToStart);
        var result = await projects.OrderBy(p => p.PlannedStartDate).ThenBy(p => p.ProjectId).ToPageAsync(PageRequest.From(page, pageSize), ct);

        var ids = result.Items.Select(p => p.ProjectId).ToList();
        var items = (await db.ChecklistItems.AsNoTracking().Where(i => ids.Contains(i.ProjectId)).ToListAsync(ct)).ToLookup(i => i.ProjectId);
        var rows = result.Items.Select(p =>
        {
            var required = items[p.ProjectId].Where(i => i.RequiredBeforeStart).ToList();
            var pending = items[p.ProjectId].Where(i => !i.IsThrough).OrderBy(i => i.DueDate == null).ThenBy(i => i.DueDate).ThenBy(i => i.ProcedureCode)
                .Select(i => ItemResponse.From(i, p.Name, deadlines)).ToList();
            return new PreStartProject(p.ProjectId, p.Name, p.RegionCode, p.Township, p.PlannedStartDate, p.CompletedOn is not null,
                required.Count, required.Count(i => i.IsThrough), pending);
        }).ToList();
        return TypedResults.Ok(new Paged<PreStartProject>(rows, result.Page, result.PageSize, result.Total));
    }
}
