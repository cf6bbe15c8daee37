using MassTransit;
using Platform.Contracts.ProjectLibrary;
using Platform.Messaging;
using Statistics.Api.Features.Duplicates;

namespace Statistics.Api.Features.Projects;

// The local project view is fed by four project-library events. Each consumer is idempotent (inbox) and
// version-aware (ProjectView ignores what is older than what it has applied).

public sealed class ProjectRegisteredConsumer(StatisticsDb db, Actor actor, DuplicateDetector duplicates)
    : InboxConsumer<ProjectRegistered, StatisticsDb>(db)
{
    protected override Task Handle(ConsumeContext<ProjectRegistered> context, CancellationToken ct) =>
        ProjectSnapshots.Apply<ProjectRegistered>(Db, actor, duplicates, context.Message.Project, context.Message.Version, context.Message.OccurredAt, ct);
}

public sealed class ProjectUpdatedConsumer(StatisticsDb db, Actor actor, DuplicateDetector duplicates)
    : InboxConsumer<ProjectUpdated, StatisticsDb>(db)
{
    protected override Task Handle(ConsumeContext<ProjectUpdated> context, CancellationToken ct) =>
        ProjectSnapshots.Apply<ProjectUpdated>(Db, actor, duplicates, context.Message.Project, context.Message.Version, context.Message.OccurredAt, ct);
}

public sealed class ProjectStartedConsumer(StatisticsDb db, Actor actor) : InboxConsumer<ProjectStarted, StatisticsDb>(db)
{
    protected override async Task Handle(ConsumeContext<ProjectStarted> context, CancellationToken ct)
    {
        actor.ActOnEvent<ProjectStarted>();
        var m = context.Message;
        var view = await ProjectSnapshots.FindOrPlaceholder(Db, m.ProjectId, m.RegionCode, ct);
        view.ApplyStarted(m.ActualStartDate, m.TotalInvestment, m.Version, m.OccurredAt);
    }
}

public sealed class ProjectStageChangedConsumer(StatisticsDb db, Actor actor) : InboxConsumer<ProjectStageChanged, StatisticsDb>(db)
{
    protected override async Task Handle(ConsumeContext<ProjectStageChanged> context, CancellationToken ct)
    {
        actor.ActOnEvent<ProjectStageChanged>();
        var m = context.Message;
        var view = await ProjectSnapshots.FindOrPlaceholder(Db, m.ProjectId, m.RegionCode, ct);
        view.ApplyStageChanged(m.ToStage, m.Date, m.Version, m.OccurredAt);
    }
}

static class ProjectSnapshots
{
    public static async Task Apply<TEvent>(StatisticsDb db, Actor actor, DuplicateDetector duplicates,
        ProjectSnapshot snapshot, long version, DateTimeOffset at, CancellationToken ct)
    {
        actor.ActOnEvent<TEvent>();
        var view = await FindOrPlaceholder(db, snapshot.ProjectId, snapshot.RegionCode, ct);
        if (view.ApplySnapshot(snapshot, version, at)) await duplicates.RefreshAsync(view, ct);
    }

    /// <summary>The view, or a new placeholder when a lifecycle event overtook the registration.</summary>
    public static async Task<ProjectView> FindOrPlaceholder(StatisticsDb db, Guid id, string regionCode, CancellationToken ct)
    {
        var view = await db.Projects.FirstOrDefaultAsync(p => p.Id == id, ct);
        EventRegion.EnsureUnchanged(view?.RegionCode, regionCode, "Project", id);
        if (view is not null) return view;
        view = ProjectView.Placeholder(id, regionCode);
        db.Projects.Add(view);
        return view;
    }
}
