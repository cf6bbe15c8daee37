using MassTransit;

namespace Notifications.Tests;

/// <summary>
/// Each consumed event becomes exactly one notification for each right recipient and none for anyone else, also when the
/// broker delivers it twice. The project is in 泽州县 (140525), township 巴公镇.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class RecipientTests(NotificationsFactory factory)
{
    const string Region = "140525";
    const string Township = "巴公镇";

    /// <summary>Every caller the test asks, so "none for others" is checked as carefully as "one for the right ones".</summary>
    HttpClient[] Callers() =>
    [
        factory.ClientFor("project-office", Region),
        factory.ClientFor("township", Region, Township),
        factory.ClientFor("township", Region, "北义城镇"),
        factory.ClientFor("project-office", "140522"),
        factory.ClientFor("township", "140522", Township),
        factory.ClientFor("city-hq", "140500"),
        factory.ClientFor("funding", Region),
        factory.ClientFor("statistics", Region),
    ];

    // Expected count per caller, in the order of Callers().
    public static TheoryData<string, int[]> Rules => new()
    {
        { "problemRaised", [1, 1, 0, 0, 0, 0, 0, 0] },
        { "problemRaisedAtCityLevel", [1, 1, 0, 0, 0, 1, 0, 0] },
        { "problemAssigned", [1, 1, 0, 0, 0, 0, 0, 0] },
        { "problemEscalated", [1, 1, 0, 0, 0, 1, 0, 0] },
        { "problemClosed", [1, 1, 0, 0, 0, 0, 0, 0] },
        { "problemDueSoon", [1, 1, 0, 0, 0, 0, 0, 0] },
        { "problemCloseRequested", [1, 0, 0, 0, 0, 0, 0, 0] },
        { "problemCloseRequestedAtCityLevel", [0, 0, 0, 0, 0, 1, 0, 0] },
        { "problemReturned", [1, 1, 0, 0, 0, 0, 0, 0] },
        { "problemSupervised", [1, 1, 0, 0, 0, 0, 0, 0] },
        { "inclusionApproved", [1, 1, 0, 0, 0, 0, 0, 0] },
        { "fundingApproved", [1, 1, 0, 0, 0, 0, 1, 0] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task An_event_delivered_twice_notifies_each_right_recipient_once_and_nobody_else(string kind, int[] expected)
    {
        var project = await factory.KnownProject(Region, Township);
        var sample = EventSamples.Of(kind, project, Region);
        var messageId = NewId.NextGuid();

        await factory.Deliver(sample.Event, messageId);
        await factory.Deliver(sample.Event, messageId);

        var seen = new List<int>();
        foreach (var caller in Callers())
            using (caller) seen.Add((await NotificationsFactory.About(caller, sample.Subject)).Count);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task A_problem_notification_names_the_project_in_Chinese_and_links_to_the_problem()
    {
        var project = await factory.KnownProject(Region, Township);
        var sample = EventSamples.Of("problemRaised", project, Region);
        await factory.Deliver(sample.Event);

        using var office = factory.ClientFor("project-office", Region);
        var notification = Assert.Single(await NotificationsFactory.About(office, sample.Subject));
        Assert.Equal("problemRaised", notification.GetProperty("kind").GetString());
        Assert.StartsWith("通知测试项目", notification.GetProperty("title").GetString());
        Assert.Contains("发现新问题：征地未完成", notification.GetProperty("title").GetString());
        Assert.Equal($"/projects/{project}/problems/{sample.Subject}", notification.GetProperty("link").GetString());
        Assert.Equal((Region, Township), (notification.GetProperty("regionCode").GetString(), notification.GetProperty("township").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, notification.GetProperty("readAt").ValueKind);
    }

    [Fact]
    public async Task A_problem_of_a_project_not_known_yet_still_reaches_the_county_office_but_no_township()
    {
        var sample = EventSamples.Of("problemRaised", Guid.NewGuid(), Region);
        await factory.Deliver(sample.Event);

        using var office = factory.ClientFor("project-office", Region);
        using var township = factory.ClientFor("township", Region, Township);
        Assert.Single(await NotificationsFactory.About(office, sample.Subject));
        Assert.Empty(await NotificationsFactory.About(township, sample.Subject));
    }
}
