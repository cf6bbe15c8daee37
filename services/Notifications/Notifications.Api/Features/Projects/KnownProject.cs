using MassTransit;
using Platform.Contracts.ProjectLibrary;
using Platform.Messaging;

namespace Notifications.Api.Features.Projects;

/// <summary>A project's name and township, from the library's events: notifications name the project and reach its township.</summary>
public sealed class KnownProject
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public required string RegionCode { get; init; }
    public string? Township { get; set; }
    public long Version { get; set; }
}

public sealed class ProjectRegisteredConsumer(NotificationsDb db, Actor actor) : InboxConsumer<ProjectRegistered, NotificationsDb>(db)
{
    protected override Task Handle(ConsumeContext<ProjectRegistered> context, CancellationToken ct)
    {
        actor.ActOnEvent<ProjectRegistered>();
        return KnownProjects.ApplyAsync(Db, context.Message.Project, context.Message.Version, ct);
    }
}

public sealed class ProjectUpdatedConsumer(NotificationsDb db, Actor actor) : InboxConsumer<ProjectUpdated, NotificationsDb>(db)
{
    protected override Task Handle(ConsumeContext<ProjectUpdated> context, CancellationToken ct)
    {
        actor.ActOnEvent<ProjectUpdated>();
        return KnownProjects.ApplyAsync(Db, context.Message.Project, context.Message.Version, ct);
    }
}

static class KnownProjects
{
    /// <summary>Creates or refreshes the view; an update may arrive before the registration (out of order).</summary>
    public static async Task ApplyAsync(NotificationsDb db, ProjectSnapshot snapshot, long version, CancellationToken ct)
    {
        var known = await db.Projects.FindAsync([snapshot.ProjectId], ct);
        EventRegion.EnsureUnchanged(known?.RegionCode, snapshot.RegionCode, "Project", snapshot.ProjectId);
        if (!EventVersion.IsNewer(version, known?.Version)) return;
        if (known is null)
        {
            db.Projects.Add(new KnownProject
            {
                Id = snapshot.ProjectId, Name = snapshot.Name, RegionCode = snapshot.RegionCode, Township = snapshot.Township, Version = version,
            });
            return;
        }
        known.Name = snapshot.Name;
        known.Township = snapshot.Township;
        known.Version = version;
    }
}
