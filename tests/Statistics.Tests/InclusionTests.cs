using System.Net;
using System.Net.Http.Json;
using static Statistics.Tests.StatisticsFactory;

namespace Statistics.Tests;

/// <summary>Inclusion applications, their materials, the bureau's decision and InclusionApproved through the outbox.</summary>
public sealed class InclusionTests(StatisticsFactory factory) : IClassFixture<StatisticsFactory>
{
    [Fact]
    public async Task Approving_an_application_includes_the_project_once_and_publishes_InclusionApproved()
    {
        var projectId = await factory.StartedProject("阳城县东冶镇光伏发电项目", total: 12000m);
        using var office = factory.ClientFor("project-office", "140522");
        var created = await (await office.PostAsJsonAsync("/api/statistics/inclusions", Materials(projectId))).ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("submitted", created.GetProperty("status").GetString());
        await (await office.PostAsJsonAsync("/api/statistics/inclusions", Materials(projectId))).ShouldBeProblem(HttpStatusCode.Conflict, "application_pending");

        await (await office.PostAsJsonAsync($"/api/statistics/inclusions/{id}/approve", new { statisticsCode = "TJ-0001" })).ShouldBe(HttpStatusCode.Forbidden);
        using var bureau = factory.ClientFor("statistics", "140522");
        var approved = await (await bureau.PostAsJsonAsync($"/api/statistics/inclusions/{id}/approve", new { statisticsCode = "TJ-140522-0001" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal("statistics@140522", approved.GetProperty("decidedBy").GetString());

        await (await bureau.PostAsJsonAsync($"/api/statistics/inclusions/{id}/approve", new { statisticsCode = "TJ-140522-0001" })).ShouldBeProblem(HttpStatusCode.Conflict, "illegal_state");
        await (await office.PostAsJsonAsync("/api/statistics/inclusions", Materials(projectId))).ShouldBeProblem(HttpStatusCode.Conflict, "already_included");
        var pending = await (await bureau.GetAsync("/api/statistics/pending?pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(pending.GetProperty("items").EnumerateArray(), i => i.GetProperty("projectId").GetGuid() == projectId);

        var events = await factory.Database.ScalarAsync<long>(
            "select count(*) from outbox_messages where message_type like '%InclusionApproved%' and body->>'projectId' = @id and body->>'statisticsCode' = 'TJ-140522-0001'",
            ("id", projectId.ToString()));
        Assert.Equal(1, events);
        var audit = await factory.Database.ScalarAsync<long>("select count(*) from audit_log where entity_type = 'Inclusion' and entity_id = @id", ("id", id.ToString()));
        Assert.Equal(2, audit);
    }

    [Fact]
    public async Task A_statistics_code_is_given_to_one_project_only()
    {
        await factory.Include(await factory.StartedProject("阳城县北留镇物流园", total: 5000m), statisticsCode: "TJ-SAME-CODE");
        var second = await factory.StartedProject("阳城县润城镇文旅综合体", total: 5000m);
        using var office = factory.ClientFor("project-office", "140522");
        var id = (await (await office.PostAsJsonAsync("/api/statistics/inclusions", Materials(second))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var bureau = factory.ClientFor("statistics", "140522");
        await (await bureau.PostAsJsonAsync($"/api/statistics/inclusions/{id}/approve", new { statisticsCode = "TJ-SAME-CODE" })).ShouldBeProblem(HttpStatusCode.Conflict, "duplicate_statistics_code");
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_lets_the_project_apply_again()
    {
        var projectId = await factory.StartedProject("阳城县芹池镇农产品加工园", total: 2600m);
        using var office = factory.ClientFor("project-office", "140522");
        var id = (await (await office.PostAsJsonAsync("/api/statistics/inclusions", Materials(projectId))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var bureau = factory.ClientFor("statistics", "140522");
        await (await bureau.PostAsJsonAsync($"/api/statistics/inclusions/{id}/reject", new { reason = "" })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        var rejected = await (await bureau.PostAsJsonAsync($"/api/statistics/inclusions/{id}/reject", new { reason = "施工合同未盖章" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("施工合同未盖章", rejected.GetProperty("rejectionReason").GetString());
        await (await office.PostAsJsonAsync("/api/statistics/inclusions", Materials(projectId))).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Missing_materials_are_a_400_listing_each_one_and_a_substitute_needs_an_explanation()
    {
        var projectId = await factory.StartedProject("阳城县次营镇道路提升工程", total: 900m);
        using var office = factory.ClientFor("project-office", "140522");
        var problem = await (await office.PostAsJsonAsync("/api/statistics/inclusions", new { projectId })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "mainConstructionContent", "constructionContract", "sitePhotos", "approvalDocument" })
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field} should be listed: {problem}");

        var withSubstitute = new
        {
            projectId, mainConstructionContent = "道路提升 8 公里", constructionContract = "合同 2025-08", sitePhotos = new[] { "p1.jpg" },
            substitute = new { kind = "constructionPermit", reference = "施工许可 140522202504010101" },
        };
        var missingExplanation = await (await office.PostAsJsonAsync("/api/statistics/inclusions", withSubstitute)).ShouldBe(HttpStatusCode.BadRequest);
        Assert.True(missingExplanation.GetProperty("errors").TryGetProperty("substitute.explanation", out _));

        var explained = new
        {
            withSubstitute.projectId, withSubstitute.mainConstructionContent, withSubstitute.constructionContract, withSubstitute.sitePhotos,
            substitute = new { kind = "constructionPermit", reference = "施工许可 140522202504010101", explanation = "立项文件在省发改委办理中，以施工许可代替" },
        };
        var created = await (await office.PostAsJsonAsync("/api/statistics/inclusions", explained)).ShouldBe(HttpStatusCode.Created);
        Assert.Equal("constructionPermit", created.GetProperty("substitute").GetProperty("kind").GetString());
        await (await office.PostAsJsonAsync("/api/statistics/inclusions", new { projectId = "not-a-guid" })).ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Projects_not_started_or_below_the_threshold_cannot_apply_and_unknown_ones_are_404()
    {
        using var office = factory.ClientFor("project-office", "140522");
        var notStarted = Guid.NewGuid();
        await factory.Register(Snapshot(notStarted, "阳城县规划中项目", total: 9000m));
        await (await office.PostAsJsonAsync("/api/statistics/inclusions", Materials(notStarted))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "not_started");
        var small = await factory.StartedProject("阳城县小额项目", total: 300m);
        await (await office.PostAsJsonAsync("/api/statistics/inclusions", Materials(small))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "below_threshold");
        await (await office.PostAsJsonAsync("/api/statistics/inclusions", Materials(Guid.NewGuid()))).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await office.GetAsync($"/api/statistics/inclusions/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Another_countys_bureau_cannot_see_or_decide_the_application_and_a_stale_if_match_is_412()
    {
        var projectId = await factory.StartedProject("阳城县驾岭乡生态修复工程", total: 1500m);
        using var office = factory.ClientFor("project-office", "140522");
        var id = (await (await office.PostAsJsonAsync("/api/statistics/inclusions", Materials(projectId))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        using var gaoping = factory.ClientFor("statistics", "140581");
        await (await gaoping.PostAsJsonAsync($"/api/statistics/inclusions/{id}/approve", new { statisticsCode = "X" })).ShouldBe(HttpStatusCode.NotFound);
        using var city = factory.ClientFor("statistics", "140500");
        await (await city.GetAsync($"/api/statistics/inclusions/{id}")).ShouldBe(HttpStatusCode.OK);
        await (await city.PostAsJsonAsync($"/api/statistics/inclusions/{id}/approve", new { statisticsCode = "X" })).ShouldBe(HttpStatusCode.Forbidden);

        using var bureau = factory.ClientFor("statistics", "140522");
        using var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/statistics/inclusions/{id}/approve") { Content = JsonContent.Create(new { statisticsCode = "TJ-STALE" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"7\"");
        await (await bureau.SendAsync(stale)).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");

        var list = await (await gaoping.GetAsync("/api/statistics/inclusions?pageSize=200")).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
        var audit = await (await gaoping.GetAsync($"/api/statistics/audit?entityId={id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, audit.GetProperty("total").GetInt32());
    }
}
