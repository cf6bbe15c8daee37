using System.Net;
using System.Text.Json;

namespace Approvals.Tests;

/// <summary>The approvals trail is scoped like the checklists: a township user reads its own township's projects and items.</summary>
[Collection(ApprovalsCollection.Name)]
public sealed class AuditScopeTests(ApprovalsFactory factory)
{
    static int Total(JsonElement page) => page.GetProperty("total").GetInt32();

    [Fact]
    public async Task A_township_user_reads_the_audit_of_its_townships_checklist_items_but_not_a_neighbours()
    {
        var ours = ApprovalsFactory.Snapshot(township: "北留镇");
        var theirs = ApprovalsFactory.Snapshot(township: "润城镇");
        await factory.Register(ours);
        await factory.Register(theirs);
        var ourItem = ApprovalsFactory.ItemId(await factory.Checklist(ours.ProjectId), "eia");
        var theirItem = ApprovalsFactory.ItemId(await factory.Checklist(theirs.ProjectId), "eia");

        using var township = factory.ClientFor("township", "140522", "北留镇");
        await (await township.GetAsync($"/api/approvals/items/{theirItem}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, Total(await (await township.GetAsync($"/api/approvals/audit?entityId={theirItem}")).ShouldBe(HttpStatusCode.OK)));
        Assert.Equal(0, Total(await (await township.GetAsync($"/api/approvals/audit?entityType=ProjectView&entityId={theirs.ProjectId}")).ShouldBe(HttpStatusCode.OK)));
        Assert.True(Total(await (await township.GetAsync($"/api/approvals/audit?entityType=ChecklistItem&entityId={ourItem}")).ShouldBe(HttpStatusCode.OK)) > 0);
        Assert.True(Total(await (await township.GetAsync($"/api/approvals/audit?entityType=ProjectView&entityId={ours.ProjectId}")).ShouldBe(HttpStatusCode.OK)) > 0);
        var everything = await (await township.GetAsync("/api/approvals/audit?pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(everything.GetProperty("items").EnumerateArray(),
            e => e.GetProperty("entityId").GetString() == theirItem.ToString() || e.GetProperty("entityId").GetString() == theirs.ProjectId.ToString());

        using var office = factory.ClientFor("project-office", "140522");
        Assert.True(Total(await (await office.GetAsync($"/api/approvals/audit?entityId={theirItem}")).ShouldBe(HttpStatusCode.OK)) > 0);
    }
}
