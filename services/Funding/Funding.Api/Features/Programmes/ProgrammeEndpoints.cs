using Funding.Api.Features;

namespace Funding.Api.Features.Programmes;

public sealed record ProgrammeResponse(Guid Id, string RegionCode, string Name, ProgrammeKind Kind, int Year, string Batch,
    DateOnly OpensOn, DateOnly ClosesOn, string[] EligibleCategories, decimal MaxShare, bool IsCityWide,
    DateTimeOffset CreatedAt, long Version)
{
    public static ProgrammeResponse From(Programme p) => new(p.Id, p.RegionCode, p.Name, p.Kind, p.Year, p.Batch,
        p.OpensOn, p.ClosesOn, p.EligibleCategories, p.MaxShare, p.IsCityWide, p.CreatedAt, p.Version);
}

public static class ProgrammeEndpoints
{
    public static IEndpointRouteBuilder MapProgrammeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/funding/programmes", "Funding programmes");
        group.MapGet("/", List).WithSummary("Programmes the caller may apply to or decide on: city-wide ones and its own region's");
        group.MapGet("/{id:guid}", Get).WithSummary("One programme");
        group.MapPost("/", Create).WithSummary("Open a programme (funding bureau; 140500 for city-wide, a county for its own)");
        return app;
    }

    static async Task<Results<Ok<Paged<ProgrammeResponse>>, ProblemHttpResult>> List(string? kind, int? year, string? batch, string? regionCode,
        DateOnly? openOn, int? page, int? pageSize, FundingDb db, CallerScope caller, CancellationToken ct)
    {
        if (!QueryEnum.IsValid<ProgrammeKind>(kind))
            return Problem.Validation("kind", QueryEnum.Invalid<ProgrammeKind>());
        var query = db.Programmes.AsNoTracking().VisibleTo(caller);
        if (QueryEnum.Parse<ProgrammeKind>(kind) is { } theKind) query = query.Where(p => p.Kind == theKind);
        if (year is not null) query = query.Where(p => p.Year == year);
        if (batch is not null) query = query.Where(p => p.Batch == batch);
        if (regionCode is not null) query = query.Where(p => p.RegionCode == regionCode);
        if (openOn is not null) query = query.Where(p => p.OpensOn <= openOn && p.ClosesOn >= openOn);
        var result = await query.OrderByDescending(p => p.Year).ThenBy(p => p.Kind).ThenBy(p => p.Batch).ThenBy(p => p.Id)
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(new Paged<ProgrammeResponse>(result.Items.Select(ProgrammeResponse.From).ToList(), result.Page, result.PageSize, result.Total));
    }

    static async Task<Results<Ok<ProgrammeResponse>, ProblemHttpResult>> Get(Guid id, FundingDb db, CallerScope caller, CancellationToken ct)
    {
        var programme = await db.Programmes.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(p => p.Id == id, ct);
        return programme is null ? Problem.NotFound("Programme", id) : TypedResults.Ok(ProgrammeResponse.From(programme));
    }

    static async Task<Results<Created<ProgrammeResponse>, ProblemHttpResult>> Create(ProgrammeInput input, FundingDb db,
        CallerScope caller, TimeProvider clock, CancellationToken ct)
    {
        if (caller.WriteRefusal(FundingRoles.OpenProgrammes) is { } forbidden) return forbidden;
        if (!Regions.IsKnown(caller.RegionCode))
            return Problem.Forbidden("Programmes are opened by the city or a county, not a township.");
        if (await db.Programmes.AnyAsync(p => p.RegionCode == caller.RegionCode && p.Kind == input.Kind && p.Year == input.Year
                && p.Batch == input.Batch!.Trim(), ct))
            return Problem.Conflict("duplicate_programme", $"A {input.Kind} programme for {input.Year} batch {input.Batch} already exists.");

        var programme = Programme.Create(input, caller.RegionCode, clock.GetUtcNow());
        db.Programmes.Add(programme);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/funding/programmes/{programme.Id}", ProgrammeResponse.From(programme));
    }

    /// <summary>
    /// Unlike the shared rule (<see cref="RegionalScope.VisibleTo"/>), programmes are applied to from below: everyone sees the
    /// city's, a county (and its townships) its own.
    /// </summary>
    public static IQueryable<Programme> VisibleTo(this IQueryable<Programme> programmes, CallerScope caller) =>
        caller.IsCity ? programmes : programmes.Where(p => p.RegionCode == Regions.City || p.RegionCode == caller.RegionCode);
}
