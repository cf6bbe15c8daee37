using Notifications.Api.Features.Inbox;
using Platform.ServiceDefaults.Auth;

namespace Notifications.Tests;

/// <summary>Who sees a notification: its named user, or the users of its role in its recipient region (a township user: its own township's).</summary>
public sealed class AddressingTests
{
    static Notification For(Recipient recipient, string region = "140522", string? township = null) => new()
    {
        Id = Guid.NewGuid(), Kind = "problemRaised", Title = "测试", Link = "/projects", RegionCode = region, Township = township,
        SubjectId = Guid.NewGuid(), RecipientRole = recipient.Role, RecipientRegion = recipient.Region, RecipientUser = recipient.User,
        CreatedAt = DateTimeOffset.UtcNow,
    };

    static bool Sees(CallerScope caller, Notification notification) => Notification.AddressedTo(caller).Compile()(notification);

    [Fact]
    public void A_named_user_sees_its_own_notification_wherever_it_is_and_nobody_else_does()
    {
        var notification = For(Recipient.Named("zhao@140522"));
        Assert.True(Sees(new CallerScope("zhao@140522", "140522", "project-office", null, null), notification));
        Assert.False(Sees(new CallerScope("qian@140522", "140522", "project-office", null, null), notification));
    }

    [Fact]
    public void A_role_notification_reaches_that_role_in_that_region_only()
    {
        var notification = For(Recipient.RoleIn("project-office", "140522"));
        Assert.True(Sees(new CallerScope("a", "140522", "project-office", null, null), notification));
        Assert.False(Sees(new CallerScope("b", "140525", "project-office", null, null), notification));
        Assert.False(Sees(new CallerScope("c", "140522", "funding", null, null), notification));
        Assert.False(Sees(new CallerScope("d", "140500", "city-hq", null, null), notification)); // the city reads all data, not all mail
    }

    [Fact]
    public void A_township_user_sees_its_townships_notifications_only()
    {
        var own = For(Recipient.RoleIn("township", "140522"), township: "润城镇");
        var other = For(Recipient.RoleIn("township", "140522"), township: "北留镇");
        var countyWide = For(Recipient.RoleIn("township", "140522"));
        var caller = new CallerScope("t", "140522", "township", "润城镇", null);
        Assert.Equal([true, false, false], new[] { own, other, countyWide }.Select(n => Sees(caller, n)));
    }
}
