using System.Net;
using Platform.Contracts.ProjectLibrary;

namespace Attraction.Tests;

[Collection(AttractionCollection.Name)]
public sealed class ProjectStartedConsumerTests(AttractionFactory factory)
{
    static ProjectStarted Started(Guid projectId, long version, string on = "2024-06-01") => new()
    {
        ProjectId = projectId, RegionCode = "140522", ActualStartDate = DateOnly.Parse(on), TotalInvestment = 118_000m,
        Version = version, OccurredAt = DateTimeOffset.UtcNow,
    };

    async Task<System.Text.Json.JsonElement> Deal(Guid id)
    {
        using var centre = factory.ClientFor("attraction", "140522");
        return await (await centre.GetAsync($"/api/attraction/deals/{id}")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ProjectStarted_marks_the_converted_deal_started_in_its_signing_year()
    {
        var id = await factory.SignDeal(signedOn: "2024-03-18");
        var project = Guid.NewGuid();
        await factory.LinkProject(id, project);

        var message = Guid.NewGuid();
        await factory.Publish(Started(project, 4), message);
        await factory.UntilHandled(message);

        var deal = await Deal(id);
        Assert.Equal("2024-06-01", deal.GetProperty("startedOn").GetString());
        Assert.True(deal.GetProperty("startedInSigningYear").GetBoolean());
        Assert.Equal(118_000m, deal.GetProperty("projectTotalInvestment").GetDecimal());
        Assert.Equal(3, deal.GetProperty("version").GetInt64());
        var trail = await factory.Database.ScalarAsync<string>(
            "select actor from audit_log where entity_type = 'Deal' and entity_id = @id order by id desc limit 1", ("id", id.ToString()));
        Assert.Equal("system:ProjectStarted", trail);
    }

    [Fact]
    public async Task Duplicate_delivery_of_ProjectStarted_changes_the_deal_once_and_an_older_version_changes_nothing()
    {
        var id = await factory.SignDeal(signedOn: "2024-03-18");
        var project = Guid.NewGuid();
        await factory.LinkProject(id, project);

        var message = Guid.NewGuid();
        var older = Guid.NewGuid();
        await factory.Publish(Started(project, 5), message);
        await factory.Publish(Started(project, 5), message);
        await factory.UntilHandled(message);
        // Published after the newer one was applied, so it arrives late: a reordering the version must absorb.
        await factory.Publish(Started(project, 3, on: "2024-01-01"), older);
        await factory.UntilHandled(older);

        var deal = await Deal(id);
        Assert.Equal("2024-06-01", deal.GetProperty("startedOn").GetString());
        Assert.Equal(3, deal.GetProperty("version").GetInt64());
        Assert.Equal(1, await factory.Database.ScalarAsync<long>("select count(*) from inbox_messages where message_id = @id", ("id", message)));
        Assert.Equal(1, await factory.Database.ScalarAsync<long>(
            "select count(*) from audit_log where entity_type = 'Deal' and entity_id = @id and actor = 'system:ProjectStarted'", ("id", id.ToString())));
    }

    [Fact]
    public async Task A_project_that_came_from_no_deal_is_ignored()
    {
        const string changedDeals = "select count(*) from audit_log where entity_type = 'Deal' and actor = 'system:ProjectStarted'";
        var before = await factory.Database.ScalarAsync<long>(changedDeals);
        var message = Guid.NewGuid();
        await factory.Publish(Started(Guid.NewGuid(), 2), message);
        await factory.UntilHandled(message); // handled (a throwing consumer would never commit its inbox row) …
        Assert.Equal(before, await factory.Database.ScalarAsync<long>(changedDeals)); // … and no deal changed
    }
}
