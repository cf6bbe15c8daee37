using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MassTransit;
using Platform.Contracts.ProjectLibrary;

namespace EndToEnd.Tests.Security;

/// <summary>
/// An attacker who holds the project library's own broker credentials publishes ProjectUpdated events the project library could never have
/// sent: a project moved to region 999999, moved to another county, or given version int.MaxValue to freeze the views.
/// Every consuming service refuses them (to its _error queue, with the reason in the fault), and the funding and city
/// views keep the project where the library has it; the library's next genuine change still goes through.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ForgedEventAttackTests(PlatformFixture fixture) : IAsyncLifetime
{
    // approvals, funding, statistics and city each consume ProjectUpdated.
    const int Consumers = 4;
    IBusControl _attacker = null!;
    // The test's own eyes: an operator bus that listens for the faults the consumers publish.
    IBusControl _observer = null!;

    public async Task InitializeAsync()
    {
        // The strongest foothold: the project library's own broker user, the one allowed to publish ProjectUpdated.
        var (user, password) = TestEnvironment.ServiceBrokerUser("projects");
        _attacker = await Broker.StartBusAsync(user: user, password: password);
        _observer = await Broker.StartBusAsync();
    }

    public async Task DisposeAsync()
    {
        await _attacker.StopAsync();
        await _observer.StopAsync();
    }

    static string ErrorQueue(string service) => $"{service}-{PlatformUnderTest.RunId}-project-updated_error";

    [Fact]
    public async Task Forged_events_with_absurd_content_land_in_the_error_queues_and_change_no_view()
    {
        // Step 1: the county registers a project; funding and the city learn it from the library's event.
        using var county = await fixture.SignedInAs("project-office@140522");
        var input = ProjectSamples.Valid();
        var created = await county.PostJson("/api/projects", input);
        var project = await created.ShouldBe(HttpStatusCode.Created);
        var id = project.GetProperty("id").GetGuid();
        using var funding = await fixture.SignedInAs("funding@140522");
        await Eventually.True(async () => (await funding.GetAsync($"/api/funding/projects/{id}")).IsSuccessStatusCode, "funding never learnt the project", detail: fixture.Platform.Diagnostics);
        await Eventually.True(async () => await CityVersion(id) == 1, "the city never learnt the project", detail: fixture.Platform.Diagnostics);
        var queuedBefore = (await ErrorQueues.CountAsync(ErrorQueue("city")), await ErrorQueues.CountAsync(ErrorQueue("funding")));

        // Step 2: the attacker publishes three forgeries of the library's event.
        var genuine = Snapshot(id, (string)input["name"]!);
        var forgeries = new (ProjectUpdated Event, string Reason)[]
        {
            (Updated(genuine with { RegionCode = "999999" }, 2), "project.regionCode '999999' is not a region of the city"),
            (Updated(genuine with { RegionCode = "140581" }, 2), "an event cannot move it to 140581"),
            (Updated(genuine with { Name = "冻结", TotalInvestment = 1m }, int.MaxValue), $"version {int.MaxValue} is more than 10000 ahead"),
        };
        await using var faults = await Faults<ProjectUpdated>.ListenAsync(_observer);
        foreach (var (forged, reason) in forgeries)
        {
            var messageId = NewId.NextGuid();
            await _attacker.Publish(forged, context => context.MessageId = messageId);

            // Step 3: every consumer refuses it, with the reason, instead of applying it.
            var refusals = await faults.WaitForAsync(messageId, Consumers, seconds: 30);
            Assert.All(refusals, f => Assert.Contains(reason, f.Exceptions.Single().Message));
            Assert.All(refusals, f => Assert.Equal("Platform.Messaging.MessageRejectedException", f.Exceptions.Single().ExceptionType));
            Assert.Equal(0, await fixture.Platform.Databases["city"].ScalarAsync<long>(
                "select count(*) from city_events where message_id = @m", ("m", messageId)));
        }
        await ErrorQueues.WaitForCountAsync(ErrorQueue("city"), queuedBefore.Item1 + forgeries.Length);
        await ErrorQueues.WaitForCountAsync(ErrorQueue("funding"), queuedBefore.Item2 + forgeries.Length);

        // Step 4: nothing moved. Funding still files the project under 阳城县 at version 1; 高平市 does not see it.
        var known = await (await funding.GetAsync($"/api/funding/projects/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(("140522", genuine.Name, 1L), (known.GetProperty("regionCode").GetString(), known.GetProperty("name").GetString(),
            known.GetProperty("version").GetInt64()));
        using var otherCounty = await fixture.SignedInAs("funding@140581");
        await (await otherCounty.GetAsync($"/api/funding/projects/{id}")).ShouldBe(HttpStatusCode.NotFound);
        var city = fixture.Platform.Databases["city"];
        Assert.Equal(("140522", genuine.Name, 1L), (
            await city.ScalarAsync<string>("select region_code from project_views where project_id = @p", ("p", id)),
            await city.ScalarAsync<string>("select name from project_views where project_id = @p", ("p", id)),
            await CityVersion(id)));

        // Step 5: not frozen either: the county's next genuine edit reaches both views.
        input["name"] = genuine.Name + "（调整）";
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/projects/{id}") { Content = JsonContent.Create(input) };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue(created.Headers.ETag!.Tag));
        await (await county.SendAsync(put)).ShouldBe(HttpStatusCode.OK);
        await Eventually.True(async () => await CityVersion(id) == 2, "the genuine update never reached the city", detail: fixture.Platform.Diagnostics);
        await Eventually.True(async () => (await (await funding.GetAsync($"/api/funding/projects/{id}")).ShouldBe(HttpStatusCode.OK))
            .GetProperty("version").GetInt64() == 2, "the genuine update never reached funding", detail: fixture.Platform.Diagnostics);
    }

    async Task<long> CityVersion(Guid id) =>
        await fixture.Platform.Databases["city"].ScalarAsync<long>("select coalesce(max(version), 0) from project_views where project_id = @p", ("p", id));

    static ProjectSnapshot Snapshot(Guid id, string name) => new()
    {
        ProjectId = id, Name = name, RegionCode = "140522", Category = "infrastructure", Nature = "new", Stage = "reserve",
        Industry = "水利", TotalInvestment = 32000.50m, AnnualPlannedInvestment = 8000m, Year = 2025, KeyLevel = "county",
        LeaderInCharge = "王副县长",
    };

    static ProjectUpdated Updated(ProjectSnapshot snapshot, long version) =>
        new() { Project = snapshot, Version = version, OccurredAt = DateTimeOffset.UtcNow };
}
