using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Statistics.Tests.StatisticsFactory;

namespace Statistics.Tests;

/// <summary>不重不漏: likely duplicates on realistic names and codes, decided by a person, and the inclusion rule they feed.</summary>
public sealed class DuplicateTests(StatisticsFactory factory) : IClassFixture<StatisticsFactory>
{
    async Task<List<JsonElement>> PairsOf(HttpClient client, Guid projectId)
    {
        var page = await (await client.GetAsync($"/api/statistics/duplicates?projectId={projectId}&pageSize=200")).ShouldBe(HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    static bool Pairs(JsonElement pair, Guid a, Guid b)
    {
        var ids = new[] { pair.GetProperty("project").GetProperty("projectId").GetGuid(), pair.GetProperty("other").GetProperty("projectId").GetGuid() };
        return ids.Contains(a) && ids.Contains(b);
    }

    [Fact]
    public async Task A_phase_suffix_on_the_same_name_in_the_same_county_is_a_candidate_pair_but_a_different_area_is_not()
    {
        var whole = Guid.NewGuid();
        var phaseOne = Guid.NewGuid();
        var west = Guid.NewGuid();
        await factory.Register(Snapshot(whole, "陵川县东部片区一体化供水工程", region: "140524"));
        await factory.Register(Snapshot(phaseOne, "陵川县东部片区一体化供水工程（一期）", region: "140524"));
        await factory.Register(Snapshot(west, "陵川县西部片区一体化供水工程", region: "140524"));

        using var bureau = factory.ClientFor("statistics", "140524");
        var pairs = await PairsOf(bureau, whole);
        var pair = Assert.Single(pairs, p => Pairs(p, whole, phaseOne));
        Assert.Equal("similarName", pair.GetProperty("reason").GetString());
        Assert.Equal(1m, pair.GetProperty("score").GetDecimal());
        Assert.Equal("candidate", pair.GetProperty("status").GetString());
        Assert.DoesNotContain(pairs, p => Pairs(p, whole, west));
    }

    [Fact]
    public async Task The_same_name_in_two_counties_is_not_a_duplicate_but_the_same_national_code_anywhere_is()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        await factory.Register(Snapshot(a, "泽州县巴公镇装备制造产业园标准化厂房", region: "140525", nationalCode: "2503-140525-04-01-777001"));
        await factory.Register(Snapshot(b, "高平市米山镇装备制造产业园标准化厂房", region: "140581"));
        var c = Guid.NewGuid();
        await factory.Register(Snapshot(c, "晋城市装备制造产业园配套道路", region: "140500", nationalCode: "2503-140525-04-01-777001"));

        using var city = factory.ClientFor("statistics", "140500");
        var pairs = await PairsOf(city, a);
        Assert.DoesNotContain(pairs, p => Pairs(p, a, b));
        var byCode = Assert.Single(pairs, p => Pairs(p, a, c));
        Assert.Equal("sameNationalCode", byCode.GetProperty("reason").GetString());

        using var gaoping = factory.ClientFor("statistics", "140581");
        Assert.Empty(await PairsOf(gaoping, a));
    }

    [Fact]
    public async Task A_confirmed_duplicate_of_an_included_project_cannot_be_included_again_and_is_not_pending()
    {
        var first = await factory.StartedProject("沁水县端氏镇一级公路改扩建工程", region: "140521", total: 26000m);
        var second = await factory.StartedProject("沁水县端氏镇一级公路改扩建工程(一期)", region: "140521", total: 26000m);
        using var bureau = factory.ClientFor("statistics", "140521");
        var pair = Assert.Single(await PairsOf(bureau, first), p => Pairs(p, first, second));
        var pairId = pair.GetProperty("id").GetGuid();

        using var office = factory.ClientFor("project-office", "140521");
        await (await office.PostAsync($"/api/statistics/duplicates/{pairId}/confirm", null)).ShouldBe(HttpStatusCode.Forbidden);
        var confirmed = await (await bureau.PostAsJsonAsync($"/api/statistics/duplicates/{pairId}/confirm", new { note = "同一项目，一期为全部建设内容" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("confirmed", confirmed.GetProperty("status").GetString());
        await (await bureau.PostAsync($"/api/statistics/duplicates/{pairId}/dismiss", null)).ShouldBeProblem(HttpStatusCode.Conflict, "illegal_state");

        await factory.Include(first, region: "140521");
        await (await office.PostAsJsonAsync("/api/statistics/inclusions", Materials(second))).ShouldBeProblem(HttpStatusCode.Conflict, "duplicate_already_included");
        var pending = await (await bureau.GetAsync("/api/statistics/pending?pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(pending.GetProperty("items").EnumerateArray(), i => i.GetProperty("projectId").GetGuid() == second);
    }

    [Fact]
    public async Task A_dismissed_pair_stays_dismissed_and_a_scan_finds_pairs_on_demand()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        await factory.Register(Snapshot(a, "城区凤台街道老旧小区改造提升工程", region: "140502"));
        await factory.Register(Snapshot(b, "城区凤台街道老旧小区改造提升工程项目", region: "140502"));
        using var bureau = factory.ClientFor("statistics", "140502");
        var pairId = Assert.Single(await PairsOf(bureau, a), p => Pairs(p, a, b)).GetProperty("id").GetGuid();
        await (await bureau.PostAsync($"/api/statistics/duplicates/{pairId}/dismiss", null)).ShouldBe(HttpStatusCode.OK);

        await factory.Database.ExecuteAsync($"delete from duplicate_pairs where id <> '{pairId}' and (project_id = '{a}' or other_project_id = '{a}')");
        var scan = await (await bureau.PostAsync("/api/statistics/duplicates/scan", null)).ShouldBe(HttpStatusCode.OK);
        Assert.True(scan.GetProperty("projectsExamined").GetInt32() >= 2);
        var after = Assert.Single(await PairsOf(bureau, a), p => Pairs(p, a, b));
        Assert.Equal("dismissed", after.GetProperty("status").GetString());
        await (await bureau.PostAsync($"/api/statistics/duplicates/{Guid.NewGuid()}/confirm", null)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await bureau.GetAsync("/api/statistics/duplicates?status=maybe")).ShouldBe(HttpStatusCode.BadRequest);
    }
}
