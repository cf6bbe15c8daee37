using System.Net;
using System.Text.Json;
using Platform.Contracts.Approvals;
using Platform.Contracts.ProjectLibrary;
using Platform.Contracts.Statistics;
using Platform.Spreadsheets;

namespace City.Tests;

[Collection(CityCollection.Name)]
public sealed class ListTests(CityFactory factory)
{
    static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    async Task<List<JsonElement>> Rows(string list, string period, string role = "city-hq", string region = "140500", string? query = null)
    {
        using var client = factory.ClientFor(role, region);
        var page = await (await client.GetAsync($"/api/city/lists/{list}?period={period}&pageSize=200{query}")).ShouldBe(HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    static bool Has(List<JsonElement> rows, Guid projectId) => rows.Any(r => r.GetProperty("projectId").GetGuid() == projectId);
    static bool Has(List<JsonElement> rows, ProjectSnapshot project) => Has(rows, project.ProjectId);

    [Fact]
    public async Task Not_started_lists_projects_planned_by_the_period_end_that_have_not_started()
    {
        var due = Events.Snapshot(region: "140525", year: 2045, plannedStart: new DateOnly(2045, 3, 1));
        var later = Events.Snapshot(region: "140525", year: 2045, plannedStart: new DateOnly(2045, 7, 1));
        var started = Events.Snapshot(region: "140525", year: 2045, plannedStart: new DateOnly(2045, 2, 1));
        var suspended = Events.Snapshot(region: "140525", year: 2045, plannedStart: new DateOnly(2045, 2, 1), stage: "suspended");
        foreach (var s in new[] { due, later, started, suspended }) await factory.Deliver(Events.Registered(s));
        await factory.Deliver(Events.Started(started, new DateOnly(2045, 2, 20)));

        var rows = await Rows("not-started", "2045-Q1", query: "&regionCode=140525");
        Assert.True(Has(rows, due));
        Assert.False(Has(rows, later) || Has(rows, started) || Has(rows, suspended));
        Assert.True(Has(await Rows("not-started", "2045"), later));
    }

    [Fact]
    public async Task Started_not_included_lists_started_projects_above_the_threshold_until_the_statistics_include_them()
    {
        var waiting = Events.Snapshot(region: "140525", year: 2046, total: 800m);
        var small = Events.Snapshot(region: "140525", year: 2046, total: 300m);
        var included = Events.Snapshot(region: "140525", year: 2046, total: 5_000m);
        foreach (var s in new[] { waiting, small, included })
        {
            await factory.Deliver(Events.Registered(s));
            await factory.Deliver(Events.Started(s, new DateOnly(2046, 2, 1)));
        }
        await factory.Deliver(new InclusionApproved { InclusionId = Guid.NewGuid(), ProjectId = included.ProjectId, RegionCode = "140525", ApprovedOn = new DateOnly(2046, 4, 10), Version = 1, OccurredAt = Now });

        var q1 = await Rows("started-not-included", "2046-Q1");
        Assert.True(Has(q1, waiting) && Has(q1, included));
        Assert.False(Has(q1, small));
        var q2 = await Rows("started-not-included", "2046-Q2");
        Assert.True(Has(q2, waiting));
        Assert.False(Has(q2, included));
    }

    [Fact]
    public async Task Behind_schedule_lists_projects_whose_year_to_date_is_below_m_twelfths_of_the_plan()
    {
        var behind = Events.Snapshot(region: "140581", year: 2047, annual: 12_000m);
        var onTrack = Events.Snapshot(region: "140581", year: 2047, annual: 12_000m);
        foreach (var (s, done) in new[] { (behind, 2_000m), (onTrack, 3_000m) })
        {
            await factory.Deliver(Events.Registered(s));
            await factory.Deliver(Events.Started(s, new DateOnly(2047, 1, 5)));
            await factory.Deliver(Events.Progress(s, "2047-01", done / 2, 3));
            await factory.Deliver(Events.Progress(s, "2047-03", done / 2, 4));
        }
        // End of March: 3/12 of 12,000 = 3,000 expected.
        var rows = await Rows("behind-schedule", "2047-03");
        var row = rows.Single(r => r.GetProperty("projectId").GetGuid() == behind.ProjectId);
        Assert.Equal((3_000m, 2_000m, 1_000m), (row.GetProperty("expected").GetDecimal(), row.GetProperty("yearToDate").GetDecimal(), row.GetProperty("shortfall").GetDecimal()));
        Assert.False(Has(rows, onTrack.ProjectId));

        using var city = factory.City();
        var overview = await (await city.GetAsync("/api/city/overview?period=2047-03")).ShouldBe(HttpStatusCode.OK);
        var lagging = overview.GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("regionCode").GetString() == "140581")
            .GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "laggingKeyProjects");
        Assert.Equal(1m, lagging.GetProperty("actual").GetDecimal());
    }

    [Fact]
    public async Task Open_problems_lists_assigned_problems_until_they_are_closed()
    {
        var s = Events.Snapshot(region: "140521", year: 2048);
        await factory.Deliver(Events.Registered(s));
        Guid assigned = Guid.NewGuid(), raisedOnly = Guid.NewGuid(), closed = Guid.NewGuid();
        foreach (var id in new[] { assigned, raisedOnly, closed })
            await factory.Deliver(new ProblemRaised { ProblemId = id, ProjectId = s.ProjectId, RegionCode = "140521", Title = "供电接入", Level = "county", Version = 1, OccurredAt = Now });
        foreach (var id in new[] { assigned, closed })
            await factory.Deliver(new ProblemAssigned { ProblemId = id, ProjectId = s.ProjectId, RegionCode = "140521", Department = "能源局", Assignee = "李四", DueDate = new DateOnly(2048, 5, 1), Version = 2, OccurredAt = Now });
        await factory.Deliver(new ProblemClosed { ProblemId = closed, ProjectId = s.ProjectId, RegionCode = "140521", Resolution = "已通电", Version = 3, OccurredAt = Now });

        var rows = await Rows("open-problems", "2048", "project-office", "140521");
        var ids = rows.Select(r => r.GetProperty("problemId").GetGuid()).ToList();
        Assert.Contains(assigned, ids);
        Assert.DoesNotContain(raisedOnly, ids);
        Assert.DoesNotContain(closed, ids);
        Assert.All(rows, r => Assert.Equal("140521", r.GetProperty("regionCode").GetString()));
    }

    [Fact]
    public async Task Pre_start_approvals_lists_planned_projects_until_their_procedures_are_complete()
    {
        var pending = Events.Snapshot(region: "140522", year: 2049, plannedStart: new DateOnly(2049, 4, 1));
        var ready = Events.Snapshot(region: "140522", year: 2049, plannedStart: new DateOnly(2049, 4, 1));
        foreach (var s in new[] { pending, ready }) await factory.Deliver(Events.Registered(s));
        await factory.Deliver(new ApprovalDecided { ItemId = Guid.NewGuid(), ProjectId = pending.ProjectId, RegionCode = "140522", ProcedureCode = "eia", ProcedureName = "环评批复", Agency = "生态环境局", Decision = "approved", DecidedOn = new DateOnly(2049, 2, 1), Version = 1, OccurredAt = Now });
        await factory.Deliver(new ApprovalsCompleted { ProjectId = ready.ProjectId, RegionCode = "140522", CompletedOn = new DateOnly(2049, 2, 1), Version = 3, OccurredAt = Now });

        var rows = await Rows("pre-start-approvals", "2049-Q2", "project-office", "140522");
        var row = rows.Single(r => r.GetProperty("projectId").GetGuid() == pending.ProjectId);
        Assert.Equal((1, "环评批复"), (row.GetProperty("approved").GetInt32(), row.GetProperty("procedures")[0].GetProperty("procedureName").GetString()));
        Assert.False(Has(rows, ready.ProjectId));
    }

    [Fact]
    public async Task Leader_projects_lists_key_projects_by_their_leader_and_a_county_sees_only_its_own()
    {
        var ours = Events.Snapshot(region: "140522", year: 2050, leader: "王副县长");
        var theirs = Events.Snapshot(region: "140581", year: 2050, leader: "赵副市长");
        var notKey = Events.Snapshot(region: "140522", year: 2050, leader: "王副县长", keyLevel: "none");
        foreach (var s in new[] { ours, theirs, notKey }) await factory.Deliver(Events.Registered(s));

        var county = await Rows("leader-projects", "2050", "project-office", "140522");
        Assert.True(Has(county, ours.ProjectId));
        Assert.False(Has(county, theirs.ProjectId) || Has(county, notKey.ProjectId));
        var city = await Rows("leader-projects", "2050", query: "&leader=赵副市长");
        Assert.True(Has(city, theirs.ProjectId));
        Assert.False(Has(city, ours.ProjectId));

        using var other = factory.ClientFor("project-office", "140522");
        await (await other.GetAsync("/api/city/lists/leader-projects?period=2050&regionCode=140581")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Target_lists_show_each_region_against_its_targets()
    {
        var city = await Rows("reserve-targets", "2024");
        Assert.Equal(9, city.Count); // the city total and eight regions
        var jincheng = city[0];
        Assert.Equal("全市", jincheng.GetProperty("regionName").GetString());
        Assert.Equal(57m, jincheng.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "reserveProvincialKeyCount").GetProperty("target").GetDecimal());
        var county = await Rows("attraction-targets", "2023-Q4", "project-office", "140524");
        var only = Assert.Single(county);
        Assert.Equal(240_000m, only.GetProperty("metrics")[0].GetProperty("target").GetDecimal());
        Assert.Single(await Rows("investment-targets", "2023-Q4", "project-office", "140524"));
    }

    [Fact]
    public async Task Every_list_prints_as_a_workbook_with_title_units_and_totals()
    {
        using var client = factory.City();
        foreach (var list in new[] { "investment-targets", "reserve-targets", "attraction-targets", "leader-projects", "not-started",
                     "started-not-included", "behind-schedule", "open-problems", "pre-start-approvals" })
        {
            var response = await client.GetAsync($"/api/city/lists/{list}?period=2045&format=xlsx");
            Assert.True(response.StatusCode == HttpStatusCode.OK, list);
            var rows = XlsxReader.Read(await response.Content.ReadAsStreamAsync());
            Assert.Contains("（2045）", rows[0][0]);
        }
        var notStarted = XlsxReader.Read(await (await client.GetAsync("/api/city/lists/not-started?period=2045&format=xlsx")).Content.ReadAsStreamAsync());
        Assert.Contains(notStarted[1].Cells, c => c == "总投资（万元）");
        Assert.Equal("合计", notStarted[^1][0]);
    }

    [Fact]
    public async Task The_lists_workbooks_show_stages_key_levels_problem_levels_and_statuses_in_Chinese()
    {
        var planned = Events.Snapshot(region: "140524", year: 2061, plannedStart: new DateOnly(2061, 2, 1), leader: "孙副县长", name: "标签-储备项目");
        var building = Events.Snapshot(region: "140524", year: 2061, total: 800m, annual: 12_000m, stage: "underConstruction", name: "标签-在建项目");
        await factory.Deliver(Events.Registered(planned));
        await factory.Deliver(Events.Registered(building));
        await factory.Deliver(Events.Started(building, new DateOnly(2061, 1, 10)));
        var problem = Guid.NewGuid();
        await factory.Deliver(new ProblemRaised { ProblemId = problem, ProjectId = building.ProjectId, RegionCode = "140524", Title = "标签-用地指标", Level = "county", Version = 1, OccurredAt = Now });
        await factory.Deliver(new ProblemAssigned { ProblemId = problem, ProjectId = building.ProjectId, RegionCode = "140524", Department = "自然资源局", Assignee = "周五", DueDate = new DateOnly(2061, 5, 1), Version = 2, OccurredAt = Now });
        await factory.Deliver(new ProblemEscalated { ProblemId = problem, ProjectId = building.ProjectId, RegionCode = "140524", Level = "city", Automatic = false, Version = 3, OccurredAt = Now });
        await factory.Deliver(new ApprovalDecided
        {
            ItemId = Guid.NewGuid(), ProjectId = planned.ProjectId, RegionCode = "140524", ProcedureCode = "land",
            ProcedureName = "用地预审", Agency = "自然资源局", Decision = "acceptedWithDeficiency", DecidedOn = new DateOnly(2061, 1, 20), Version = 1, OccurredAt = Now
        });

        using var client = factory.City();
        async Task<Dictionary<string, string>> Row(string list, string name)
        {
            var response = await client.GetAsync($"/api/city/lists/{list}?period=2061-03&regionCode=140524&format=xlsx");
            Assert.True(response.StatusCode == HttpStatusCode.OK, list);
            var rows = XlsxReader.Read(await response.Content.ReadAsStreamAsync());
            var row = rows.Single(r => r.Cells.Contains(name));
            return rows[1].Cells.Select((header, i) => (header, i)).ToDictionary(c => c.header, c => row[c.i]);
        }

        Assert.Equal("储备", (await Row("not-started", planned.Name))["阶段"]);
        var preStart = await Row("pre-start-approvals", planned.Name);
        Assert.Equal(("储备", "用地预审（自然资源局）：容缺受理"), (preStart["阶段"], preStart["手续办理情况"]));
        var leader = await Row("leader-projects", planned.Name);
        Assert.Equal(("县级重点", "储备"), (leader["重点级别"], leader["阶段"]));
        Assert.Equal("在建", (await Row("started-not-included", building.Name))["阶段"]);
        Assert.Equal("县级重点", (await Row("behind-schedule", building.Name))["重点级别"]);
        var open = await Row("open-problems", "标签-用地指标");
        Assert.Equal(("市级", "已督办"), (open["事权级别"], open["状态"]));
    }

    [Fact]
    public async Task An_unknown_list_is_a_404_problem()
    {
        using var client = factory.City();
        await (await client.GetAsync("/api/city/lists/no-such-list?period=2024")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await client.GetAsync("/api/city/lists/not-started")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }
}
