namespace Attraction.Api.Features.Deals;

/// <summary>双向承诺 of a deal: add, list, fulfil; and the overdue ones across deals for 督办.</summary>
public static class CommitmentEndpoints
{
    public static RouteGroupBuilder MapCommitmentEndpoints(this RouteGroupBuilder deals)
    {
        deals.MapGet("/{id:guid}/commitments", ForDeal).WithSummary("The deal's two-way commitments with overdue flags");
        deals.MapPost("/{id:guid}/commitments", Add).WithSummary("Add a commitment of the investor or the government, with its due date");
        deals.MapPost("/{id:guid}/commitments/{cid:guid}/fulfil", Fulfil).WithSummary("Mark a commitment fulfilled; a second time is 409");
        return deals;
    }

    public static IEndpointRouteBuilder MapCommitmentList(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/api/attraction/commitments", "Deals")
            .MapGet("/", Across).WithSummary("Commitments across the caller's deals, e.g. ?overdue=true for the ones to chase");
        return app;
    }

    static async Task<Results<Ok<IReadOnlyList<CommitmentResponse>>, ProblemHttpResult>> ForDeal(Guid id, AttractionDb db, CallerScope caller,
        TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Deals.VisibleTo(caller).AnyAsync(d => d.Id == id, ct)) return Problem.NotFound("Deal", id);
        var today = clock.Today();
        var commitments = await db.Commitments.AsNoTracking().Where(c => c.DealId == id)
            .OrderBy(c => c.Side).ThenBy(c => c.DueOn).ThenBy(c => c.Id).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<CommitmentResponse>>(commitments.Select(c => CommitmentResponse.From(c, today)).ToList());
    }

    static async Task<Ok<Paged<CommitmentResponse>>> Across(string? regionCode, CommitmentSide? side, bool? overdue, bool? fulfilled,
        int? page, int? pageSize, AttractionDb db, CallerScope caller, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var q = db.Commitments.AsNoTracking().VisibleTo(caller);
        if (regionCode is not null) q = q.Where(c => c.RegionCode == regionCode);
        if (side is not null) q = q.Where(c => c.Side == side);
        if (overdue is true) q = q.Where(c => c.FulfilledOn == null && c.DueOn < today);
        if (overdue is false) q = q.Where(c => c.FulfilledOn != null || c.DueOn >= today);
        if (fulfilled is not null) q = q.Where(c => (c.FulfilledOn != null) == fulfilled);
        var result = await q.OrderBy(c => c.DueOn).ThenBy(c => c.Id).ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(new Paged<CommitmentResponse>(result.Items.Select(c => CommitmentResponse.From(c, today)).ToList(),
            result.Page, result.PageSize, result.Total));
    }

    static async Task<Results<Created<CommitmentResponse>, ProblemHttpResult>> Add(Guid id, CommitmentInput input, AttractionDb db,
        CallerScope caller, TimeProvider clock, CancellationToken ct)
    {
        var deal = await db.Deals.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deal is null) return Problem.NotFound("Deal", id);
        if (caller.WriteRefusal(AttractionAccess.Keep, deal.RegionCode) is { } refusal) return refusal;

        var now = clock.GetUtcNow();
        var commitment = Commitment.Promise(deal.Id, deal.RegionCode, input, now);
        db.Commitments.Add(commitment);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/attraction/deals/{deal.Id}/commitments/{commitment.Id}", CommitmentResponse.From(commitment, clock.Today()));
    }

    static async Task<Results<Ok<CommitmentResponse>, ProblemHttpResult>> Fulfil(Guid id, Guid cid, FulfilmentInput input, AttractionDb db,
        CallerScope caller, TimeProvider clock, CancellationToken ct)
    {
        var commitment = await db.Commitments.VisibleTo(caller).FirstOrDefaultAsync(c => c.Id == cid && c.DealId == id, ct);
        if (commitment is null) return Problem.NotFound("Commitment", cid);
        if (caller.WriteRefusal(AttractionAccess.Keep, commitment.RegionCode) is { } refusal) return refusal;
        if (commitment.Fulfil(input.FulfilledOn!.Value, input.Note, clock.GetUtcNow()) is { } illegal) return Problem.Conflict(illegal.Code, illegal.Detail);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CommitmentResponse.From(commitment, clock.Today()));
    }
}
