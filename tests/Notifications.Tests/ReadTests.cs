using System.Net;
using System.Text.Json;

namespace Notifications.Tests;

/// <summary>Read state is per user: each user of a role reads the role's notifications on its own. Only 陵川县 (140524) is used here.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class ReadTests(NotificationsFactory factory)
{
    const string Region = "140524";

    HttpClient Office(string user) => factory.CreateClient().WithToken(TestTokens.For("project-office", Region, userName: user));

    static async Task<int> Unread(HttpClient client) =>
        (await (await client.GetAsync("/api/notifications/unread-count")).ShouldBe(HttpStatusCode.OK)).GetProperty("unread").GetInt32();

    async Task<Guid> Raised()
    {
        var sample = EventSamples.Of("problemRaised", Guid.NewGuid(), Region);
        await factory.Deliver(sample.Event);
        return sample.Subject;
    }

    [Fact]
    public async Task Reading_one_and_then_all_counts_down_for_that_user_only()
    {
        using var alice = Office("alice@140524");
        using var bob = Office("bob@140524");
        await (await alice.PostAsync("/api/notifications/read-all", null)).ShouldBe(HttpStatusCode.OK);
        await (await bob.PostAsync("/api/notifications/read-all", null)).ShouldBe(HttpStatusCode.OK);

        var first = await Raised();
        var second = await Raised();
        Assert.Equal((2, 2), (await Unread(alice), await Unread(bob)));

        var id = (await NotificationsFactory.About(alice, first)).Single().GetProperty("id").GetGuid();
        var read = await (await alice.PostAsync($"/api/notifications/{id}/read", null)).ShouldBe(HttpStatusCode.OK);
        var readAt = read.GetProperty("readAt").GetDateTimeOffset();
        var again = await (await alice.PostAsync($"/api/notifications/{id}/read", null)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(readAt, again.GetProperty("readAt").GetDateTimeOffset()); // reading twice keeps the first time
        Assert.Equal((1, 2), (await Unread(alice), await Unread(bob)));

        var unread = await (await alice.GetAsync("/api/notifications?unread=true")).ShouldBe(HttpStatusCode.OK);
        var left = Assert.Single(unread.GetProperty("items").EnumerateArray());
        Assert.Equal(second, left.GetProperty("subjectId").GetGuid());

        var all = await (await alice.PostAsync("/api/notifications/read-all", null)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, all.GetProperty("marked").GetInt32());
        Assert.Equal((0, 2), (await Unread(alice), await Unread(bob)));
        Assert.All((await NotificationsFactory.About(alice, second)), n => Assert.NotEqual(JsonValueKind.Null, n.GetProperty("readAt").ValueKind));
    }

    [Fact]
    public async Task The_list_is_newest_first()
    {
        using var office = Office("carol@140524");
        var older = await Raised();
        var newer = await Raised();
        var items = (await (await office.GetAsync("/api/notifications")).ShouldBe(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Select(n => n.GetProperty("subjectId").GetGuid()).ToList();
        Assert.True(items.IndexOf(newer) < items.IndexOf(older), "the newer notification comes first");
    }

    [Fact]
    public async Task Another_regions_notification_cannot_be_marked_read()
    {
        var subject = await Raised();
        using var owner = Office("dave@140524");
        var id = (await NotificationsFactory.About(owner, subject)).Single().GetProperty("id").GetGuid();
        using var stranger = factory.ClientFor("project-office", "140522");
        await (await stranger.PostAsync($"/api/notifications/{id}/read", null)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await stranger.PostAsync($"/api/notifications/{Guid.NewGuid()}/read", null)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }
}
