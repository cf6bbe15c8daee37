namespace Attraction.Api.Features.Summary;

public static class SummaryEndpoints
{
    public static IEndpointRouteBuilder MapSummaryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/api/attraction/summary", "Summary").MapGet("/", Get)
            .WithSummary("Signed total investment, new-start planned total investment, funds in place and same-year start rate per region (?period=2025|2025-Q1|2025-03)");
        return app;
    }

    static async Task<Results<Ok<AttractionSummary>, ProblemHttpResult>> Get(string? period, string? regionCode, AttractionDb db,
        CallerScope caller, CancellationToken ct)
    {
        if (!Period.TryParse(period?.Trim(), out var p))
            return Problem.Validation("period", FieldErrors.InvalidPeriod.Saying("is required, written 2025, 2025-Q1 or 2025-03"));
        if (regionCode is not null && !Regions.IsKnown(regionCode))
            return Problem.Validation("regionCode", FieldErrors.UnknownRegion.Saying("is not a region of the city (GB/T 2260 code, 开发区 140571)"));
        // A county sees its own figures only; asking for another county's is the same as asking for a record outside scope.
        if (regionCode is not null && !caller.CanRead(regionCode)) return Problem.NotFound("Region", regionCode);

        var regions = regionCode is not null ? [regionCode]
            : caller.IsCity ? Regions.Codes.ToList()
            : caller.CanRead(caller.RegionCode) ? [caller.RegionCode] : new List<string>();

        var deals = db.Deals.AsNoTracking().VisibleTo(caller).Where(d => regions.Contains(d.RegionCode));
        var dealFacts = await deals
            .Where(d => (d.SignedOn >= p.YearStart && d.SignedOn <= p.End) || (d.StartedOn >= p.Start && d.StartedOn <= p.End))
            .Select(d => new DealFacts(d.RegionCode, d.Amount, d.SignedOn, d.StartedOn, d.ProjectTotalInvestment))
            .ToListAsync(ct);
        var fundsFacts = await db.FundsArrivals.AsNoTracking().VisibleTo(caller)
            .Where(f => regions.Contains(f.RegionCode) && f.ArrivedOn >= p.Start && f.ArrivedOn <= p.End)
            .Select(f => new FundsFacts(f.RegionCode, f.Amount, f.ArrivedOn))
            .ToListAsync(ct);
        return TypedResults.Ok(SummaryCalculator.Calculate(p, regions, dealFacts, fundsFacts));
    }
}
