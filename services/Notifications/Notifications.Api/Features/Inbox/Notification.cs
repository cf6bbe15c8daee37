using System.Linq.Expressions;

namespace Notifications.Api.Features.Inbox;

/// <summary>Who a notification is for: every user of a role within a region (and its township), or one named user.</summary>
public sealed record Recipient(string? Role, string? Region, string? User)
{
    public static Recipient RoleIn(string role, string region) => new(role, region, null);
    public static Recipient Named(string user) => new(null, null, user);
}

/// <summary>
/// One notification for one recipient. It names the object it is about (<see cref="Link"/>, <see cref="SubjectId"/>) and
/// the region and township of that object; a township user sees a role's notification only for its own township.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; init; }
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public required string Link { get; init; }
    public required string RegionCode { get; init; }
    public string? Township { get; init; }
    public Guid? ProjectId { get; init; }
    public Guid SubjectId { get; init; }
    public string? RecipientRole { get; init; }
    public string? RecipientRegion { get; init; }
    public string? RecipientUser { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The notifications addressed to the caller: by user name, or to its role in its region (a township user: its township's only).</summary>
    public static Expression<Func<Notification, bool>> AddressedTo(CallerScope caller)
    {
        var user = caller.UserName;
        var role = caller.Role;
        var region = caller.RegionCode;
        var township = caller.Township;
        return n => (n.RecipientUser != null && n.RecipientUser == user)
            || (n.RecipientRole == role && n.RecipientRegion == region && (township == null || n.Township == township));
    }
}

/// <summary>That one user has read one notification, and when.</summary>
public sealed class NotificationRead
{
    public Guid NotificationId { get; init; }
    public required string UserName { get; init; }
    public DateTimeOffset ReadAt { get; init; }
}
