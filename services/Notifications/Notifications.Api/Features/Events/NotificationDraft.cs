using MassTransit;
using Notifications.Api.Features.Inbox;
using Notifications.Api.Features.Projects;
using Platform.Contracts;
using Platform.Messaging;

namespace Notifications.Api.Features.Events;

/// <summary>What one event tells whom: the notification's content and its recipients (one stored row each).</summary>
public sealed record NotificationDraft(string Kind, string Title, string Link, string RegionCode, string? Township, Guid? ProjectId,
    Guid SubjectId, IReadOnlyList<Recipient> Recipients)
{
    public IEnumerable<Notification> ToNotifications(DateTimeOffset now) => Recipients.Distinct().Select(r => new Notification
    {
        Id = Guid.NewGuid(),
        Kind = Kind,
        Title = Title,
        Link = Link,
        RegionCode = RegionCode,
        Township = Township,
        ProjectId = ProjectId,
        SubjectId = SubjectId,
        RecipientRole = r.Role,
        RecipientRegion = r.Region,
        RecipientUser = r.User,
        CreatedAt = now,
    });
}

/// <summary>The recipients the rules name: each office by its role (see BureauRoles) within a region.</summary>
public static class Recipients
{
    public static Recipient CountyOffice(string region) => Recipient.RoleIn(BureauRoles.ProjectOffice, region);
    public static Recipient CityHq => Recipient.RoleIn(BureauRoles.CityHq, RegionCodes.City);
    public static Recipient Bureau(string role, string region) => Recipient.RoleIn(role, region);

    /// <summary>The township office of the project's township (none for a county-level project or one not known yet).</summary>
    public static IEnumerable<Recipient> TownshipOf(KnownProject? project) =>
        project?.Township is null ? [] : [Recipient.RoleIn(BureauRoles.Township, project.RegionCode)];
}

/// <summary>
/// The shape of every notifying consumer: it reads the project the event is about (for its name and township), asks its
/// rule (<see cref="Draft"/>) what to tell whom, and stores one row per recipient in the inbox transaction, so a
/// redelivered event notifies nobody twice. A new event is one subclass: its project id and its rule.
/// </summary>
public abstract class NotifyingConsumer<TEvent>(NotificationsDb db, Actor actor, TimeProvider clock) : InboxConsumer<TEvent, NotificationsDb>(db)
    where TEvent : class
{
    protected abstract string RegionOf(TEvent message);
    protected abstract Guid? ProjectOf(TEvent message);
    protected abstract NotificationDraft Draft(TEvent message, KnownProject? project, string projectName);

    protected override async Task Handle(ConsumeContext<TEvent> context, CancellationToken cancellationToken)
    {
        actor.ActOnEvent<TEvent>();
        var message = context.Message;
        var project = ProjectOf(message) is { } id ? await Db.Projects.FindAsync([id], cancellationToken) : null;
        if (project is not null && project.RegionCode != RegionOf(message)) project = null; // never take a township across regions
        var draft = Draft(message, project, project?.Name ?? "项目");
        var now = clock.GetUtcNow();
        Db.Notifications.AddRange(draft.ToNotifications(now));
    }
}
