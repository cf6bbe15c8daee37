using Microsoft.Extensions.Options;
using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Api.Features.Problems;

/// <summary>
/// The problem ledger (问题台账) and its loop: 发现 → 交办 → 办理中 → 申请销号 → 销号, 退回, 重新打开; 帮办/督办 raises the level.
/// Who may do what follows the problem's level: see <see cref="ProblemAuthority"/>.
/// </summary>
public static class ProblemEndpoints
{
    public static IEndpointRouteBuilder MapProblemEndpoints(this IEndpointRouteBuilder app)
    {
        var onProject = app.MapApiGroup("/api/projects", "Problem ledger");
        onProject.MapPost("/{id:guid}/problems", Raise).WithSummary("发现: report a problem on a project (publishes ProblemRaised)");
        onProject.MapGet("/{id:guid}/problems", ForProject).WithSummary("A project's problems, paged");

        var group = app.MapApiGroup("/api/problems", "Problem ledger");
        group.MapGet("/", List).WithSummary("Problems in the caller's scope: status, department, overdue, level, region …");
        group.MapGet("/{id:guid}", Get).WithSummary("One problem, with its ETag");
        group.MapPost("/{id:guid}/assign", Assign).WithSummary("交办 by the holding level (publishes ProblemAssigned)");
        group.MapPost("/{id:guid}/accept", Accept).WithSummary("签收: assigned → inProgress (publishes ProblemProgressed)");
        group.MapPost("/{id:guid}/notes", AddNote).WithSummary("办理情况: a progress note; the first accepts an assigned problem (publishes ProblemProgressed)");
        group.MapPost("/{id:guid}/request-close", RequestClose).WithSummary("申请销号: inProgress → closeRequested (publishes ProblemCloseRequested)");
        group.MapPost("/{id:guid}/close", Close).WithSummary("销号 by the holding level: closeRequested → closed (publishes ProblemClosed)");
        group.MapPost("/{id:guid}/return", Return).WithSummary("退回 with an opinion: closeRequested → inProgress (publishes ProblemReturned)");
        group.MapPost("/{id:guid}/reopen", Reopen).WithSummary("重新打开: closed → inProgress (publishes ProblemReopened)");
        group.MapPost("/{id:guid}/supervise", Supervise).WithSummary("13710 督办: starts the 1/3/7/10-day clocks (publishes ProblemSupervised)");
        group.MapPost("/{id:guid}/escalate", Escalate).WithSummary("帮办/督办: county → city → provincial (409 at the top; publishes ProblemEscalated)");
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
            request.Category!.Value, request.Level ?? ProblemLevel.County, caller.UserName, clock.GetUtcNow(), request.Severity ?? ProblemSeverity.Normal);
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
        var problem = await db.Problems.AsNoTracking().Include(p => p.Notes).VisibleTo(caller).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (problem is null) return Problem.NotFound("Problem", id);
        response.Headers.ETag = $"\"{problem.Version}\"";
        return TypedResults.Ok(ProblemResponse.From(problem, clock.Today(), withNotes: true));
    }

    static Task<Results<Ok<ProblemResponse>, ProblemHttpResult>> Assign(Guid id, AssignProblemRequest request, ProjectsDb db, CallerScope caller,
        TimeProvider clock, HttpContext http, CancellationToken ct) =>
        Change(id, db, caller, clock, http, ct, ProblemAuthority.ReviewRefusal, (problem, now) =>
        {
            if (request.DueDate < clock.Today())
                return Problem.Unprocessable("due_date_in_past", $"The deadline {request.DueDate:yyyy-MM-dd} has already passed.");
            return Step(problem.Assign(request.ToAssignment(), now), () => ProblemEvents.Assigned(db, problem));
        });

    static Task<Results<Ok<ProblemResponse>, ProblemHttpResult>> Accept(Guid id, ProjectsDb db, CallerScope caller, TimeProvider clock,
        HttpContext http, CancellationToken ct) =>
        Change(id, db, caller, clock, http, ct, ProblemAuthority.WorkRefusal,
            (problem, now) => Step(problem.Accept(now), () => ProblemEvents.Progressed(db, problem, note: null)));

    static Task<Results<Ok<ProblemResponse>, ProblemHttpResult>> AddNote(Guid id, ProblemNoteRequest request, ProjectsDb db, CallerScope caller,
        TimeProvider clock, HttpContext http, CancellationToken ct) =>
        Change(id, db, caller, clock, http, ct, ProblemAuthority.WorkRefusal,
            (problem, now) => Step(problem.AddNote(request.Text!, caller.UserName, now), () => ProblemEvents.Progressed(db, problem, request.Text)));

    static Task<Results<Ok<ProblemResponse>, ProblemHttpResult>> RequestClose(Guid id, RequestCloseRequest request, ProjectsDb db,
        CallerScope caller, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        Change(id, db, caller, clock, http, ct, ProblemAuthority.WorkRefusal,
            (problem, now) => Step(problem.RequestClose(request.Resolution!, request.Evidence, caller.UserName, now),
                () => ProblemEvents.CloseRequested(db, problem)));

    static Task<Results<Ok<ProblemResponse>, ProblemHttpResult>> Close(Guid id, CloseProblemRequest request, ProjectsDb db, CallerScope caller,
        TimeProvider clock, HttpContext http, CancellationToken ct) =>
        Change(id, db, caller, clock, http, ct, ProblemAuthority.ReviewRefusal,
            (problem, now) => Step(problem.Close(request.Opinion, caller.UserName, now), () => ProblemEvents.Closed(db, problem)));

    static Task<Results<Ok<ProblemResponse>, ProblemHttpResult>> Return(Guid id, OpinionRequest request, ProjectsDb db, CallerScope caller,
        TimeProvider clock, HttpContext http, CancellationToken ct) =>
        Change(id, db, caller, clock, http, ct, ProblemAuthority.ReviewRefusal,
            (problem, now) => Step(problem.Return(request.Opinion!, caller.UserName, now), () => ProblemEvents.Returned(db, problem)));

    static Task<Results<Ok<ProblemResponse>, ProblemHttpResult>> Reopen(Guid id, OpinionRequest request, ProjectsDb db, CallerScope caller,
        TimeProvider clock, HttpContext http, CancellationToken ct) =>
        Change(id, db, caller, clock, http, ct, ProblemAuthority.ReviewRefusal,
            (problem, now) => Step(problem.Reopen(request.Opinion!, caller.UserName, now), () => ProblemEvents.Reopened(db, problem, request.Opinion!)));

    static Task<Results<Ok<ProblemResponse>, ProblemHttpResult>> Supervise(Guid id, SuperviseRequest request, ProjectsDb db, CallerScope caller,
        TimeProvider clock, IOptions<SupervisionOptions> options, HttpContext http, CancellationToken ct) =>
        Change(id, db, caller, clock, http, ct, ProblemAuthority.ReviewRefusal, (problem, now) =>
        {
            if (problem.SupervisedAt is not null)
                return Problem.Conflict("already_supervised", $"The problem is already supervised ({problem.SupervisionSystem} {problem.SupervisionReference}).");
            return Step(problem.Supervise(request.System!, request.Reference!, options.Value.ClocksFrom(clock.Today()), now),
                () => ProblemEvents.Supervised(db, problem));
        });

    static Task<Results<Ok<ProblemResponse>, ProblemHttpResult>> Escalate(Guid id, ProjectsDb db, CallerScope caller, TimeProvider clock,
        HttpContext http, CancellationToken ct) =>
        Change(id, db, caller, clock, http, ct, ProblemAuthority.WorkRefusal, (problem, now) =>
        {
            if (problem.Status == ProblemStatus.Closed)
                return Problem.Conflict(ProjectProblem.InvalidTransition, "The problem is closed (销号); it cannot be escalated.");
            if (problem.Escalate(now) is { } refusal) return Problem.Conflict("highest_level", refusal);
            ProblemEvents.Escalated(db, problem, automatic: false);
            return null;
        });

    /// <summary>A refused step of the loop is the 409 <c>invalid_transition</c>; an allowed one publishes its event.</summary>
    static ProblemHttpResult? Step(string? refusal, Action publish)
    {
        if (refusal is not null) return Problem.Conflict(ProjectProblem.InvalidTransition, refusal);
        publish();
        return null;
    }

    /// <summary>Scope (404), authority by level (403), If-Match (optional, honoured) checks, the change itself, then one save.</summary>
    static async Task<Results<Ok<ProblemResponse>, ProblemHttpResult>> Change(Guid id, ProjectsDb db, CallerScope caller, TimeProvider clock,
        HttpContext http, CancellationToken ct, Func<CallerScope, ProjectProblem, ProblemHttpResult?> authority,
        Func<ProjectProblem, DateTimeOffset, ProblemHttpResult?> change)
    {
        var problem = await db.Problems.Include(p => p.Notes).VisibleTo(caller).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (problem is null) return Problem.NotFound("Problem", id);
        if (authority(caller, problem) is { } forbidden) return forbidden;
        if (IfMatch.Check(http.Request, $"\"{problem.Version}\"", required: false) is { } precondition) return precondition;
        if (change(problem, clock.GetUtcNow()) is { } refusal) return refusal;
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = $"\"{problem.Version}\"";
        return TypedResults.Ok(ProblemResponse.From(problem, clock.Today(), withNotes: true));
    }
}
