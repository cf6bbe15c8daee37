namespace City.Api.Features.Targets;

public sealed record TargetFilter(string? Period, string? RegionCode, string? Metric, TargetLevel? Level, string? Township, int? Page, int? PageSize);

public static class TargetEndpoints
{
    public static IEndpointRouteBuilder MapTargetEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/city/targets", "Targets");
        group.MapGet("/", List).WithSummary("Targets in the caller's scope, filtered by period, region, metric and level");
        group.MapPut("/", Put).WithSummary("Set targets of one period (each upserted): the city HQ for districts, a county for its townships");
        group.MapGet("/decomposition", Decompose).WithSummary("Per metric, each parent target against the sum of its children, and the gap");
        group.MapGet("/metrics", () => TypedResults.Ok(Metrics.All)).WithSummary("The metrics, their units and how they are counted");
        return app;
    }

    static async Task<Ok<Paged<TargetResponse>>> List([AsParameters] TargetFilter filter, CityDb db, CallerScope caller, CancellationToken ct)
    {
        var query = db.Targets.AsNoTracking().VisibleTo(caller);
        if (filter.Period is not null) query = query.Where(t => t.Period == filter.Period);
        if (filter.RegionCode is not null) query = query.Where(t => t.RegionCode == filter.RegionCode);
        if (filter.Metric is not null) query = query.Where(t => t.Metric == filter.Metric);
        if (filter.Level is not null) query = query.Where(t => t.Level == filter.Level);
        if (filter.Township is not null) query = query.Where(t => t.Township == filter.Township);
        var page = await query.OrderBy(t => t.Period).ThenBy(t => t.Level).ThenBy(t => t.RegionCode).ThenBy(t => t.Township).ThenBy(t => t.Metric)
            .ToPageAsync(PageRequest.From(filter.Page, filter.PageSize), ct);
        return TypedResults.Ok(new Paged<TargetResponse>(page.Items.Select(TargetResponse.From).ToList(), page.Page, page.PageSize, page.Total));
    }

    static async Task<Results<Ok<IReadOnlyList<TargetResponse>>, ProblemHttpResult>> Put(TargetBatch batch, CityDb db, CallerScope caller,
        TimeProvider clock, CancellationToken ct)
    {
        foreach (var item in batch.Targets!)
            if (Target.WhyCannotSet(caller, item.Level!.Value, item.RegionCode!) is { } refusal) return Problem.Forbidden(refusal);

        var period = batch.Period!;
        var regions = batch.Targets!.Select(t => t.RegionCode!).Distinct().ToList();
        var existing = await db.Targets.Where(t => t.Period == period && regions.Contains(t.RegionCode)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var saved = new List<Target>();
        foreach (var item in batch.Targets!)
        {
            var township = item.Level == TargetLevel.Township ? item.Township!.Trim() : "";
            var target = existing.FirstOrDefault(t => t.Level == item.Level && t.RegionCode == item.RegionCode && t.Township == township && t.Metric == item.Metric);
            if (target is null)
            {
                target = Target.Create(item.Level!.Value, item.RegionCode!, township, period, item.Metric!, item.Amount!.Value, item.Note, caller.UserName, now);
                db.Targets.Add(target);
            }
            else target.Change(item.Amount!.Value, item.Note, caller.UserName, now);
            saved.Add(target);
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok<IReadOnlyList<TargetResponse>>(saved.Select(TargetResponse.From).ToList());
    }

    static async Task<Results<Ok<DecompositionReport>, ProblemHttpResult>> Decompose(string? period, CityDb db, CallerScope caller, CancellationToken ct)
    {
        if (!Period.TryParse(period, out _)) return Problem.Validation("period", FieldErrors.InvalidPeriod);
        var targets = await db.Targets.AsNoTracking().VisibleTo(caller).Where(t => t.Period == period).ToListAsync(ct);
        return TypedResults.Ok(Decomposition.Check(period!, targets, caller.IsCity));
    }

    /// <summary>
    /// The city reads every target; a county reads its own district and township targets. Unlike the shared rule
    /// (<see cref="RegionalScope.VisibleTo"/>), a township user reads its district's targets beside its own township's.
    /// </summary>
    public static IQueryable<Target> VisibleTo(this IQueryable<Target> targets, CallerScope caller)
    {
        if (caller.IsCity) return targets;
        targets = targets.Where(t => t.RegionCode == caller.RegionCode && t.Level != TargetLevel.City);
        return caller.Township is null ? targets : targets.Where(t => t.Level == TargetLevel.District || t.Township == caller.Township);
    }
}
