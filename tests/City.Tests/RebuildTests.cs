using System.Net;

namespace City.Tests;

[Collection(CityCollection.Name)]
public sealed class RebuildTests(CityFactory factory)
{
    [Fact]
    public async Task Rebuilding_from_the_journal_gives_the_same_numbers()
    {
        var s = Events.Snapshot(region: "140571", year: 2053, industrial: true);
        await factory.Deliver(Events.Registered(s));
        await factory.Deliver(Events.Started(s, new DateOnly(2053, 2, 2)));
        await factory.Deliver(Events.Progress(s, "2053-02", 400m));
        await factory.Deliver(Events.Updated(s with { AnnualPlannedInvestment = 7_500m, KeyLevel = "provincial" }, 5));
        const string snapshot = "select coalesce(string_agg(region_code || '|' || period || '|' || metric || '|' || amount::text, ',' order by region_code, period, metric), '') from region_actuals where amount <> 0";
        const string views = "select count(*) || ':' || coalesce(sum(annual_planned_investment), 0)::text || ':' || count(actual_start_date) from project_views";
        var before = (await factory.Database.ScalarAsync<string>(snapshot), await factory.Database.ScalarAsync<string>(views));

        using var hq = factory.City();
        await (await hq.PostAsync("/api/city/admin/rebuild", null)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        using var admin = factory.City("admin");
        var result = await (await admin.PostAsync("/api/city/admin/rebuild", null)).ShouldBe(HttpStatusCode.OK);
        Assert.True(result.GetProperty("eventsReplayed").GetInt64() >= 4);

        Assert.Equal(before, (await factory.Database.ScalarAsync<string>(snapshot), await factory.Database.ScalarAsync<string>(views)));
        Assert.Contains("140571|2053|reserveProvincialKeyInvestment|7500.00", before.Item1);
    }

    [Fact]
    public async Task A_rebuild_asked_for_while_another_runs_is_refused_at_once_not_queued()
    {
        // Another instance's rebuild holds the lock: this request must not wait behind it for a second full replay.
        await using var other = new Npgsql.NpgsqlConnection(factory.Database.ConnectionString);
        await other.OpenAsync();
        await using var running = await other.BeginTransactionAsync();
        await using (var take = new Npgsql.NpgsqlCommand($"select pg_advisory_xact_lock({Platform.Data.ExclusiveRun.Key("city:rebuild")})", other, running))
            await take.ExecuteNonQueryAsync();

        using var admin = factory.City("admin");
        await (await admin.PostAsync("/api/city/admin/rebuild", null)).ShouldBeProblem(HttpStatusCode.Conflict, "already_running");

        await running.RollbackAsync();
        await (await admin.PostAsync("/api/city/admin/rebuild", null)).ShouldBe(HttpStatusCode.OK);
    }
}
