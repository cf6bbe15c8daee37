using MassTransit;
using Platform.Contracts.ProjectLibrary;
using Platform.Messaging;

namespace Approvals.Api.Features.Checklists;

/// <summary>A newly registered project gets its checklist (一项目一清单).</summary>
public sealed class ProjectRegisteredConsumer(ApprovalsDb db, Actor actor, TimeProvider clock) : InboxConsumer<ProjectRegistered, ApprovalsDb>(db)
{
    protected override Task Handle(ConsumeContext<ProjectRegistered> context, CancellationToken ct)
    {
        actor.ActOnEvent<ProjectRegistered>();
        return ProjectSync.Apply(Db, context.Message.Project, context.Message.Version, clock, ct);
    }
}

/// <summary>A changed project keeps its view current; its checklist is re-evaluated only when what decides it changed.</summary>
public sealed class ProjectUpdatedConsumer(ApprovalsDb db, Actor actor, TimeProvider clock) : InboxConsumer<ProjectUpdated, ApprovalsDb>(db)
{
    protected override Task Handle(ConsumeContext<ProjectUpdated> context, CancellationToken ct)
    {
        actor.ActOnEvent<ProjectUpdated>();
        return ProjectSync.Apply(Db, context.Message.Project, context.Message.Version, clock, ct);
    }
}

public static class ProjectSync
{
    /// <summary>
    /// Applies a project snapshot of the given version. Stale or repeated versions change nothing; an update that
    /// arrives before the registration creates the view and checklist just the same.
    /// </summary>
    public static async Task Apply(ApprovalsDb db, ProjectSnapshot snapshot, long version, TimeProvider clock, CancellationToken ct)
    {
        var view = await db.Projects.FirstOrDefaultAsync(p => p.ProjectId == snapshot.ProjectId, ct);
        EventRegion.EnsureUnchanged(view?.RegionCode, snapshot.RegionCode, "Project", snapshot.ProjectId);
        if (!EventVersion.IsNewer(version, view?.SourceVersion)) return;

        var now = clock.GetUtcNow();
        var items = view is null ? [] : await db.ChecklistItems.Where(i => i.ProjectId == snapshot.ProjectId).ToListAsync(ct);
        var reevaluate = view is null;
        if (view is null)
        {
            view = ProjectView.From(snapshot, version, now);
            db.Projects.Add(view);
        }
        else
        {
            var before = view.Facts;
            view.Apply(snapshot, version, now);
            reevaluate = before != view.Facts;
        }

        if (reevaluate)
        {
            var catalogue = await db.Procedures.AsNoTracking().ToListAsync(ct);
            items = ChecklistBuilder.Reconcile(db, view, catalogue, items, now);
        }
        else
        {
            foreach (var item in items) item.MoveTo(view.RegionCode, view.Township, now);
        }
        // Dropping an untouched item can leave nothing pending.
        Completion.PublishIfComplete(db, view, items, BusinessDay.Today(clock), now);
    }
}
