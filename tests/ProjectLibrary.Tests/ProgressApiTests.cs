using System.Net;

namespace ProjectLibrary.Tests;

[Collection(ProjectsCollection.Name)]
public sealed class ProgressApiTests(ProjectsFactory factory)
{
    static object Month(string period, decimal amount, string? note = null) => new { period, completedInvestment = amount, note };

    [Fact]
    public async Task Monthly_figures_add_up_to_the_year_to_date_and_the_schedule_status()
    {
        using var office = factory.Office();
        var id = await office.CreateProject(Samples.Project(annual: 12000m));
        await (await office.PostJson($"/api/projects/{id}/progress", Month("2025-01", 1000m))).ShouldBe(HttpStatusCode.Created);
        await (await office.PostJson($"/api/projects/{id}/progress", Month("2025-02", 1000m))).ShouldBe(HttpStatusCode.Created);
        var march = await (await office.PostJson($"/api/projects/{id}/progress", Month("2025-03", 500m, "主体施工"))).ShouldBe(HttpStatusCode.Created);
        Assert.Equal(2500m, march.GetProperty("yearToDateInvestment").GetDecimal());

        var project = await (await office.GetAsync($"/api/projects/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2500m, project.GetProperty("yearToDateInvestment").GetDecimal());
        Assert.Equal(3000m, project.GetProperty("expectedToDate").GetDecimal());
        Assert.Equal("behind", project.GetProperty("scheduleStatus").GetString());
        Assert.Equal("none", project.GetProperty("warningLevel").GetString());

        // Measured at the end of June the same figures are far behind: 2,500 of an expected 6,000 (29 points).
        var june = await (await office.GetAsync($"/api/projects/{id}?asOf=2025-06")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(6000m, june.GetProperty("expectedToDate").GetDecimal());
        Assert.Equal("red", june.GetProperty("warningLevel").GetString());

        var year = await (await office.GetAsync($"/api/projects/{id}/progress?year=2025")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(["2025-01", "2025-02", "2025-03"], year.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("period").GetString()));
        Assert.Equal(3, await factory.Count("ProgressReported", id));
        Assert.Equal(2500m, (await factory.LatestBody("ProgressReported", id)).GetProperty("yearToDateInvestment").GetDecimal());
    }

    [Fact]
    public async Task Resubmitting_a_month_corrects_it_and_the_correction_is_audited()
    {
        using var office = factory.Office();
        var id = await office.CreateProject(Samples.Project(annual: 12000m));
        await (await office.PostJson($"/api/projects/{id}/progress", Month("2025-01", 1000m))).ShouldBe(HttpStatusCode.Created);
        var corrected = await (await office.PostJson($"/api/projects/{id}/progress", Month("2025-01", 1400m, "更正"))).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1400m, corrected.GetProperty("yearToDateInvestment").GetDecimal());

        var project = await (await office.GetAsync($"/api/projects/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1400m, project.GetProperty("yearToDateInvestment").GetDecimal());
        Assert.Equal("ahead", project.GetProperty("scheduleStatus").GetString());
        var audit = await (await office.GetAsync($"/api/projects/audit?entityType=MonthlyProgress&entityId={id},2025,1")).ShouldBe(HttpStatusCode.OK);
        var update = Assert.Single(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "updated");
        Assert.Contains("1000", update.GetProperty("before").GetString());
        Assert.Contains("1400", update.GetProperty("after").GetString());
    }

    [Fact]
    public async Task A_locked_month_is_read_only_until_the_office_unlocks_it()
    {
        using var office = factory.Office("140525");
        var id = await office.CreateProject(Samples.Project("140525"));
        await (await office.PostJson("/api/projects/progress/locks", new { regionCode = "140525", period = "2025-04" })).ShouldBe(HttpStatusCode.Created);
        await (await office.PostJson("/api/projects/progress/locks", new { regionCode = "140525", period = "2025-04" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "already_locked");
        await (await office.PostJson($"/api/projects/{id}/progress", Month("2025-04", 100m))).ShouldBeProblem(HttpStatusCode.Conflict, "period_locked");

        using var township = factory.ClientFor("township", "140525", "巴公镇");
        await (await township.DeleteAsync("/api/projects/progress/locks?regionCode=140525&period=2025-04")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        using var yangcheng = factory.Office();
        await (await yangcheng.PostJson("/api/projects/progress/locks", new { regionCode = "140525", period = "2025-05" })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");

        await (await office.DeleteAsync("/api/projects/progress/locks?regionCode=140525&period=2025-04")).ShouldBe(HttpStatusCode.NoContent);
        await (await office.PostJson($"/api/projects/{id}/progress", Month("2025-04", 100m))).ShouldBe(HttpStatusCode.Created);
        var audit = await (await office.GetAsync("/api/projects/audit?entityType=ProgressLock&entityId=140525,2025,4")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(["deleted", "created"], audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Bad_progress_input_is_a_400_and_a_month_not_yet_begun_is_a_422()
    {
        using var office = factory.Office();
        var id = await office.CreateProject(Samples.Project());
        var problem = await (await office.PostJson($"/api/projects/{id}/progress", new { period = "2025-13", completedInvestment = -5m }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("period", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("completedInvestment", out _));
        await (await office.PostJson($"/api/projects/{id}/progress", Month("2099-01", 5m))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "period_in_future");
        await (await office.GetAsync($"/api/projects/{id}?asOf=2025-3")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        var filter = await (await office.GetAsync("/api/projects?warningLevel=orange&stage=building")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(filter.GetProperty("errors").TryGetProperty("warningLevel", out _));
        Assert.True(filter.GetProperty("errors").TryGetProperty("stage", out _));
    }

    [Fact]
    public async Task Laggards_are_listed_by_behindSchedule_and_by_warning_level()
    {
        using var office = factory.Office();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var onTrack = await Reported(office, tag, 3000m);   // 3,000 of 3,000 expected by March
        var yellow = await Reported(office, tag, 1500m);    // 12.5 points behind
        var red = await Reported(office, tag, 300m);        // 22.5 points behind

        var behind = await (await office.GetAsync($"/api/projects?behindSchedule=true&q={tag}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(new[] { yellow, red }.Order(), behind.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).Order());
        var reds = await (await office.GetAsync($"/api/projects?warningLevel=red&q={tag}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal([red], reds.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        var fine = await (await office.GetAsync($"/api/projects?behindSchedule=false&q={tag}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal([onTrack], fine.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));

        // At the end of December even the on-track project (3,000 of 12,000) is behind.
        var december = await (await office.GetAsync($"/api/projects?behindSchedule=true&asOf=2025-12&q={tag}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(3, december.GetProperty("total").GetInt32());
        Assert.All(december.GetProperty("items").EnumerateArray(), p => Assert.Equal("red", p.GetProperty("warningLevel").GetString()));
    }

    static async Task<Guid> Reported(HttpClient office, string tag, decimal throughMarch)
    {
        var body = Samples.Project(annual: 12000m);
        body["name"] = $"阳城县化工园区基础设施 {tag} {Guid.NewGuid().ToString("N")[..4]}";
        var id = await office.CreateProject(body);
        await (await office.PostJson($"/api/projects/{id}/progress", Month("2025-03", throughMarch))).ShouldBe(HttpStatusCode.Created);
        return id;
    }
}
