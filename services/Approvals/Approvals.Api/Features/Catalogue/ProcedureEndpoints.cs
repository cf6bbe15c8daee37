namespace Approvals.Api.Features.Catalogue;

/// <summary>The procedure catalogue: everyone signed in reads it; the city's administrator keeps it (one catalogue for all counties).</summary>
public static class ProcedureEndpoints
{
    public static IEndpointRouteBuilder MapProcedureEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/approvals/procedures", "Procedure catalogue");
        group.MapGet("/", List).WithSummary("The catalogue, filterable by agency and active, paged");
        group.MapGet("/{code}", Get).WithSummary("One procedure, with its ETag");
        group.MapPost("/", Create).WithSummary("Add a procedure (city administrator)");
        group.MapPut("/{code}", Update).WithSummary("Change a procedure; requires If-Match (city administrator)");
        return app;
    }

    static async Task<Ok<Paged<ProcedureResponse>>> List(ApprovalsDb db, string? agency, bool? active, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Procedures.AsNoTracking();
        if (agency is not null) query = query.Where(p => p.Agency == agency);
        if (active is not null) query = query.Where(p => p.Active == active);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(p => p.Name.Contains(q.Trim()) || p.Code.Contains(q.Trim()));
        var result = await query.OrderBy(p => p.SortOrder).ThenBy(p => p.Code).ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(new Paged<ProcedureResponse>(result.Items.Select(ProcedureResponse.From).ToList(), result.Page, result.PageSize, result.Total));
    }

    static async Task<Results<Ok<ProcedureResponse>, ProblemHttpResult>> Get(string code, ApprovalsDb db, HttpResponse response, CancellationToken ct)
    {
        var procedure = await db.Procedures.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct);
        if (procedure is null) return Problem.NotFound("Procedure", code);
        response.Headers.ETag = procedure.ETag;
        return TypedResults.Ok(ProcedureResponse.From(procedure));
    }

    static async Task<Results<Created<ProcedureResponse>, ProblemHttpResult>> Create(ProcedureInput input, ApprovalsDb db, CallerScope caller,
        TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        if (Refusal(caller) is { } refusal) return refusal;
        var code = input.Code!.Trim();
        if (await db.Procedures.AnyAsync(p => p.Code == code, ct))
            return Problem.Conflict("duplicate_procedure", $"The catalogue already has a procedure {code}.");
        if (await DependencyRefusal(db, code, input, ct) is { } bad) return bad;

        var procedure = Procedure.Create(input, clock.GetUtcNow());
        db.Procedures.Add(procedure);
        await db.SaveChangesAsync(ct);
        response.Headers.ETag = procedure.ETag;
        return TypedResults.Created($"/api/approvals/procedures/{procedure.Code}", ProcedureResponse.From(procedure));
    }

    static async Task<Results<Ok<ProcedureResponse>, ProblemHttpResult>> Update(string code, ProcedureInput input, ApprovalsDb db, CallerScope caller,
        TimeProvider clock, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var procedure = await db.Procedures.FirstOrDefaultAsync(p => p.Code == code, ct);
        if (procedure is null) return Problem.NotFound("Procedure", code);
        if (Refusal(caller) is { } refusal) return refusal;
        if (input.Code!.Trim() != code) return Problem.Validation("code", FieldErrors.PathMismatch("must equal the code in the path (codes never change)"));
        if (IfMatch.Check(request, procedure.ETag, required: true) is { } precondition) return precondition;
        if (await DependencyRefusal(db, code, input, ct) is { } bad) return bad;

        procedure.Update(input, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.PreconditionFailed();
        }
        response.Headers.ETag = procedure.ETag;
        return TypedResults.Ok(ProcedureResponse.From(procedure));
    }

    /// <summary>Only the city's administrator changes the catalogue: it applies to every county.</summary>
    static readonly WriteRule ChangeCatalogue = new("change the procedure catalogue", BureauRoles.Admin);

    static ProblemHttpResult? Refusal(CallerScope caller) => caller.WriteRefusal(ChangeCatalogue, Regions.City);

    static async Task<ProblemHttpResult?> DependencyRefusal(ApprovalsDb db, string code, ProcedureInput input, CancellationToken ct)
    {
        var others = await db.Procedures.AsNoTracking().Where(p => p.Code != code).ToDictionaryAsync(p => p.Code, p => (IReadOnlyList<string>)p.DependsOn, ct);
        var dependsOn = (input.DependsOn ?? []).Select(d => d.Trim()).ToList();
        return Procedure.DependencyProblem(code, dependsOn, others) is { } problem
            ? Problem.Unprocessable("invalid_dependencies", $"Procedure {code} {problem}.")
            : null;
    }
}
