using System.Net;
using System.Text.Json;

namespace City.Tests;

[Collection(CityCollection.Name)]
public sealed class FeedTests(CityFactory factory)
{
    [Fact]
    public async Task The_feed_resumes_from_a_cursor_with_nothing_skipped_or_repeated()
    {
        using var city = factory.City();
        await factory.ReadyAsync();
        var start = (await (await city.GetAsync("/api/city/feed?after=0&limit=1000")).ShouldBe(HttpStatusCode.OK)).GetProperty("next").GetString();
        while (true)
        {
            var page = await (await city.GetAsync($"/api/city/feed?after={start}&limit=1000")).ShouldBe(HttpStatusCode.OK);
            if (!page.GetProperty("hasMore").GetBoolean()) { start = page.GetProperty("next").GetString(); break; }
            start = page.GetProperty("next").GetString();
        }

        var first = Enumerable.Range(0, 3).Select(_ => Events.Snapshot(region: "140502", year: 2051)).ToList();
        foreach (var s in first) await factory.Deliver(Events.Registered(s));
        var page1 = await (await city.GetAsync($"/api/city/feed?after={start}&limit=2")).ShouldBe(HttpStatusCode.OK);
        Assert.True(page1.GetProperty("hasMore").GetBoolean());
        var page2 = await (await city.GetAsync($"/api/city/feed?after={page1.GetProperty("next").GetString()}&limit=2")).ShouldBe(HttpStatusCode.OK);
        var second = Events.Snapshot(region: "140502", year: 2051);
        await factory.Deliver(Events.Registered(second));
        var page3 = await (await city.GetAsync($"/api/city/feed?after={page2.GetProperty("next").GetString()}&limit=2")).ShouldBe(HttpStatusCode.OK);

        var items = new[] { page1, page2, page3 }.SelectMany(p => p.GetProperty("items").EnumerateArray()).ToList();
        var positions = items.Select(i => i.GetProperty("position").GetInt64()).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(positions.Distinct().Count(), positions.Count);
        var projects = items.Select(i => i.GetProperty("data").GetProperty("project").GetProperty("projectId").GetGuid()).ToList();
        Assert.Equal(first.Select(s => s.ProjectId).Append(second.ProjectId), projects);
        Assert.All(items, i => Assert.Equal("ProjectRegistered", i.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task A_county_reads_only_its_own_events_in_the_feed()
    {
        await factory.Deliver(Events.Registered(Events.Snapshot(region: "140571", year: 2051)));
        using var county = factory.ClientFor("project-office", "140502");
        var page = await (await county.GetAsync("/api/city/feed?limit=1000")).ShouldBe(HttpStatusCode.OK);
        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.Equal("140502", i.GetProperty("regionCode").GetString()));
        await (await county.GetAsync("/api/city/feed?after=abc")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await county.GetAsync("/api/city/feed?regionCode=140571")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }
}
