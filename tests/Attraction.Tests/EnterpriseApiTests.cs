using System.Net;
using System.Net.Http.Json;

namespace Attraction.Tests;

[Collection(AttractionCollection.Name)]
public sealed class EnterpriseApiTests(AttractionFactory factory)
{
    static object Enterprise(string creditCode, string? name = null) => new
    {
        name = name ?? AttractionFactory.UniqueName("深圳市腾讯计算机系统有限公司"),
        creditCode,
        industry = "数字经济",
        originRegion = "粤港澳",
        types = new[] { "龙头企业", "上市公司" },
        contacts = new[] { new { name = "李经理", title = "投资总监", phone = "0755-86013388", email = (string?)null } },
    };

    [Fact]
    public async Task An_enterprise_is_added_to_the_county_library_and_a_second_one_with_the_same_credit_code_is_409()
    {
        using var centre = factory.ClientFor("attraction", "140525");
        var created = await (await centre.PostJson("/api/attraction/enterprises", Enterprise("9144030071526726xg"))).ShouldBe(HttpStatusCode.Created);
        Assert.Equal("9144030071526726XG", created.GetProperty("creditCode").GetString());
        Assert.Equal("140525", created.GetProperty("regionCode").GetString());
        Assert.Equal("粤港澳", created.GetProperty("originRegion").GetString());
        Assert.Equal("李经理", created.GetProperty("contacts")[0].GetProperty("name").GetString());

        var duplicate = await centre.PostJson("/api/attraction/enterprises", Enterprise("9144030071526726XG", "腾讯（重复录入）"));
        var problem = await duplicate.ShouldBeProblem(HttpStatusCode.Conflict, "duplicate_credit_code");
        // Issue 14: the conflict does not reveal the record holding the code (neither its id nor its name).
        Assert.DoesNotContain(created.GetProperty("id").GetGuid().ToString(), problem.GetRawText());
        Assert.DoesNotContain(created.GetProperty("name").GetString()!, problem.GetRawText());

        // Another county courts the same enterprise in its own library.
        using var other = factory.ClientFor("attraction", "140581");
        await (await other.PostJson("/api/attraction/enterprises", Enterprise("9144030071526726XG"))).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_credit_code_failing_its_check_is_400_naming_the_field()
    {
        using var centre = factory.ClientFor("attraction", "140522");
        var problem = await (await centre.PostJson("/api/attraction/enterprises", new { name = "", creditCode = "914403001922038217" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        Assert.Contains("GB 32100", errors.GetProperty("creditCode")[0].GetString());
        Assert.True(errors.TryGetProperty("name", out _));
    }

    [Fact]
    public async Task A_county_sees_only_its_own_library_and_the_city_reads_every_county()
    {
        using var yangcheng = factory.ClientFor("attraction", "140522");
        var created = await (await yangcheng.PostJson("/api/attraction/enterprises", Enterprise("914403001922038216", AttractionFactory.UniqueName("华为技术有限公司"))))
            .ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        using var qinshui = factory.ClientFor("attraction", "140521");
        await (await qinshui.GetAsync($"/api/attraction/enterprises/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        var list = await (await qinshui.GetAsync("/api/attraction/enterprises?q=914403001922038216")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("total").GetInt32());

        using var city = factory.ClientFor("city-hq", "140500");
        await (await city.GetAsync($"/api/attraction/enterprises/{id}")).ShouldBe(HttpStatusCode.OK);
        var found = await (await city.GetAsync("/api/attraction/enterprises?q=914403001922038216&regionCode=140522")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        var byType = await (await yangcheng.GetAsync("/api/attraction/enterprises?type=龙头企业&originRegion=粤港澳")).ShouldBe(HttpStatusCode.OK);
        Assert.Contains(byType.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Only_the_investment_promotion_centre_writes_the_library()
    {
        using var office = factory.ClientFor("project-office", "140522");
        await (await office.PostJson("/api/attraction/enterprises", Enterprise("91330100716105852F"))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        using var city = factory.ClientFor("city-hq", "140500");
        await (await city.PostJson("/api/attraction/enterprises", Enterprise("91330100716105852F"))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Updating_an_enterprise_needs_the_current_ETag()
    {
        using var centre = factory.ClientFor("attraction", "140524");
        var response = await centre.PostJson("/api/attraction/enterprises", Enterprise("91330100716105852F"));
        var id = (await response.ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var etag = response.Headers.ETag!.Tag;

        await (await centre.PutAsJsonAsync($"/api/attraction/enterprises/{id}", Enterprise("91330100716105852F", "阿里巴巴（中国）有限公司")))
            .ShouldBeProblem(HttpStatusCode.PreconditionRequired, "precondition_required");

        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/attraction/enterprises/{id}") { Content = JsonContent.Create(Enterprise("91330100716105852F", "阿里巴巴（中国）有限公司")) };
        update.Headers.IfMatch.ParseAdd(etag);
        var updated = await (await centre.SendAsync(update)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, updated.GetProperty("version").GetInt64());

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/attraction/enterprises/{id}") { Content = JsonContent.Create(Enterprise("91330100716105852F")) };
        stale.Headers.IfMatch.ParseAdd(etag);
        await (await centre.SendAsync(stale)).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");

        var trail = await (await centre.GetAsync($"/api/attraction/audit?entityType=Enterprise&entityId={id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, trail.GetProperty("total").GetInt32());
        Assert.Equal("attraction@140524", trail.GetProperty("items")[0].GetProperty("actor").GetString());
    }
}
