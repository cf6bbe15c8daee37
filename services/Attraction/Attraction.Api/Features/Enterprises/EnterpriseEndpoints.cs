namespace Attraction.Api.Features.Enterprises;

public sealed record EnterpriseFilter(string? RegionCode, string? Q, string? Industry, string? OriginRegion, string? Type,
    string? Sort, int? Page, int? PageSize);

public static class EnterpriseEndpoints
{
    public static IEndpointRouteBuilder MapEnterpriseEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/attraction/enterprises", "Enterprises");
        group.MapGet("/", List).WithSummary("The target-enterprise library (目标企业库) in the caller's scope, filtered and paged");
        group.MapGet("/suggestions", () => TypedResults.Ok(new { EnterpriseSuggestions.OriginRegions, EnterpriseSuggestions.Types }))
            .WithSummary("Origin regions and enterprise types the console offers (other values are accepted)");
        group.MapGet("/{id:guid}", Get).WithSummary("One enterprise, with its ETag");
        group.MapPost("/", Create).WithSummary("Add an enterprise; a credit code already in the county's library is 409");
        group.MapPut("/{id:guid}", Update).WithSummary("Replace an enterprise's fields; requires If-Match");
        return app;
    }

    static async Task<Ok<Paged<EnterpriseResponse>>> List([AsParameters] EnterpriseFilter f, AttractionDb db, CallerScope caller, CancellationToken ct)
    {
        var q = db.Enterprises.AsNoTracking().VisibleTo(caller);
        if (f.RegionCode is not null) q = q.Where(e => e.RegionCode == f.RegionCode);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = f.Q.Trim();
            var code = text.ToUpperInvariant();
            q = q.Where(e => e.Name.Contains(text) || e.CreditCode == code);
        }
        if (f.Industry is not null) q = q.Where(e => e.Industry == f.Industry);
        if (f.OriginRegion is not null) q = q.Where(e => e.OriginRegion == f.OriginRegion);
        if (f.Type is not null) q = q.Where(e => e.Types.Contains(f.Type));
        q = f.Sort switch
        {
            "name" => q.OrderBy(e => e.Name).ThenBy(e => e.Id),
            "-updatedAt" => q.OrderByDescending(e => e.UpdatedAt).ThenBy(e => e.Id),
            _ => q.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id),
        };
        var page = await q.ToPageAsync(PageRequest.From(f.Page, f.PageSize), ct);
        return TypedResults.Ok(new Paged<EnterpriseResponse>(page.Items.Select(EnterpriseResponse.From).ToList(), page.Page, page.PageSize, page.Total));
    }

    static async Task<Results<Ok<EnterpriseResponse>, ProblemHttpResult>> Get(Guid id, AttractionDb db, CallerScope caller, HttpResponse response, CancellationToken ct)
    {
        var enterprise = await db.Enterprises.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (enterprise is null) return Problem.NotFound("Enterprise", id);
        response.Headers.ETag = enterprise.ETag;
        return TypedResults.Ok(EnterpriseResponse.From(enterprise));
    }

    static async Task<Results<Created<EnterpriseResponse>, ProblemHttpResult>> Create(EnterpriseInput input, AttractionDb db, CallerScope caller,
        TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        if (caller.WriteRefusal(AttractionAccess.Keep, caller.RegionCode) is { } refusal) return refusal;
        if (await Duplicate(db, caller.RegionCode, input.CreditCode!, exceptId: null, ct) is { } duplicate) return duplicate;

        var enterprise = Enterprise.Add(caller.RegionCode, input, clock.GetUtcNow());
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync(ct);
        response.Headers.ETag = enterprise.ETag;
        return TypedResults.Created($"/api/attraction/enterprises/{enterprise.Id}", EnterpriseResponse.From(enterprise));
    }

    static async Task<Results<Ok<EnterpriseResponse>, ProblemHttpResult>> Update(Guid id, EnterpriseInput input, AttractionDb db, CallerScope caller,
        TimeProvider clock, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var enterprise = await db.Enterprises.VisibleTo(caller).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (enterprise is null) return Problem.NotFound("Enterprise", id);
        if (caller.WriteRefusal(AttractionAccess.Keep, enterprise.RegionCode) is { } refusal) return refusal;
        if (IfMatch.Check(request, enterprise.ETag, required: true) is { } precondition) return precondition;
        if (await Duplicate(db, enterprise.RegionCode, input.CreditCode!, enterprise.Id, ct) is { } duplicate) return duplicate;

        enterprise.Update(input, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.PreconditionFailed();
        }
        response.Headers.ETag = enterprise.ETag;
        return TypedResults.Ok(EnterpriseResponse.From(enterprise));
    }

    /// <summary>
    /// One enterprise is one entry per county library. Uniqueness is per county, not city-wide, because two
    /// counties may court the same enterprise and neither may see the other's records. The conflict names only the
    /// code the caller sent, never the record holding it: a uniqueness answer must not become a way to read records.
    /// </summary>
    static async Task<ProblemHttpResult?> Duplicate(AttractionDb db, string regionCode, string creditCode, Guid? exceptId, CancellationToken ct)
    {
        var code = CreditCode.Normalize(creditCode);
        var taken = await db.Enterprises.AsNoTracking().AnyAsync(e => e.RegionCode == regionCode && e.CreditCode == code && e.Id != exceptId, ct);
        return taken ? Problem.Conflict("duplicate_credit_code", $"The county's library already holds an enterprise with the credit code {code}.") : null;
    }
}
