using Attraction.Api.Features.Enterprises;

namespace Attraction.Api.Features.Leads;

public static class LeadEndpoints
{
    public static IEndpointRouteBuilder MapLeadEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/attraction/leads", "Leads");
        group.MapGet("/", List).WithSummary("Leads in the caller's scope, filtered by stage, leader, enterprise, text; paged");
        group.MapGet("/{id:guid}", Get).WithSummary("One lead, with its ETag");
        group.MapPost("/", Create).WithSummary("Open a lead at 接洽 (contact)");
        group.MapPut("/{id:guid}", Update).WithSummary("Replace a lead's fields (leader, team …); requires If-Match");
        group.MapPost("/{id:guid}/stage", ChangeStage).WithSummary("Move a lead forward (visit, negotiation, signed) or terminate it; illegal moves are 409");
        group.MapGet("/{id:guid}/contacts", Contacts).WithSummary("The lead's dated contact log, newest first");
        group.MapPost("/{id:guid}/contacts", AddContact).WithSummary("Record a contact with the enterprise");
        return app;
    }

    static async Task<Ok<Paged<LeadResponse>>> List([AsParameters] LeadFilter f, AttractionDb db, CallerScope caller, CancellationToken ct)
    {
        var q = db.Leads.AsNoTracking().VisibleTo(caller);
        if (f.RegionCode is not null) q = q.Where(l => l.RegionCode == f.RegionCode);
        if (f.Stage is not null) q = q.Where(l => l.Stage == f.Stage);
        if (f.Leader is not null) q = q.Where(l => l.Leader == f.Leader || l.Team.Contains(f.Leader));
        if (f.EnterpriseId is not null) q = q.Where(l => l.EnterpriseId == f.EnterpriseId);
        if (f.Open is true) q = q.Where(l => l.Stage != LeadStage.Signed && l.Stage != LeadStage.Terminated);
        if (f.Open is false) q = q.Where(l => l.Stage == LeadStage.Signed || l.Stage == LeadStage.Terminated);
        if (!string.IsNullOrWhiteSpace(f.Q)) q = q.Where(l => l.Title.Contains(f.Q.Trim()) || l.EnterpriseName.Contains(f.Q.Trim()));
        q = f.Sort switch
        {
            "-intendedInvestment" => q.OrderByDescending(l => l.IntendedInvestment).ThenBy(l => l.Id),
            "-stageChangedOn" => q.OrderByDescending(l => l.StageChangedOn).ThenBy(l => l.Id),
            _ => q.OrderBy(l => l.CreatedAt).ThenBy(l => l.Id),
        };
        var page = await q.ToPageAsync(PageRequest.From(f.Page, f.PageSize), ct);
        return TypedResults.Ok(new Paged<LeadResponse>(page.Items.Select(LeadResponse.From).ToList(), page.Page, page.PageSize, page.Total));
    }

    static async Task<Results<Ok<LeadResponse>, ProblemHttpResult>> Get(Guid id, AttractionDb db, CallerScope caller, HttpResponse response, CancellationToken ct)
    {
        var lead = await db.Leads.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(l => l.Id == id, ct);
        if (lead is null) return Problem.NotFound("Lead", id);
        response.Headers.ETag = lead.ETag;
        return TypedResults.Ok(LeadResponse.From(lead));
    }

    static async Task<Results<Created<LeadResponse>, ProblemHttpResult>> Create(LeadInput input, AttractionDb db, CallerScope caller,
        TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        if (caller.WriteRefusal(AttractionAccess.Keep, caller.RegionCode) is { } refusal) return refusal;
        var (name, unknown) = await EnterpriseName(db, caller.RegionCode, input, ct);
        if (unknown is not null) return unknown;

        var lead = Lead.Open(caller.RegionCode, input, name!, input.ContactedOn ?? clock.Today(), clock.GetUtcNow());
        db.Leads.Add(lead);
        await db.SaveChangesAsync(ct);
        response.Headers.ETag = lead.ETag;
        return TypedResults.Created($"/api/attraction/leads/{lead.Id}", LeadResponse.From(lead));
    }

    static async Task<Results<Ok<LeadResponse>, ProblemHttpResult>> Update(Guid id, LeadInput input, AttractionDb db, CallerScope caller,
        TimeProvider clock, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var lead = await db.Leads.VisibleTo(caller).FirstOrDefaultAsync(l => l.Id == id, ct);
        if (lead is null) return Problem.NotFound("Lead", id);
        if (caller.WriteRefusal(AttractionAccess.Keep, lead.RegionCode) is { } refusal) return refusal;
        if (IfMatch.Check(request, lead.ETag, required: true) is { } precondition) return precondition;
        var (name, unknown) = await EnterpriseName(db, lead.RegionCode, input, ct);
        if (unknown is not null) return unknown;

        lead.Update(input, name!, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.PreconditionFailed();
        }
        response.Headers.ETag = lead.ETag;
        return TypedResults.Ok(LeadResponse.From(lead));
    }

    static async Task<Results<Ok<LeadResponse>, ProblemHttpResult>> ChangeStage(Guid id, LeadStageChange change, AttractionDb db, CallerScope caller,
        TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var lead = await db.Leads.VisibleTo(caller).FirstOrDefaultAsync(l => l.Id == id, ct);
        if (lead is null) return Problem.NotFound("Lead", id);
        if (caller.WriteRefusal(AttractionAccess.Keep, lead.RegionCode) is { } refusal) return refusal;
        if (lead.MoveTo(change.Stage!.Value, change.Date!.Value, change.Reason, clock.GetUtcNow()) is { } illegal)
            return Problem.Conflict(illegal.Code, illegal.Detail);
        await db.SaveChangesAsync(ct);
        response.Headers.ETag = lead.ETag;
        return TypedResults.Ok(LeadResponse.From(lead));
    }

    static async Task<Results<Ok<Paged<LeadContactResponse>>, ProblemHttpResult>> Contacts(Guid id, int? page, int? pageSize,
        AttractionDb db, CallerScope caller, CancellationToken ct)
    {
        if (!await db.Leads.VisibleTo(caller).AnyAsync(l => l.Id == id, ct)) return Problem.NotFound("Lead", id);
        var result = await db.LeadContacts.AsNoTracking().Where(c => c.LeadId == id)
            .OrderByDescending(c => c.ContactedOn).ThenByDescending(c => c.CreatedAt)
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(new Paged<LeadContactResponse>(result.Items.Select(LeadContactResponse.From).ToList(), result.Page, result.PageSize, result.Total));
    }

    static async Task<Results<Created<LeadContactResponse>, ProblemHttpResult>> AddContact(Guid id, LeadContactInput input, AttractionDb db,
        CallerScope caller, TimeProvider clock, CancellationToken ct)
    {
        var lead = await db.Leads.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(l => l.Id == id, ct);
        if (lead is null) return Problem.NotFound("Lead", id);
        if (caller.WriteRefusal(AttractionAccess.Keep, lead.RegionCode) is { } refusal) return refusal;
        if (lead.Stage == LeadStage.Terminated) return Problem.Conflict("lead_closed", "The lead was terminated; reopen work on it as a new lead.");

        var contact = new LeadContact
        {
            Id = Guid.CreateVersion7(), LeadId = lead.Id, RegionCode = lead.RegionCode, ContactedOn = input.ContactedOn!.Value,
            Method = input.Method!.Trim(), Summary = input.Summary!.Trim(), Participants = AttractionAccess.Blank(input.Participants),
            RecordedBy = caller.UserName, CreatedAt = clock.GetUtcNow(),
        };
        db.LeadContacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/attraction/leads/{lead.Id}/contacts", LeadContactResponse.From(contact));
    }

    /// <summary>The enterprise a lead names must be one of the region's library; its name is taken from there.</summary>
    static async Task<(string? Name, ProblemHttpResult? Unknown)> EnterpriseName(AttractionDb db, string regionCode, LeadInput input, CancellationToken ct)
    {
        if (input.EnterpriseId is null) return (input.EnterpriseName!, null);
        var name = await db.Enterprises.AsNoTracking().Where(e => e.Id == input.EnterpriseId && e.RegionCode == regionCode)
            .Select(e => e.Name).FirstOrDefaultAsync(ct);
        return name is null
            ? (null, Problem.Unprocessable("unknown_enterprise", $"Enterprise {input.EnterpriseId} is not in the library of region {regionCode}."))
            : (name, null);
    }
}
