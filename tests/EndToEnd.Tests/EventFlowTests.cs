using System.Collections.Concurrent;
using System.Net;
using MassTransit;
using Platform.Contracts.ProjectLibrary;

namespace EndToEnd.Tests;

/// <summary>
/// The whole path: token → gateway → service → database + outbox → RabbitMQ → a consumer. The consumer
/// here is a plain MassTransit bus of the test's own, bound to the real broker.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class EventFlowTests(PlatformFixture fixture) : IAsyncLifetime
{
    static readonly ConcurrentDictionary<Guid, ConsumeContext<ProjectRegistered>> Received = new();
    IBusControl _bus = null!;

    public async Task InitializeAsync()
    {
        _bus = await Broker.StartBusAsync(cfg =>
            cfg.ReceiveEndpoint($"e2e-observer-{PlatformUnderTest.RunId}", e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.Handler<ProjectRegistered>(context =>
                {
                    Received[context.Message.Project.ProjectId] = context;
                    return Task.CompletedTask;
                });
            }));
    }

    public async Task DisposeAsync() => await _bus.StopAsync();

    [Fact]
    public async Task Registering_a_project_publishes_ProjectRegistered_through_the_outbox()
    {
        using var client = await fixture.SignedInAs("project-office@140522");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/projects") { Content = JsonContent(ProjectSamples.Valid()) };
        request.Headers.Add("X-Correlation-Id", "e2e-flow-" + PlatformUnderTest.RunId);
        var created = await (await client.SendAsync(request)).ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        await Eventually.True(() => Received.ContainsKey(id), "ProjectRegistered to arrive", 20, detail: fixture.Platform.Diagnostics);
        Assert.True(Received.TryGetValue(id, out var context));

        Assert.Equal("140522", context.Message.Project.RegionCode);
        Assert.Equal("reserve", context.Message.Project.Stage);
        Assert.Equal(1, context.Message.Version);
        Assert.NotNull(context.MessageId);
        Assert.Equal("e2e-flow-" + PlatformUnderTest.RunId, context.Headers.Get<string>("x-correlation-id"));

        // Sent rows are marked only after the broker confirmed them.
        var unsent = await fixture.Platform.Databases["projects"].ScalarAsync<long>(
            "select count(*) from outbox_messages where sent_at is null and body->'project'->>'projectId' = @id", ("id", id.ToString()));
        Assert.Equal(0, unsent);
    }

    static HttpContent JsonContent(object body) => System.Net.Http.Json.JsonContent.Create(body);
}
