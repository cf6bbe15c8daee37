using System.Net;
using MassTransit;
using Platform.Contracts.ProjectLibrary;

namespace Funding.Tests;

[Collection(FundingCollection.Name)]
public sealed class ProjectEventConsumerTests(FundingFactory factory)
{
    async Task Deliver<T>(T message, Guid messageId, int expectedCount) where T : class
    {
        await factory.Bus.Publish(message, context => context.MessageId = messageId);
        await Eventually.True(() => Task.FromResult(factory.Consumed.Count(messageId) >= expectedCount),
            $"{typeof(T).Name} {messageId} was not consumed {expectedCount} time(s)");
    }

    [Fact]
    public async Task A_ProjectRegistered_delivered_twice_is_applied_once()
    {
        await factory.ReadyAsync();
        var snapshot = Samples.Snapshot(name: "重复投递测试项目");
        var message = new ProjectRegistered { Project = snapshot, Version = 1, OccurredAt = DateTimeOffset.UtcNow };
        var messageId = NewId.NextGuid();
        await Deliver(message, messageId, 1);
        await Deliver(message, messageId, 2);

        var id = snapshot.ProjectId.ToString();
        Assert.Equal(1, await factory.Database.ScalarAsync<long>("select count(*) from inbox_messages where message_id = @m", ("m", messageId)));
        Assert.Equal(1, await factory.Database.ScalarAsync<long>("select count(*) from audit_log where entity_type = 'KnownProject' and entity_id = @id", ("id", id)));
        Assert.Equal("system:ProjectRegistered", await factory.Database.ScalarAsync<string>("select actor from audit_log where entity_id = @id", ("id", id)));
    }

    [Fact]
    public async Task A_ProjectUpdated_delivered_twice_is_applied_once()
    {
        var snapshot = await factory.KnownProject("140522", totalInvestment: 10000m);
        var update = new ProjectUpdated { Project = snapshot with { TotalInvestment = 12000m }, Version = 2, OccurredAt = DateTimeOffset.UtcNow };
        var messageId = NewId.NextGuid();
        await Deliver(update, messageId, 1);
        await Deliver(update, messageId, 2);

        using var client = factory.ClientFor("funding", "140522");
        var known = await (await client.GetAsync($"/api/funding/projects/{snapshot.ProjectId}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal((12000m, 2L), (known.GetProperty("totalInvestment").GetDecimal(), known.GetProperty("version").GetInt64()));
        Assert.Equal(1, await factory.Database.ScalarAsync<long>(
            "select count(*) from audit_log where entity_type = 'KnownProject' and entity_id = @id and action = 'updated'", ("id", snapshot.ProjectId.ToString())));
    }

    [Fact]
    public async Task An_older_event_arriving_after_a_newer_one_changes_nothing()
    {
        await factory.ReadyAsync();
        var snapshot = Samples.Snapshot(name: "乱序新名称", totalInvestment: 30000m);
        await Deliver(new ProjectUpdated { Project = snapshot, Version = 3, OccurredAt = DateTimeOffset.UtcNow }, NewId.NextGuid(), 1);
        await Deliver(new ProjectRegistered { Project = snapshot with { Name = "乱序旧名称", TotalInvestment = 1m }, Version = 1, OccurredAt = DateTimeOffset.UtcNow },
            NewId.NextGuid(), 1);

        using var client = factory.ClientFor("funding", "140522");
        var known = await (await client.GetAsync($"/api/funding/projects/{snapshot.ProjectId}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(("乱序新名称", 30000m, 3L), (known.GetProperty("name").GetString(), known.GetProperty("totalInvestment").GetDecimal(), known.GetProperty("version").GetInt64()));
    }
}
