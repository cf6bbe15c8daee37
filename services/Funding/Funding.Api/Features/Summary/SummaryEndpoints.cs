using Funding.Api.Features.Applications;
using Microsoft.Extensions.Options;

namespace Funding.Api.Features.Summary;

public static class SummaryEndpoints
{
    public static IEndpointRouteBuilder MapSummaryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/api/funding/summary", "Funding summary").MapGet("/", Get)
            .WithSummary("Requested, approved, allocated and disbursed by kind for a year and region; growth and progress to target");
        return app;
    }

    static async Task<Results<Ok<FundingSummaryResponse>, ProblemHttpResult>> Get(int? year, string? regionCode, FundingDb db,
        CallerScope caller, TimeProvider clock, IOptions<FundingOptions> options, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Range(year, 2000, 2100, "year")
            .When(regionCode is not null && !Regions.IsKnown(regionCode), "regionCode", FieldErrors.UnknownRegion);
        if (!errors.IsEmpty) return Problem.Validation(errors);
        // A county reads its own summary; asking for another region is like asking for a row outside scope.
        if (regionCode is not null && !caller.CanRead(regionCode)) return Problem.NotFound("Region", regionCode);
        var region = regionCode ?? (caller.IsCity ? null : caller.RegionCode);
        var theYear = year ?? clock.Today().Year;

        var query = db.Applications.AsNoTracking().VisibleTo(caller).Where(a => a.Year == theYear || a.Year == theYear - 1);
        if (region is not null) query = query.Where(a => a.RegionCode == region);
        var rows = await query.Select(a => new SummaryRow(a.ProgrammeKind, a.Year, a.Status, a.RequestedAmount, a.ApprovedAmount,
                a.Transfers.Where(t => t.Kind == TransferKind.Allocation).Sum(t => t.Amount),
                a.Transfers.Where(t => t.Kind == TransferKind.Disbursement).Sum(t => t.Amount)))
            .ToListAsync(ct);
        var target = options.Value.TargetFor(region ?? Regions.City, theYear);
        return TypedResults.Ok(FundingSummary.Compute(rows, theYear, region, target));
    }
}
