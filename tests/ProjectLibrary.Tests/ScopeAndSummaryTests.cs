using System.Net;

namespace ProjectLibrary.Tests;

[Collection(ProjectsCollection.Name)]
public sealed class ScopeAndSummaryTests(ProjectsFactory factory)
{
    [Fact]
    public async Task A_township_user_sees_and_writes_only_its_own_townships_projects()
    {
        using var county = factory.Office();
        var fengcheng = await county.CreateProject(Samples.Project(township: "凤城镇"));
        var beiliu = await county.CreateProject(Samples.Project(township: "北留镇"));
        using var township = factory.ClientFor("township", "140522", "凤城镇");

        var list = await (await township.GetAsync("/api/projects?pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.All(list.GetProperty("items").EnumerateArray(), p => Assert.Equal("凤城镇", p.GetProperty("township").GetString()));
        Assert.Contains(list.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == fengcheng);
        await (await township.GetAsync($"/api/projects/{beiliu}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await township.PostJson($"/api/projects/{beiliu}/progress", new { period = "2025-01", completedInvestment = 10m }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await township.PostJson($"/api/projects/{fengcheng}/progress", new { period = "2025-01", completedInvestment = 10m }))
            .ShouldBe(HttpStatusCode.Created);
        await (await township.PostJson("/api/projects", Samples.Project(township: "北留镇"))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_county_sees_only_its_county_in_lists_and_problems_and_the_city_sees_all()
    {
        using var qinshui = factory.Office("140521");
        var id = await qinshui.CreateProject(Samples.Project("140521"));
        using var yangcheng = factory.Office();
        var list = await (await yangcheng.GetAsync("/api/projects?pageSize=200&regionCode=140521")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        await (await yangcheng.GetAsync($"/api/projects/{id}/progress")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await yangcheng.GetAsync($"/api/projects/{id}/problems")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        using var city = factory.ClientFor("city-hq", "140500");
        var all = await (await city.GetAsync("/api/projects?pageSize=200&regionCode=140521")).ShouldBe(HttpStatusCode.OK);
        Assert.Contains(all.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task The_monthly_summary_counts_stages_new_starts_key_projects_plan_against_progress_and_laggards()
    {
        // 开发区 is used by no other test here, so its figures are exactly what this test made.
        using var office = factory.Office("140571");
        var started = await office.CreateProject(Samples.Project("140571", annual: 12000m));
        await (await office.PostJson($"/api/projects/{started}/stage", new { stage = "preparation", date = "2025-01-05" })).ShouldBe(HttpStatusCode.OK);
        await (await office.PostJson($"/api/projects/{started}/stage", new { stage = "underConstruction", date = "2025-02-10" })).ShouldBe(HttpStatusCode.OK);
        await (await office.PostJson($"/api/projects/{started}/progress", new { period = "2025-02", completedInvestment = 1000m })).ShouldBe(HttpStatusCode.Created);
        await (await office.PostJson($"/api/projects/{started}/progress", new { period = "2025-03", completedInvestment = 500m })).ShouldBe(HttpStatusCode.Created);
        await (await office.PostJson($"/api/projects/{started}/progress", new { period = "2025-04", completedInvestment = 9000m })).ShouldBe(HttpStatusCode.Created);
        await office.CreateProject(Samples.Project("140571", annual: 1200m));

        var summary = await (await office.GetAsync("/api/projects/summary?period=2025-03")).ShouldBe(HttpStatusCode.OK);
        var region = Assert.Single(summary.GetProperty("regions").EnumerateArray());
        Assert.Equal("140571", region.GetProperty("regionCode").GetString());
        Assert.Equal(2, region.GetProperty("projects").GetInt32());
        Assert.Equal(1, region.GetProperty("newStarts").GetInt32());
        Assert.Equal(1, region.GetProperty("keyProjects").GetInt32());
        Assert.Equal(13200m, region.GetProperty("plannedInvestment").GetDecimal());
        Assert.Equal(3300m, region.GetProperty("expectedToDate").GetDecimal());
        Assert.Equal(1500m, region.GetProperty("completedToDate").GetDecimal()); // April is after the period
        Assert.Equal(2, region.GetProperty("laggards").GetInt32());            // 1,500 < 3,000 and 0 < 300
        var stages = region.GetProperty("byStage").EnumerateArray().ToDictionary(s => s.GetProperty("stage").GetString()!, s => s.GetProperty("count").GetInt32());
        Assert.Equal(1, stages["underConstruction"]);
        Assert.Equal(1, stages["reserve"]);

        using var city = factory.ClientFor("city-hq", "140500");
        var all = await (await city.GetAsync("/api/projects/summary?period=2025-03")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(8, all.GetProperty("regions").GetArrayLength());
        await (await office.GetAsync("/api/projects/summary?period=March")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }
}
