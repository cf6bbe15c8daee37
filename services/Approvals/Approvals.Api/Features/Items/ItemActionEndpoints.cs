using Approvals.Api.Features.Calendar;
using Approvals.Api.Features.Checklists;
using Platform.Contracts.Approvals;
using Platform.Messaging;

namespace Approvals.Api.Features.Items;

/// <summary>POST /api/approvals/items/{itemId}/{submit|accept|approve|reject|acceptWithDeficiency|supplement|agent}.</summary>
public static class ItemActionEndpoints
{
    /// <summary>What an action does to the item, given the whole checklist (for dependencies); null when allowed.</summary>
    delegate Refusal? Change(ChecklistItem item, IReadOnlyList<ChecklistItem> checklist, IReadOnlyDictionary<string, List<string>> dependsOn, DateOnly on);

    public static IEndpointRouteBuilder MapItemActionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/approvals/items/{itemId:guid}", "Checklist items");
        group.MapPost("/submit", (Guid itemId, StepRequest? body, ApprovalsDb db, CallerScope caller, Deadlines d, CancellationToken ct) =>
            Act(itemId, body?.Date, db, caller, d, ItemPermissions.MaySubmit, null,
                (item, list, deps, on) => item.Submit(on, list.Where(i => deps.GetValueOrDefault(item.ProcedureCode)?.Contains(i.ProcedureCode) == true), d.Now), ct))
            .WithSummary("The applicant (or its agent) hands in the application; 409 dependencies_pending until the items it depends on are through");
        group.MapPost("/accept", (Guid itemId, StepRequest? body, ApprovalsDb db, CallerScope caller, Deadlines d, CancellationToken ct) =>
            Act(itemId, body?.Date, db, caller, d, ItemPermissions.MayDecide, null, (item, _, _, on) => item.Accept(on, d.Calendar, d.Now), ct))
            .WithSummary("受理: the agency accepts the application; the statutory clock starts");
        group.MapPost("/approve", (Guid itemId, ApproveRequest? body, ApprovalsDb db, CallerScope caller, Deadlines d, CancellationToken ct) =>
            Act(itemId, body?.Date, db, caller, d, ItemPermissions.MayDecide, "approved", (item, _, _, on) => item.Approve(on, Trim(body?.DocumentNumber), d.Now), ct))
            .WithSummary("The agency approves (publishes ApprovalDecided, and ApprovalsCompleted when the checklist is through)");
        group.MapPost("/reject", (Guid itemId, RejectRequest body, ApprovalsDb db, CallerScope caller, Deadlines d, CancellationToken ct) =>
            Act(itemId, body.Date, db, caller, d, ItemPermissions.MayDecide, "rejected", (item, _, _, on) => item.Reject(on, body.Reason!.Trim(), d.Now), ct))
            .WithSummary("The agency rejects, with a reason (publishes ApprovalDecided)");
        group.MapPost("/acceptWithDeficiency", (Guid itemId, DeficiencyRequest body, ApprovalsDb db, CallerScope caller, Deadlines d, CancellationToken ct) =>
            Act(itemId, body.Date, db, caller, d, ItemPermissions.MayDecide, "acceptedWithDeficiency",
                (item, _, _, on) => item.AcceptWithDeficiency(on, body.MissingDocuments!.Select(m => m.Trim()).ToList(), body.CommitDueDate!.Value, d.Calendar, d.Now), ct))
            .WithSummary("容缺受理: accepted while papers are missing, which the applicant commits to supply by a date");
        group.MapPost("/supplement", (Guid itemId, ApproveRequest? body, ApprovalsDb db, CallerScope caller, Deadlines d, CancellationToken ct) =>
            Act(itemId, body?.Date, db, caller, d, ItemPermissions.MayDecide, "approved", (item, _, _, on) => item.Supplement(on, Trim(body?.DocumentNumber), d.Now), ct))
            .WithSummary("The missing papers of a 容缺 item arrived: it is approved");
        group.MapPost("/agent", (Guid itemId, AgentRequest body, ApprovalsDb db, CallerScope caller, Deadlines d, CancellationToken ct) =>
            Act(itemId, null, db, caller, d, ItemPermissions.MayAssignAgent, null, (item, _, _, _) => item.AssignAgent(Trim(body.Agent), d.Now), ct))
            .WithSummary("帮办代办: name the user who may submit for the applicant (empty removes the agent)");
        return app;
    }

    static async Task<Results<Ok<ItemResponse>, ProblemHttpResult>> Act(Guid itemId, DateOnly? date, ApprovalsDb db, CallerScope caller,
        Deadlines deadlines, Func<CallerScope, ChecklistItem, ProblemHttpResult?> permission, string? decision, Change change, CancellationToken ct)
    {
        var today = deadlines.Today;
        if (date > today) return Problem.Validation("date", FieldErrors.DateInFuture);
        var on = date ?? today;
        var found = await db.ChecklistItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (found is null || !caller.CanRead(found.RegionCode, found.Township)) return Problem.NotFound("Checklist item", itemId);
        if (permission(caller, found) is { } refused) return refused;

        // Two agencies deciding the last two items of a project at once must not both miss completion: the project
        // row is locked for the change, so decisions on one checklist are taken one after the other.
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var project = await db.Projects.FromSql($"select * from projects where project_id = {found.ProjectId} for update").FirstAsync(token);
            var checklist = await db.ChecklistItems.Where(i => i.ProjectId == found.ProjectId).ToListAsync(token);
            var item = checklist.Single(i => i.Id == itemId);
            var dependsOn = await db.Procedures.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.DependsOn, token);
            if (change(item, checklist, dependsOn, on) is { } refusal)
                return refusal.Code is "illegal_transition" or "dependencies_pending"
                    ? Problem.Conflict(refusal.Code, refusal.Detail)
                    : (Results<Ok<ItemResponse>, ProblemHttpResult>)Problem.Unprocessable(refusal.Code, refusal.Detail);

            project.Touch(deadlines.Now);
            if (decision is not null) db.AddEvent(DecidedEvent(item, project, decision, on, deadlines.Now));
            Completion.PublishIfComplete(db, project, checklist, on, deadlines.Now);
            await db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
            return TypedResults.Ok(ItemResponse.From(item, project.Name, deadlines));
        }, ct);
    }

    /// <summary>ApprovalDecided of a decision just taken (also the demo seed's); call after <see cref="ProjectView.Touch"/>.</summary>
    public static ApprovalDecided DecidedEvent(ChecklistItem item, ProjectView project, string decision, DateOnly on, DateTimeOffset now) => new()
    {
        ItemId = item.Id,
        ProjectId = item.ProjectId,
        RegionCode = item.RegionCode,
        ProcedureCode = item.ProcedureCode,
        ProcedureName = item.Name,
        Agency = item.Agency,
        Decision = decision,
        DecidedOn = on,
        Version = project.ChecklistVersion,
        OccurredAt = now,
    };

    static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
