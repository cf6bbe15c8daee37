namespace ProjectLibrary.Api.Features.Progress;

public sealed record LockRequest(string? RegionCode, string? Period) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors
        .Required(RegionCode, "regionCode")
        .When(RegionCode is not null && !Regions.IsKnown(RegionCode), "regionCode", FieldErrors.UnknownRegion)
        .Required(Period, "period")
        .When(Period is not null && !global::Platform.ServiceDefaults.Period.TryParseMonth(Period, out _), "period", FieldErrors.InvalidMonth);
}

public sealed record LockResponse(string RegionCode, string Period, string LockedBy, DateTimeOffset LockedAt);

/// <summary>The project office locks a reviewed month of its region; unlocking is the only way to change it again. Both audited.</summary>
public static class ProgressLockEndpoints
{
    static readonly WriteRule Locking = new("lock and unlock months of progress", BureauRoles.ProjectOffice, BureauRoles.Admin) { CountyOnly = true };

    public static RouteGroupBuilder MapProgressLockEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/progress/locks", List).WithSummary("Locked months in the caller's scope");
        group.MapPost("/progress/locks", Lock).WithSummary("Lock a reviewed month of a region (409 already_locked)");
        group.MapDelete("/progress/locks", Unlock).WithSummary("Unlock a month: ?regionCode=140522&period=2025-03");
        return group;
    }

    static async Task<Ok<Paged<LockResponse>>> List(string? regionCode, int? year, int? page, int? pageSize, ProjectsDb db, CallerScope caller, CancellationToken ct)
    {
        var query = db.ProgressLocks.AsNoTracking();
        if (!caller.IsCity) query = query.Where(l => l.RegionCode == caller.RegionCode);
        if (regionCode is not null) query = query.Where(l => l.RegionCode == regionCode);
        if (year is not null) query = query.Where(l => l.Year == year);
        var result = await query.OrderBy(l => l.RegionCode).ThenBy(l => l.Year).ThenBy(l => l.Month)
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(new Paged<LockResponse>(result.Items.Select(ToResponse).ToList(), result.Page, result.PageSize, result.Total));
    }

    static async Task<Results<Created<LockResponse>, ProblemHttpResult>> Lock(LockRequest request, ProjectsDb db, CallerScope caller,
        TimeProvider clock, CancellationToken ct)
    {
        if (caller.WriteRefusal(Locking, request.RegionCode!) is { } refusal) return refusal;
        Period.TryParseMonth(request.Period, out var period);
        if (await Find(db, request.RegionCode!, period, ct) is not null)
            return Problem.Conflict("already_locked", $"{period} of region {request.RegionCode} is already locked.");
        var entry = new ProgressLock
        {
            RegionCode = request.RegionCode!, Year = period.Year, Month = period.Month, LockedBy = caller.UserName, LockedAt = clock.GetUtcNow(),
        };
        db.ProgressLocks.Add(entry);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/projects/progress/locks?regionCode={entry.RegionCode}&year={period.Year}", ToResponse(entry));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> Unlock(string? regionCode, string? period, ProjectsDb db, CallerScope caller, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        new LockRequest(regionCode, period).Validate(errors);
        if (!errors.IsEmpty) return Problem.Validation(errors);
        if (caller.WriteRefusal(Locking, regionCode!) is { } refusal) return refusal;
        Period.TryParseMonth(period, out var month);
        var entry = await Find(db, regionCode!, month, ct);
        if (entry is null) return Problem.NotFound("Lock of", $"{regionCode} {period}");
        db.ProgressLocks.Remove(entry);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }


    static Task<ProgressLock?> Find(ProjectsDb db, string regionCode, Period period, CancellationToken ct) =>
        db.ProgressLocks.FirstOrDefaultAsync(l => l.RegionCode == regionCode && l.Year == period.Year && l.Month == period.Month, ct);

    static LockResponse ToResponse(ProgressLock l) => new(l.RegionCode, Period.OfMonth(l.Year, l.Month).ToString(), l.LockedBy, l.LockedAt);
}
