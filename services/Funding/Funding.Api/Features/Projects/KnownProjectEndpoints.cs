namespace Funding.Api.Features.Projects;

public sealed record KnownProjectResponse(Guid Id, string Name, string RegionCode, string? Township, string Category,
    decimal TotalInvestment, int Year, long Version)
{
    public static KnownProjectResponse From(KnownProject p) =>
        new(p.Id, p.Name, p.RegionCode, p.Township, p.Category, p.TotalInvestment, p.Year, p.Version);
}

/// <summary>What the funding service knows of the project library (read-only; it follows the library's events).</summary>
public static class KnownProjectEndpoints
{
    public static IEndpointRouteBuilder MapKnownProjectEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/funding/projects", "Funding projects");
        group.MapGet("/", List).WithSummary("Projects of the library known to the funding service, in the caller's scope");
        group.MapGet("/{id:guid}", Get).WithSummary("One known project (404 until its ProjectRegistered has arrived)");
        return app;
    }

    static async Task<Ok<Paged<KnownProjectResponse>>> List(string? regionCode, string? q, int? page, int? pageSize,
        FundingDb db, CallerScope caller, CancellationToken ct)
    {
        var query = db.Projects.AsNoTracking().VisibleTo(caller);
        if (regionCode is not null) query = query.Where(p => p.RegionCode == regionCode);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(p => p.Name.Contains(q.Trim()));
        var result = await query.OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new KnownProjectResponse(p.Id, p.Name, p.RegionCode, p.Township, p.Category, p.TotalInvestment, p.Year, p.Version))
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(result);
    }

    static async Task<Results<Ok<KnownProjectResponse>, ProblemHttpResult>> Get(Guid id, FundingDb db, CallerScope caller, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(p => p.Id == id, ct);
        return project is null ? Problem.NotFound("Project", id) : TypedResults.Ok(KnownProjectResponse.From(project));
    }
}
