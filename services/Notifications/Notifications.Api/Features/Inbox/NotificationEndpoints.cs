namespace Notifications.Api.Features.Inbox;

public sealed record NotificationResponse(Guid Id, string Kind, string Title, string Link, string RegionCode, string? Township,
    Guid? ProjectId, Guid SubjectId, string? RecipientRole, string? RecipientRegion, string? RecipientUser, DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt)
{
    public static NotificationResponse From(Notification n, DateTimeOffset? readAt) => new(n.Id, n.Kind, n.Title, n.Link, n.RegionCode,
        n.Township, n.ProjectId, n.SubjectId, n.RecipientRole, n.RecipientRegion, n.RecipientUser, n.CreatedAt, readAt);
}

public sealed record UnreadCount(int Unread);

public sealed record MarkedRead(int Marked);

public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/notifications", "Notifications");
        group.MapGet("/", List).WithSummary("The caller's notifications, newest first (unread=true: only those it has not read)");
        group.MapGet("/unread-count", CountUnread).WithSummary("How many of the caller's notifications it has not read");
        group.MapPost("/{id:guid}/read", MarkRead).WithSummary("Mark one of the caller's notifications read (again: no change)");
        group.MapPost("/read-all", MarkAllRead).WithSummary("Mark every notification of the caller read");
        group.MapGet("/stream", NotificationStream.Run)
            .WithSummary("Server-Sent Events: each new notification for the caller as it arrives (event: notification), and a heartbeat comment");
        return app;
    }

    static IQueryable<Notification> Mine(NotificationsDb db, CallerScope caller) =>
        db.Notifications.AsNoTracking().Where(Notification.AddressedTo(caller));

    static IQueryable<Notification> Unread(NotificationsDb db, CallerScope caller) =>
        Mine(db, caller).Where(n => !db.Reads.Any(r => r.NotificationId == n.Id && r.UserName == caller.UserName));

    static async Task<Ok<Paged<NotificationResponse>>> List(bool? unread, int? page, int? pageSize, NotificationsDb db, CallerScope caller,
        CancellationToken ct)
    {
        var query = unread == true ? Unread(db, caller) : Mine(db, caller);
        var result = await query
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(n => new
            {
                Notification = n, ReadAt = db.Reads.Where(r => r.NotificationId == n.Id && r.UserName == caller.UserName)
                .Select(r => (DateTimeOffset?)r.ReadAt).FirstOrDefault()
            })
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(new Paged<NotificationResponse>(
            result.Items.Select(x => NotificationResponse.From(x.Notification, x.ReadAt)).ToList(), result.Page, result.PageSize, result.Total));
    }

    static async Task<Ok<UnreadCount>> CountUnread(NotificationsDb db, CallerScope caller, CancellationToken ct) =>
        TypedResults.Ok(new UnreadCount(await Unread(db, caller).CountAsync(ct)));

    static async Task<Results<Ok<NotificationResponse>, ProblemHttpResult>> MarkRead(Guid id, NotificationsDb db, CallerScope caller,
        TimeProvider clock, CancellationToken ct)
    {
        var notification = await Mine(db, caller).FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notification is null) return Problem.NotFound("Notification", id);
        var readAt = clock.GetUtcNow();
        // Idempotent: the first read time stays.
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO notification_reads (notification_id, user_name, read_at) VALUES ({id}, {caller.UserName}, {readAt}) ON CONFLICT DO NOTHING", ct);
        var stored = await db.Reads.AsNoTracking().Where(r => r.NotificationId == id && r.UserName == caller.UserName).Select(r => r.ReadAt).FirstAsync(ct);
        return TypedResults.Ok(NotificationResponse.From(notification, stored));
    }

    static async Task<Ok<MarkedRead>> MarkAllRead(NotificationsDb db, CallerScope caller, TimeProvider clock, CancellationToken ct)
    {
        var readAt = clock.GetUtcNow();
        var ids = await Unread(db, caller).Select(n => n.Id).ToListAsync(ct);
        db.Reads.AddRange(ids.Select(id => new NotificationRead { NotificationId = id, UserName = caller.UserName, ReadAt = readAt }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new MarkedRead(ids.Count));
    }
}
