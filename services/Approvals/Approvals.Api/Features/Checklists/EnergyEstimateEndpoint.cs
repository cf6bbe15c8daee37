using Approvals.Api.Features.Calendar;
using Approvals.Api.Features.Items;

namespace Approvals.Api.Features.Checklists;

/// <summary>Body of PUT /api/approvals/projects/{projectId}/energy: estimated annual energy use in tonnes of standard coal.</summary>
public sealed record EnergyEstimateRequest(decimal? EnergyConsumptionTce) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors.NonNegative(EnergyConsumptionTce, "energyConsumptionTce")
        .When(EnergyConsumptionTce is { } v && decimal.Round(v, 2) != v, "energyConsumptionTce", FieldErrors.Decimals(2));
}

/// <summary>
/// The project library does not know a project's energy use; the 发改局 (or the 审批局 coordinator) records its estimate
/// here, and the checklist switches between 节能审查 and 节能承诺备案 accordingly (untouched items only).
/// </summary>
public static class EnergyEstimateEndpoint
{
    public static IEndpointRouteBuilder MapEnergyEstimateEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/api/approvals/projects", "Checklists")
            .MapPut("/{projectId:guid}/energy", Put)
            .WithSummary("Record the estimated annual energy use (tce); the checklist is re-evaluated");
        return app;
    }

    static async Task<Results<Ok<ChecklistResponse>, ProblemHttpResult>> Put(Guid projectId, EnergyEstimateRequest body, ApprovalsDb db,
        CallerScope caller, Deadlines deadlines, CancellationToken ct)
    {
        var found = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.ProjectId == projectId, ct);
        if (found is null || !caller.CanRead(found.RegionCode, found.Township)) return Problem.NotFound("Project checklist", projectId);
        var energyAgency = await db.Procedures.AsNoTracking().Where(p => p.Code == ChecklistRules.Codes.EnergyReview).Select(p => p.Agency).FirstOrDefaultAsync(ct);
        if (caller.WriteRefusal(ItemPermissions.Decide, found.RegionCode) is { } forbidden) return forbidden;
        if (caller.Agency is not null && caller.Agency != energyAgency)
            return Problem.Forbidden($"Only the approval bureau or the {energyAgency} of the project's region records the energy estimate.");

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var project = await db.Projects.FromSql($"select * from projects where project_id = {projectId} for update").FirstAsync(token);
            var items = await db.ChecklistItems.Where(i => i.ProjectId == projectId).ToListAsync(token);
            project.EstimateEnergy(body.EnergyConsumptionTce, deadlines.Now);
            var catalogue = await db.Procedures.AsNoTracking().ToListAsync(token);
            items = ChecklistBuilder.Reconcile(db, project, catalogue, items, deadlines.Now);
            Completion.PublishIfComplete(db, project, items, deadlines.Today, deadlines.Now);
            await db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
        }, ct);
        return await ChecklistEndpoints.Checklist(projectId, db, caller, deadlines, ct);
    }
}
