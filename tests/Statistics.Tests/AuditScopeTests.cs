using System.Net;
using System.Net.Http.Json;
using static Statistics.Tests.StatisticsFactory;

namespace Statistics.Tests;

/// <summary>The statistics trail is scoped like the records: a township user reads its own township's projects and applications.</summary>
public sealed class AuditScopeTests(StatisticsFactory factory) : IClassFixture<StatisticsFactory>
{
    async Task<(Guid Project, Guid Inclusion)> Applied(string township)
    {
        var id = Guid.NewGuid();
        await factory.Register(Snapshot(id, $"阳城县{township}供热管网改造 {id.ToString("N")[..6]}", township: township));
        await factory.Start(id, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30));
        using var office = factory.ClientFor("project-office", "140522");
        var created = await (await office.PostAsJsonAsync("/api/statistics/inclusions", Materials(id))).ShouldBe(HttpStatusCode.Created);
        return (id, created.GetProperty("id").GetGuid());
    }

    async Task<int> Total(HttpClient client, string query) =>
        (await (await client.GetAsync("/api/statistics/audit?" + query)).ShouldBe(HttpStatusCode.OK)).GetProperty("total").GetInt32();

    [Fact]
    public async Task A_township_user_reads_the_audit_of_its_townships_inclusions_and_projects_but_not_a_neighbours()
    {
        var ours = await Applied("北留镇");
        var theirs = await Applied("润城镇");

        using var township = factory.ClientFor("township", "140522", "北留镇");
        await (await township.GetAsync($"/api/statistics/inclusions/{theirs.Inclusion}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, await Total(township, $"entityId={theirs.Inclusion}"));
        Assert.Equal(0, await Total(township, $"entityType=ProjectView&entityId={theirs.Project}"));
        Assert.Equal(1, await Total(township, $"entityType=Inclusion&entityId={ours.Inclusion}"));
        Assert.True(await Total(township, $"entityType=ProjectView&entityId={ours.Project}") > 0);
        var everything = await (await township.GetAsync("/api/statistics/audit?pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(everything.GetProperty("items").EnumerateArray(),
            e => e.GetProperty("entityId").GetString()!.StartsWith(theirs.Project.ToString()) || e.GetProperty("entityId").GetString() == theirs.Inclusion.ToString());

        using var bureau = factory.ClientFor("statistics", "140522");
        Assert.Equal(1, await Total(bureau, $"entityId={theirs.Inclusion}"));
    }

    [Fact]
    public async Task A_duplicate_pairs_audit_is_read_from_either_of_its_projects_townships_and_by_no_one_else()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var (first, second) = a.CompareTo(b) < 0 ? (a, b) : (b, a);
        var code = "2025-140500-48-01-" + Random.Shared.Next(100_000, 999_999);
        await factory.Register(Snapshot(first, $"阳城县北留镇污水处理厂 {first.ToString("N")[..6]}", township: "北留镇", nationalCode: code));
        await factory.Register(Snapshot(second, $"沁水县龙港镇污水处理厂 {second.ToString("N")[..6]}", region: "140521", township: "龙港镇", nationalCode: code));
        using var city = factory.ClientFor("statistics", "140500");
        var pairs = await (await city.GetAsync($"/api/statistics/duplicates?projectId={first}")).ShouldBe(HttpStatusCode.OK);
        var pair = pairs.GetProperty("items").EnumerateArray()
            .Single(p => p.GetProperty("other").GetProperty("projectId").GetGuid() == second).GetProperty("id").GetGuid();

        foreach (var (region, township, sees) in new[] { ("140522", "北留镇", 1), ("140521", "龙港镇", 1), ("140522", "润城镇", 0), ("140521", "郑庄镇", 0) })
        {
            using var client = factory.ClientFor("township", region, township);
            Assert.Equal(sees, await Total(client, $"entityType=DuplicatePair&entityId={pair}"));
        }
        using var otherCounty = factory.ClientFor("statistics", "140524");
        Assert.Equal(0, await Total(otherCounty, $"entityId={pair}"));
    }
}
