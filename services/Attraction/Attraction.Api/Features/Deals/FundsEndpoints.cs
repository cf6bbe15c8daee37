using Platform.Contracts.Attraction;
using Platform.Messaging;

namespace Attraction.Api.Features.Deals;

/// <summary>资金到位 per deal and date.</summary>
public static class FundsEndpoints
{
    public static RouteGroupBuilder MapFundsEndpoints(this RouteGroupBuilder deals)
    {
        deals.MapGet("/{id:guid}/funds", List).WithSummary("Funds in place for the deal, newest first, with the total");
        deals.MapPost("/{id:guid}/funds", Record).WithSummary("Record funds that arrived (publishes FundsArrived)");
        return deals;
    }

    static async Task<Results<Ok<Paged<FundsResponse>>, ProblemHttpResult>> List(Guid id, int? page, int? pageSize, AttractionDb db,
        CallerScope caller, CancellationToken ct)
    {
        if (!await db.Deals.VisibleTo(caller).AnyAsync(d => d.Id == id, ct)) return Problem.NotFound("Deal", id);
        var result = await db.FundsArrivals.AsNoTracking().Where(f => f.DealId == id)
            .OrderByDescending(f => f.ArrivedOn).ThenByDescending(f => f.CreatedAt)
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(new Paged<FundsResponse>(result.Items.Select(FundsResponse.From).ToList(), result.Page, result.PageSize, result.Total));
    }

    static async Task<Results<Created<FundsResponse>, ProblemHttpResult>> Record(Guid id, FundsInput input, AttractionDb db, CallerScope caller,
        TimeProvider clock, CancellationToken ct)
    {
        var deal = await db.Deals.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deal is null) return Problem.NotFound("Deal", id);
        if (caller.WriteRefusal(AttractionAccess.Keep, deal.RegionCode) is { } refusal) return refusal;
        if (input.ArrivedOn < deal.SignedOn)
            return Problem.Unprocessable("funds_before_signing", $"Funds cannot arrive on {input.ArrivedOn:yyyy-MM-dd}, before the deal was signed ({deal.SignedOn:yyyy-MM-dd}).");
        if (input.ArrivedOn > clock.Today())
            return Problem.Unprocessable("funds_in_future", "Funds in place are recorded once they arrived, not in advance.");

        var now = clock.GetUtcNow();
        var funds = new FundsArrival
        {
            Id = Guid.CreateVersion7(), DealId = deal.Id, RegionCode = deal.RegionCode, Amount = input.Amount!.Value,
            ArrivedOn = input.ArrivedOn!.Value, Note = AttractionAccess.Blank(input.Note), RecordedBy = caller.UserName, CreatedAt = now,
        };
        db.FundsArrivals.Add(funds);
        // A funds record is never edited, so its own version is 1.
        db.AddEvent(new FundsArrived
        {
            FundsId = funds.Id, DealId = deal.Id, ProjectId = deal.ProjectId, RegionCode = deal.RegionCode, Amount = funds.Amount,
            ArrivedOn = funds.ArrivedOn, Version = 1, OccurredAt = now,
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/attraction/deals/{deal.Id}/funds/{funds.Id}", FundsResponse.From(funds));
    }
}
