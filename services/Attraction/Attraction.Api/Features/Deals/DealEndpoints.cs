using Platform.Contracts.Attraction;
using Platform.Messaging;

namespace Attraction.Api.Features.Deals;

public static class DealEndpoints
{
    public static IEndpointRouteBuilder MapDealEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/attraction/deals", "Deals");
        group.MapGet("/", List).WithSummary("Signed deals in the caller's scope, filtered by year, conversion, start, overdue commitments; paged");
        group.MapGet("/{id:guid}", Get).WithSummary("One signed deal with its funds in place and overdue commitments");
        group.MapPost("/", Create).WithSummary("Record a signed deal (publishes DealSigned)");
        group.MapCommitmentEndpoints();
        group.MapFundsEndpoints();
        group.MapConversionEndpoint();
        return app;
    }

    sealed record Row(Deal Deal, decimal Funds, int Overdue);

    static IQueryable<Row> Rows(AttractionDb db, IQueryable<Deal> deals, DateOnly today) => deals.Select(d => new Row(
        d,
        db.FundsArrivals.Where(f => f.DealId == d.Id).Sum(f => (decimal?)f.Amount) ?? 0m,
        db.Commitments.Count(c => c.DealId == d.Id && c.FulfilledOn == null && c.DueOn < today)));

    static async Task<Ok<Paged<DealResponse>>> List([AsParameters] DealFilter f, AttractionDb db, CallerScope caller, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var q = db.Deals.AsNoTracking().VisibleTo(caller);
        if (f.RegionCode is not null) q = q.Where(d => d.RegionCode == f.RegionCode);
        if (f.Year is not null) q = q.Where(d => d.SignedOn.Year == f.Year);
        if (f.Converted is not null) q = q.Where(d => (d.ProjectId != null) == f.Converted);
        if (f.Started is not null) q = q.Where(d => (d.StartedOn != null) == f.Started);
        if (f.HasOverdueCommitments is not null)
            q = q.Where(d => db.Commitments.Any(c => c.DealId == d.Id && c.FulfilledOn == null && c.DueOn < today) == f.HasOverdueCommitments);
        if (f.Industry is not null) q = q.Where(d => d.Industry == f.Industry);
        if (!string.IsNullOrWhiteSpace(f.Q)) q = q.Where(d => d.Name.Contains(f.Q.Trim()));
        q = f.Sort switch
        {
            "-amount" => q.OrderByDescending(d => d.Amount).ThenBy(d => d.Id),
            "amount" => q.OrderBy(d => d.Amount).ThenBy(d => d.Id),
            "signedOn" => q.OrderBy(d => d.SignedOn).ThenBy(d => d.Id),
            _ => q.OrderByDescending(d => d.SignedOn).ThenBy(d => d.Id),
        };
        var page = await Rows(db, q, today).ToPageAsync(PageRequest.From(f.Page, f.PageSize), ct);
        return TypedResults.Ok(new Paged<DealResponse>(page.Items.Select(r => DealResponse.From(r.Deal, r.Funds, r.Overdue)).ToList(),
            page.Page, page.PageSize, page.Total));
    }

    static async Task<Results<Ok<DealResponse>, ProblemHttpResult>> Get(Guid id, AttractionDb db, CallerScope caller, TimeProvider clock,
        HttpResponse response, CancellationToken ct)
    {
        var row = await Rows(db, db.Deals.AsNoTracking().VisibleTo(caller).Where(d => d.Id == id), clock.Today()).FirstOrDefaultAsync(ct);
        if (row is null) return Problem.NotFound("Deal", id);
        response.Headers.ETag = row.Deal.ETag;
        return TypedResults.Ok(DealResponse.From(row.Deal, row.Funds, row.Overdue));
    }

    static async Task<Results<Created<DealResponse>, ProblemHttpResult>> Create(DealInput input, AttractionDb db, CallerScope caller,
        TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var regionCode = input.RegionCode ?? caller.RegionCode;
        if (caller.WriteRefusal(AttractionAccess.Keep, regionCode) is { } refusal) return refusal;

        var (investors, unknown) = await Investors(db, regionCode, input.Investors!, ct);
        if (unknown is not null) return unknown;
        var now = clock.GetUtcNow();
        var deal = Deal.Sign(regionCode, input, investors!, now);
        if (input.LeadId is { } leadId)
        {
            var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == leadId && l.RegionCode == regionCode, ct);
            if (lead is null) return Problem.Unprocessable("unknown_lead", $"Lead {leadId} is not a lead of region {regionCode}.");
            if (lead.SignAs(deal.Id, deal.SignedOn, now) is { } illegal) return Problem.Conflict(illegal.Code, illegal.Detail);
        }

        db.Deals.Add(deal);
        db.AddEvent(new DealSigned
        {
            DealId = deal.Id, RegionCode = deal.RegionCode, Name = deal.Name, Amount = deal.Amount, SignedOn = deal.SignedOn,
            Industry = deal.Industry, Version = deal.Version, OccurredAt = now,
        });
        await db.SaveChangesAsync(ct);
        response.Headers.ETag = deal.ETag;
        return TypedResults.Created($"/api/attraction/deals/{deal.Id}", DealResponse.From(deal, 0m, 0));
    }

    /// <summary>Investors named by enterprise id must be in the region's library; their name is taken from there.</summary>
    static async Task<(IReadOnlyList<DealInvestor>?, ProblemHttpResult?)> Investors(AttractionDb db, string regionCode,
        IReadOnlyList<DealInvestorInput> input, CancellationToken ct)
    {
        var ids = input.Where(i => i.EnterpriseId is not null).Select(i => i.EnterpriseId!.Value).Distinct().ToList();
        var names = await db.Enterprises.AsNoTracking().Where(e => ids.Contains(e.Id) && e.RegionCode == regionCode)
            .ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        // Any id not found, the empty GUID included (it used to pass as "none missing" and fail on the name lookup).
        foreach (var missing in ids.Where(id => !names.ContainsKey(id)).Take(1))
            return (null, Problem.Unprocessable("unknown_enterprise", $"Enterprise {missing} is not in the library of region {regionCode}."));
        return (input.Select(i => new DealInvestor(i.EnterpriseId, i.EnterpriseId is { } id ? names[id] : i.Name!.Trim())).ToList(), null);
    }
}
