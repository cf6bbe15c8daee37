namespace City.Api.Features.ReadModels;

public sealed record RebuildResult(long EventsReplayed, long LastPosition, TimeSpan Took);

/// <summary>Throws the read models away and replays the journal into them, in one transaction.</summary>
public static class RebuildEndpoints
{
    /// <summary>Only the city's administrator rebuilds the read models.</summary>
    static readonly WriteRule CityAdmin = new("rebuild the read models", BureauRoles.Admin);

    const int Batch = 500;

    public static IEndpointRouteBuilder MapRebuildEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/api/city/admin", "Administration")
            .MapPost("/rebuild", Rebuild).WithSummary("Rebuild every read model from the journal (the city's admin only)");
        return app;
    }

    static async Task<Results<Ok<RebuildResult>, ProblemHttpResult>> Rebuild(CityDb db, Projector projector, CallerScope caller, TimeProvider clock, CancellationToken ct)
    {
        if (caller.WriteRefusal(CityAdmin, Regions.City) is { } forbidden) return forbidden;
        var started = clock.GetTimestamp();
        var result = await RebuildAsync(db, projector, ct);
        if (result is null) return ExclusiveRun.AlreadyRunning("read-model rebuild");
        return TypedResults.Ok(result with { Took = clock.GetElapsedTime(started) });
    }

    /// <summary>The replay, or null when another rebuild (on any instance) is running.</summary>
    public static async Task<RebuildResult?> RebuildAsync(CityDb db, Projector projector, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await ExclusiveRun.TryEnterAsync(db, "city:rebuild", ct)) return null;
        // TRUNCATE waits for consumers in flight and then holds the tables exclusively until commit, so live
        // events queue behind the rebuild and are applied on top of the replayed state, never lost or doubled.
        await db.Database.ExecuteSqlRawAsync("""
            truncate project_views, project_figures, problem_views, approval_views, deal_views, funds_arrivals,
                     funding_views, funding_disbursements, region_actuals
            """, ct);
        projector.LockPerAggregate = false;
        long replayed = 0, last = 0;
        while (true)
        {
            var entries = await db.Journal.AsNoTracking().Where(e => e.Position > last).OrderBy(e => e.Position).Take(Batch).ToListAsync(ct);
            if (entries.Count == 0) break;
            foreach (var entry in entries)
            {
                await projector.ApplyAsync(Journal.Read(entry), ct);
                // Saved per event: the projector's queries must see what the previous event wrote.
                await projector.FlushAsync(ct);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                replayed++;
            }
            last = entries[^1].Position;
        }
        await tx.CommitAsync(ct);
        return new RebuildResult(replayed, last, TimeSpan.Zero);
    }
}
