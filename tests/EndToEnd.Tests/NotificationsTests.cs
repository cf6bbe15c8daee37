using System.Diagnostics;
using System.Net;

namespace EndToEnd.Tests;

/// <summary>Notifications through the gateway: a problem raised in the project library reaches the county office, live.</summary>
[Collection(PlatformCollection.Name)]
public sealed class NotificationsTests(PlatformFixture fixture)
{
    [Fact]
    public async Task A_problem_raised_in_the_library_is_pushed_to_the_county_office_within_a_second_and_listed_as_unread()
    {
        using var office = await fixture.SignedInAs("project-office@140522");
        using var listener = await fixture.SignedInAs("project-office@140522");
        using var stranger = await fixture.SignedInAs("project-office@140525");
        var project = (await (await office.PostJson("/api/projects", ProjectSamples.Valid())).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var stream = await SseReader.OpenAsync(listener, "/api/notifications/stream");

        var raised = await (await office.PostJson($"/api/projects/{project}/problems",
            new { title = "用地指标未落实", description = "需县自然资源局协调", category = "land", level = "county" })).ShouldBe(HttpStatusCode.Created);
        var stored = Stopwatch.StartNew();
        var problem = raised.GetProperty("id").GetGuid();

        var pushed = await stream.NextNotificationAsync(TimeSpan.FromSeconds(10));
        while (pushed.GetProperty("subjectId").GetGuid() != problem) pushed = await stream.NextNotificationAsync(TimeSpan.FromSeconds(10));
        Assert.True(stored.Elapsed < TimeSpan.FromSeconds(1), $"the stream pushed the notification {stored.Elapsed} after the problem was stored");
        Assert.Equal(("problemRaised", $"/projects/{project}/problems/{problem}"),
            (pushed.GetProperty("kind").GetString(), pushed.GetProperty("link").GetString()));

        var unread = await (await office.GetAsync("/api/notifications?unread=true&pageSize=200")).ShouldBe(HttpStatusCode.OK);
        var listed = Assert.Single(unread.GetProperty("items").EnumerateArray(), n => n.GetProperty("subjectId").GetGuid() == problem);
        Assert.Contains("用地指标未落实", listed.GetProperty("title").GetString());
        var count = (await (await office.GetAsync("/api/notifications/unread-count")).ShouldBe(HttpStatusCode.OK)).GetProperty("unread").GetInt32();
        Assert.True(count >= 1, $"unread count {count}");

        var others = await (await stranger.GetAsync("/api/notifications?pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(others.GetProperty("items").EnumerateArray(), n => n.GetProperty("subjectId").GetGuid() == problem);
        await (await stranger.PostAsync($"/api/notifications/{listed.GetProperty("id").GetGuid()}/read", null)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await office.PostAsync($"/api/notifications/{listed.GetProperty("id").GetGuid()}/read", null)).ShouldBe(HttpStatusCode.OK);
    }
}
