using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Api.Features.Problems;

/// <summary>The problem ledger (问题台账): 发现 → 交办 → 帮办/督办 → 销号.</summary>
public static class ProblemEndpoints
{
    /// <summary>交办, 督办 and 销号 are the project office's; anyone who keeps projects may report a problem.</summary>
    static readonly WriteRule Handle = new("assign, escalate and close problems", BureauRoles.ProjectOffice, BureauRoles.Admin) { CountyOnly = true };

    public static IEndpointRouteBuilder MapProblemEndpoints(this IEndpointRouteBuilder app)
    {
        var onProject = app.MapApiGroup("/api/projects", "Problem ledger");
        onProject.MapPost("/{id:guid}/problems", Raise).WithSummary("发现: report a problem on a project (publishes ProblemRaised)");
        onProject.MapGet("/{id:guid}/problems", ForProject).WithSummary("A project's problems, paged");

        var group = app.MapApiGroup("/api/problems", "Problem ledger");
        group.MapGet("/", List).WithSummary("Problems in the caller's scope: status, department, overdue, level, region …");
        group.MapGet("/{id:guid}", Get).WithSummary("One problem, with its ETag");
        group.MapPost("/{id:guid}/assign", Assign).WithSummary("交办 (publishes ProblemAssigned)");
        group.MapPost("/{id:guid}/escalate", Escalate).WithSummary("帮办/督办: county → city → provincial (409 at the top; publishes ProblemEscalated)");
        group.MapPost("/{id:guid}/close", Close).WithSummary("销号 (409 when already closed; publishes ProblemClosed)");
        app.MapAuditTrail("/api/problems/audit", ProblemAudit.Policy);
        return app;
    }

    static async Task<Results<Created<ProblemResponse>, ProblemHttpResult>> Raise(Guid id, RaiseProblemRequest request, ProjectsDb db,
        CallerScope caller, TimeProvider clock, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return Problem.NotFound("Project", id);
        if (caller.WriteRefusal(ProjectEndpoints.Edit, project.RegionCode, project.Township) is { } forbidden) return forbidden;
        var problem = ProjectProblem.Raise(id, project.RegionCode, project.Township, request.Title!, request.Description,
            request.Category!.Value, request.Level ?? ProblemLevel.County, caller.UserName, clock.GetUtcNow());
        db.Problems.Add(problem);
        ProblemEvents.Raised(db, problem);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/problems/{problem.Id}", ProblemResponse.From(problem, clock.Today()));
    }

    static async Task<Results<Ok<Paged<ProblemResponse>>, ProblemHttpResult>> ForProject(Guid id, int? page, int? pageSize, ProjectsDb db,
        CallerScope caller, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Projects.VisibleTo(caller).AnyAsync(p => p.Id == id, ct)) return Problem.NotFound("Project", id);
        var filter = new ProblemFilter(null, null, null, null, null, null, id, null, null, page, pageSize);
        return TypedResults.Ok(await Page(db.Problems.AsNoTracking().VisibleTo(caller), filter, clock.Today(), ct));
    }

    static async Task<Ok<Paged<ProblemResponse>>> List([AsParameters] ProblemFilter filter, ProjectsDb db, CallerScope caller,
        TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await Page(db.Problems.AsNoTracking().VisibleTo(caller), filter, clock.Today(), ct));

    static async Task<Paged<ProblemResponse>> Page(IQueryable<ProjectProblem> query, ProblemFilter filter, DateOnly today, CancellationToken ct)
    {
        var page = await query.Filter(filter, today).ToPageAsync(PageRequest.From(filter.Page, filter.PageSize), ct);
        return new Paged<ProblemResponse>(page.Items.Select(p => ProblemResponse.From(p, today)).ToList(), page.Page, page.PageSize, page.Total);
    }

    static async Task<Results<Ok<ProblemResponse>, ProblemHttpResult>> Get(Guid id, ProjectsDb db, CallerScope caller, TimeProvider clock,
        HttpResponse response, CancellationToken ct)
    {
        var problem = await db.Problems.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (problem is null) return Problem.NotFound("Problem", id);
        response.Headers.ETag = $"\"{problem.Version}\"";
        return TypedResults.Ok(ProblemResponse.From(problem, clock.Today()));
    }

    static Task<Results<Ok<ProblemResponse>, ProblemHttpResult>> Assign(Guid id, AssignProblemRequest request, ProjectsDb db, CallerScope caller,
        TimeProvider clock, HttpContext http, CancellationToken ct) =>
        Change(id, db, caller, clock, http, ct, (problem, now) =>
        {
            if (request.DueDate < clock.Today())
                return Problem.Unprocessable("due_date_in_past", $"The deadline {request.DueDate:yyyy-MM-dd} has already passed.");
            if (problem.Assign(request.Department!, request.Assignee!, request.DueDate!.Value, now) is { } refusal)
                return Problem.Conflict("problem_closed", refusal);
            ProblemEvents.Assigned(db, problem);
            return null;
        });

    static Task<Results<Ok<ProblemResponse>, ProblemHttpResult>> Escalate(Guid id, ProjectsDb db, CallerScope caller, TimeProvider clock,
        HttpContext http, CancellationToken ct) =>
        Change(id, db, caller, clock, http, ct, (problem, now) =>
        {
            if (problem.Status == ProblemStatus.Closed) return Problem.Conflict("problem_closed", "The problem is closed (销号); it cannot be escalated.");
            if (problem.Escalate(now) is { } refusal) return Problem.Conflict("highest_level", refusal);
            ProblemEvents.Escalated(db, problem, automatic: false);
            return null;
        });

    static Task<Results<Ok<ProblemResponse>, ProblemHttpResult>> Close(Guid id, CloseProblemRequest request, ProjectsDb db, CallerScope caller,
        TimeProvider clock, HttpContext http, CancellationToken ct) =>
        Change(id, db, caller, clock, http, ct, (problem, now) =>
        {
            if (problem.Close(request.Resolution!, now) is { } refusal) return Problem.Conflict("already_closed", refusal);
            ProblemEvents.Closed(db, problem);
            return null;
        });

    /// <summary>Scope, role and If-Match (optional, honoured) checks, the change itself, then one save.</summary>
    static async Task<Results<Ok<ProblemResponse>, ProblemHttpResult>> Change(Guid id, ProjectsDb db, CallerScope caller, TimeProvider clock,
        HttpContext http, CancellationToken ct, Func<ProjectProblem, DateTimeOffset, ProblemHttpResult?> change)
    {
        var problem = await db.Problems.VisibleTo(caller).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (problem is null) return Problem.NotFound("Problem", id);
        if (caller.WriteRefusal(Handle, problem.RegionCode) is { } forbidden) return forbidden;
        if (IfMatch.Check(http.Request, $"\"{problem.Version}\"", required: false) is { } precondition) return precondition;
        if (change(problem, clock.GetUtcNow()) is { } refusal) return refusal;
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = $"\"{problem.Version}\"";
        return TypedResults.Ok(ProblemResponse.From(problem, clock.Today()));
    }
}
