using MassTransit;
using Platform.Contracts.ProjectLibrary;
using Platform.Messaging;

namespace Funding.Api.Features.Projects;

/// <summary>Keeps <see cref="KnownProject"/> up to date; duplicates stop at the inbox, stale versions here.</summary>
public sealed class ProjectRegisteredConsumer(FundingDb db, Actor actor) : InboxConsumer<ProjectRegistered, FundingDb>(db)
{
    protected override Task Handle(ConsumeContext<ProjectRegistered> context, CancellationToken ct)
    {
        actor.ActOnEvent<ProjectRegistered>();
        return KnownProjects.ApplyAsync(Db, context.Message.Project, context.Message.Version, context.Message.OccurredAt, ct);
    }
}

public sealed class ProjectUpdatedConsumer(FundingDb db, Actor actor) : InboxConsumer<ProjectUpdated, FundingDb>(db)
{
    protected override Task Handle(ConsumeContext<ProjectUpdated> context, CancellationToken ct)
    {
        actor.ActOnEvent<ProjectUpdated>();
        return KnownProjects.ApplyAsync(Db, context.Message.Project, context.Message.Version, context.Message.OccurredAt, ct);
    }
}

static class KnownProjects
{
    /// <summary>Creates or refreshes the view; an update may arrive before the registration (out of order).</summary>
    public static async Task ApplyAsync(FundingDb db, ProjectSnapshot snapshot, long version, DateTimeOffset at, CancellationToken ct)
    {
        var known = await db.Projects.FindAsync([snapshot.ProjectId], ct);
        EventRegion.EnsureUnchanged(known?.RegionCode, snapshot.RegionCode, "Project", snapshot.ProjectId);
        if (!EventVersion.IsNewer(version, known?.Version)) return;
        if (known is null) db.Projects.Add(KnownProject.From(snapshot, version, at));
        else known.Apply(snapshot, version, at);
    }
}
