using MassTransit;
using Platform.Contracts.ProjectLibrary;
using Platform.Messaging;

namespace City.Tests;

/// <summary>
/// A ProjectUpdated the project library could never have published is refused before it reaches the read models:
/// it faults (to the error queue) with its reason, and neither the project's view, the counties' aggregates (the
/// ranking's input) nor the change feed move. The city's tests run on MassTransit's in-memory harness, so the fault
/// is what shows the move to the error queue; the end-to-end test reads the real broker's _error queue.
/// </summary>
[Collection(CityCollection.Name)]
public sealed class ForgedEventTests(CityFactory factory)
{
    public static TheoryData<string, string> Forgeries() => ProjectUpdateForgeries.For("140524", "annualPlannedInvestment");

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_ProjectUpdated_faults_and_leaves_views_aggregates_and_feed_unchanged(string forgery, string reason)
    {
        var year = 2061 + Forgeries().Select(f => (string)f[0]).ToList().IndexOf(forgery); // a year of its own: aggregates compare exactly
        var s = Events.Snapshot(region: "140524", year: year, total: 20_000m, annual: 6_000m);
        await factory.Deliver(Events.Registered(s));
        var aggregatesBefore = await Aggregates(year);
        var forged = forgery switch
        {
            "unknown region" => Events.Updated(s with { RegionCode = "999999" }, 2),
            "another county" => Events.Updated(s with { RegionCode = "140581" }, 2),
            "huge amount" => Events.Updated(s with { TotalInvestment = 99_999_999_999m, AnnualPlannedInvestment = 99_999_999_999m }, 2),
            _ => Events.Updated(s with { Name = "冻结", AnnualPlannedInvestment = 1m }, int.MaxValue),
        };
        var messageId = NewId.NextGuid();
        await using var faults = await Faults<ProjectUpdated>.ListenAsync(factory.Bus);

        await factory.Bus.Publish(forged, context => context.MessageId = messageId);

        var fault = (await faults.WaitForOwnAsync(messageId)).Single().Exceptions.Single();
        Assert.Equal(typeof(MessageRejectedException).FullName, fault.ExceptionType);
        Assert.Contains(reason, fault.Message);

        Assert.Equal(("140524", s.Name, 1L), (
            await factory.Database.ScalarAsync<string>("select region_code from project_views where project_id = @p", ("p", s.ProjectId)),
            await factory.Database.ScalarAsync<string>("select name from project_views where project_id = @p", ("p", s.ProjectId)),
            await factory.Database.ScalarAsync<long>("select version from project_views where project_id = @p", ("p", s.ProjectId))));
        Assert.Equal(aggregatesBefore, await Aggregates(year));
        Assert.Equal(0, await factory.Database.ScalarAsync<long>("select count(*) from city_events where message_id = @m", ("m", messageId)));

        // Not frozen: the library's genuine next version still applies.
        await factory.Deliver(Events.Updated(s with { Name = s.Name + "（改）" }, 2));
        Assert.Equal(s.Name + "（改）", await factory.Database.ScalarAsync<string>("select name from project_views where project_id = @p", ("p", s.ProjectId)));
    }

    async Task<string?> Aggregates(int year) => await factory.Database.ScalarAsync<string>(
        "select string_agg(region_code || ':' || metric || ':' || amount, ',' order by region_code, metric) from region_actuals where period like @y || '%'",
        ("y", year.ToString()));
}
