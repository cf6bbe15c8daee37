using System.Net;
using System.Text.Json;

namespace ProjectLibrary.Tests;

/// <summary>The project and problem trails are scoped like the projects and problems: a township user reads its township's only.</summary>
[Collection(ProjectsCollection.Name)]
public sealed class AuditScopeTests(ProjectsFactory factory)
{
    static int Total(JsonElement page) => page.GetProperty("total").GetInt32();

    [Fact]
    public async Task A_township_user_reads_the_audit_of_its_own_townships_projects_and_not_of_a_neighbours()
    {
        using var office = factory.Office("140522");
        var ours = await office.CreateProject(Samples.Project("140522", "北留镇"));
        var theirs = await office.CreateProject(Samples.Project("140522", "润城镇"));
        await (await office.PostJson($"/api/projects/{theirs}/progress", new { period = "2025-01", completedInvestment = 800m })).ShouldBe(HttpStatusCode.Created);
        var problem = (await (await office.PostJson($"/api/projects/{theirs}/problems",
            new { title = "用地指标未落实", category = "land" })).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        using var township = factory.ClientFor("township", "140522", "北留镇");
        await (await township.GetAsync($"/api/projects/{theirs}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, Total(await (await township.GetAsync($"/api/projects/audit?entityType=Project&entityId={theirs}")).ShouldBe(HttpStatusCode.OK)));
        Assert.Equal(0, Total(await (await township.GetAsync($"/api/projects/audit?entityType=MonthlyProgress&entityId={theirs},2025,1")).ShouldBe(HttpStatusCode.OK)));
        Assert.Equal(0, Total(await (await township.GetAsync($"/api/problems/audit?entityId={problem}")).ShouldBe(HttpStatusCode.OK)));
        var all = await (await township.GetAsync("/api/projects/audit?pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(all.GetProperty("items").EnumerateArray(), e => e.GetProperty("entityId").GetString()!.StartsWith(theirs.ToString()));

        var own = await (await township.GetAsync($"/api/projects/audit?entityType=Project&entityId={ours}")).ShouldBe(HttpStatusCode.OK);
        var created = Assert.Single(own.GetProperty("items").EnumerateArray());
        Assert.Contains("北留镇", created.GetProperty("after").GetString());

        // The county's project office still reads both, the problem included.
        Assert.True(Total(await (await office.GetAsync($"/api/projects/audit?entityType=Project&entityId={theirs}")).ShouldBe(HttpStatusCode.OK)) > 0);
        Assert.Equal(1, Total(await (await office.GetAsync($"/api/problems/audit?entityId={problem}")).ShouldBe(HttpStatusCode.OK)));
    }
}
