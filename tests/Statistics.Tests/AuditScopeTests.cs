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
        var created = await Expect(await office.PostAsJsonAsync("/api/statistics/inclusions", Materials(id)), HttpStatusCode.Created);
        return (id, created.GetProperty("id").GetGuid());
    }

    async Task<int> Total(HttpClient client, string query) =>
        (await Expect(await client.GetAsync("/api/statistics/audit?" + query), HttpStatusCode.OK)).GetProperty("total").GetInt32();

    [Fact]
    public async Task A_township_user_reads_the_audit_of_its_townships_inclusions_and_projects_but_not_a_neighbours()
    {
        var ours = await Applied("北留镇");
        var theirs = await Applied("润城镇");

        using var township = factory.ClientFor("township", "140522", "北留镇");
        await Expect(await township.GetAsync($"/api/statistics/inclusions/{theirs.Inclusion}"), HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, await Total(township, $"entityId={theirs.Inclusion}"));
        Assert.Equal(0, await Total(township, $"entityType=ProjectView&entityId={theirs.Project}"));
        Assert.Equal(1, await Total(township, $"entityType=Inclusion&entityId={ours.Inclusion}"));
        Assert.True(await Total(township, $"entityType=ProjectView&entityId={ours.Project}") > 0);
        var everything = await Expect(await township.GetAsync("/api/statistics/audit?pageSize=200"), HttpStatusCode.OK);
        Assert.DoesNotContain(everything.GetProperty("items").EnumerateArray(),
            e => e.GetProperty("entityId").GetString()!.StartsWith(theirs.Project.ToString()) || e.GetProperty("entityId").GetString() == theirs.Inclusion.ToString());

        using var bureau = factory.ClientFor("statistics", "140522");
        Assert.Equal(1, await Total(bureau, $"entityId={theirs.Inclusion}"));
    }
}
