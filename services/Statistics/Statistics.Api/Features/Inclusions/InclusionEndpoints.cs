using Platform.Contracts.Statistics;
using Platform.Messaging;
using Statistics.Api.Features.Projects;

namespace Statistics.Api.Features.Inclusions;

public static class InclusionEndpoints
{
    public static IEndpointRouteBuilder MapInclusionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/statistics/inclusions", "Inclusions");
        group.MapGet("/", List).WithSummary("Inclusion applications in the caller's scope, filtered and paged");
        group.MapGet("/{id:guid}", Get).WithSummary("One inclusion application with its materials and decision");
        group.MapPost("/", Submit).WithSummary("Apply to include a started project (入库纳统) with its materials");
        group.MapPost("/{id:guid}/approve", Approve).WithSummary("Approve with the statistics code (publishes InclusionApproved)");
        group.MapPost("/{id:guid}/reject", Reject).WithSummary("Reject with a reason");
        return app;
    }

    static async Task<Ok<Paged<InclusionResponse>>> List(StatisticsDb db, CallerScope caller, InclusionStatus? status, string? regionCode,
        Guid? projectId, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Inclusions.AsNoTracking().VisibleTo(caller);
        if (status is not null) query = query.Where(i => i.Status == status);
        if (regionCode is not null) query = query.Where(i => i.RegionCode == regionCode);
        if (projectId is not null) query = query.Where(i => i.ProjectId == projectId);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(i => i.ProjectName.Contains(q.Trim()));
        var result = await query.OrderByDescending(i => i.SubmittedAt).ThenBy(i => i.Id).ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(new Paged<InclusionResponse>(result.Items.Select(InclusionResponse.From).ToList(), result.Page, result.PageSize, result.Total));
    }

    static async Task<Results<Ok<InclusionResponse>, ProblemHttpResult>> Get(Guid id, StatisticsDb db, CallerScope caller, HttpResponse response, CancellationToken ct)
    {
        var inclusion = await db.Inclusions.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (inclusion is null) return Problem.NotFound("Inclusion", id);
        response.Headers.ETag = inclusion.ETag;
        return TypedResults.Ok(InclusionResponse.From(inclusion));
    }

    static async Task<Results<Created<InclusionResponse>, ProblemHttpResult>> Submit(InclusionApplication application, StatisticsDb db,
        CallerScope caller, StatisticsOptions options, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(p => p.Id == application.ProjectId, ct);
        if (project is null) return Problem.NotFound("Project", application.ProjectId!.Value);
        if (caller.WriteRefusal(StatisticsRoles.ApplyForInclusion, project.RegionCode, project.Township) is { } refusal)
            return refusal;
        if (InclusionRules.Refusal(project, options.ThresholdWan, await FactsAsync(db, project.Id, ct)) is { } rule) return rule;

        var inclusion = Inclusion.Submit(application, new(project.Id, project.Name, project.RegionCode, project.Township), caller.UserName, clock.GetUtcNow());
        db.Inclusions.Add(inclusion);
        await db.SaveChangesAsync(ct);
        response.Headers.ETag = inclusion.ETag;
        return TypedResults.Created($"/api/statistics/inclusions/{inclusion.Id}", InclusionResponse.From(inclusion));
    }

    static async Task<Results<Ok<InclusionResponse>, ProblemHttpResult>> Approve(Guid id, ApproveInclusion body, StatisticsDb db, CallerScope caller,
        StatisticsOptions options, TimeProvider clock, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var (inclusion, project, problem) = await ForDecision(id, db, caller, request, ct);
        if (problem is not null) return problem;
        var code = body.StatisticsCode!.Trim();
        if (InclusionRules.Refusal(project!, options.ThresholdWan, await FactsAsync(db, project!.Id, ct), approving: true) is { } rule) return rule;
        if (await db.Inclusions.AnyAsync(i => i.Status == InclusionStatus.Approved && i.StatisticsCode == code, ct))
            return Problem.Conflict("duplicate_statistics_code", $"The statistics code {code} is already given to another project.");

        var now = clock.GetUtcNow();
        inclusion!.Approve(code, caller.UserName, now, BusinessDay.Today(clock));
        db.AddEvent(ApprovedEvent(inclusion, now));
        return await Save(db, inclusion, response, ct);
    }

    /// <summary>InclusionApproved of an inclusion just approved (also the demo seed's).</summary>
    public static InclusionApproved ApprovedEvent(Inclusion inclusion, DateTimeOffset now) => new()
    {
        InclusionId = inclusion.Id, ProjectId = inclusion.ProjectId, RegionCode = inclusion.RegionCode, StatisticsCode = inclusion.StatisticsCode,
        ApprovedOn = inclusion.DecidedOn!.Value, Version = inclusion.Version, OccurredAt = now,
    };

    static async Task<Results<Ok<InclusionResponse>, ProblemHttpResult>> Reject(Guid id, RejectInclusion body, StatisticsDb db, CallerScope caller,
        TimeProvider clock, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var (inclusion, _, problem) = await ForDecision(id, db, caller, request, ct);
        if (problem is not null) return problem;
        inclusion!.Reject(body.Reason!, caller.UserName, clock.GetUtcNow(), BusinessDay.Today(clock));
        return await Save(db, inclusion, response, ct);
    }

    /// <summary>The application in scope, decided by the statistics bureau of its region, still open, not stale.</summary>
    static async Task<(Inclusion?, ProjectView?, ProblemHttpResult?)> ForDecision(Guid id, StatisticsDb db, CallerScope caller, HttpRequest request, CancellationToken ct)
    {
        var inclusion = await db.Inclusions.VisibleTo(caller).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (inclusion is null) return (null, null, Problem.NotFound("Inclusion", id));
        if (caller.WriteRefusal(StatisticsRoles.DecideInclusions, inclusion.RegionCode, inclusion.Township) is { } refusal)
            return (null, null, refusal);
        if (IfMatch.Check(request, inclusion.ETag, required: false) is { } precondition) return (null, null, precondition);
        if (!inclusion.CanBeDecided)
            return (null, null, Problem.Conflict("illegal_state", $"The application is already {inclusion.Status.ToString().ToLowerInvariant()}."));
        var project = await db.Projects.AsNoTracking().FirstAsync(p => p.Id == inclusion.ProjectId, ct);
        return (inclusion, project, null);
    }

    static async Task<Results<Ok<InclusionResponse>, ProblemHttpResult>> Save(StatisticsDb db, Inclusion inclusion, HttpResponse response, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.PreconditionFailed();
        }
        response.Headers.ETag = inclusion.ETag;
        return TypedResults.Ok(InclusionResponse.From(inclusion));
    }

    static async Task<InclusionFacts> FactsAsync(StatisticsDb db, Guid projectId, CancellationToken ct) => new(
        await db.IsIncludedAsync(projectId, ct),
        await db.Inclusions.AnyAsync(i => i.ProjectId == projectId && i.Status == InclusionStatus.Submitted, ct),
        await db.IsCountedThroughDuplicateAsync(projectId, ct));
}
