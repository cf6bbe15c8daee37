using Npgsql;
using Funding.Api.Features.Programmes;
using Funding.Api.Features.Projects;

namespace Funding.Api.Features.Applications;

public static class ApplicationEndpoints
{
    public static IEndpointRouteBuilder MapApplicationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/funding/applications", "Funding applications");
        group.MapGet("/", List).WithSummary("Applications in the caller's scope, filtered, sorted and paged");
        group.MapGet("/{id:guid}", Get).WithSummary("One application with its allocations and disbursements, with its ETag");
        group.MapPost("/", Create).WithSummary("Draft an application of a project in the library to a programme");
        group.MapWorkflow();
        return app;
    }

    static async Task<Ok<Paged<ApplicationResponse>>> List([AsParameters] ApplicationFilter filter, FundingDb db, CallerScope caller, CancellationToken ct)
    {
        var page = await db.Applications.AsNoTracking().Include(a => a.Transfers).AsSplitQuery()
            .VisibleTo(caller).Filter(filter).Sort(filter.Sort)
            .ToPageAsync(PageRequest.From(filter.Page, filter.PageSize), ct);
        return TypedResults.Ok(new Paged<ApplicationResponse>(page.Items.Select(ApplicationResponse.From).ToList(), page.Page, page.PageSize, page.Total));
    }

    static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> Get(Guid id, FundingDb db, CallerScope caller, HttpResponse response, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().Include(a => a.Transfers).VisibleTo(caller).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null) return Problem.NotFound("Application", id);
        response.Headers.ETag = application.ETag;
        return TypedResults.Ok(ApplicationResponse.From(application));
    }

    /// <summary>The project's own funding bureau drafts it (a county for its projects, 140500 for 市本级 ones).</summary>
    static async Task<Results<Created<ApplicationResponse>, ProblemHttpResult>> Create(ApplicationInput input, FundingDb db,
        CallerScope caller, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        if (caller.WriteRefusal(FundingRoles.Apply) is { } forbidden) return forbidden;
        var project = await db.Projects.VisibleTo(caller).FirstOrDefaultAsync(p => p.Id == input.ProjectId, ct);
        if (project is null)
            return Problem.Unprocessable("unknown_project", $"Project {input.ProjectId} is not in the project library as seen by the funding service (yet).");
        if (caller.WriteRefusal(FundingRoles.Apply, project.RegionCode, project.Township) is { } otherRegion) return otherRegion;
        var programme = await db.Programmes.VisibleTo(caller).FirstOrDefaultAsync(p => p.Id == input.ProgrammeId, ct);
        if (programme is null) return Problem.Unprocessable("unknown_programme", $"Programme {input.ProgrammeId} does not exist.");
        if (await db.Applications.AnyAsync(a => a.ProjectId == project.Id && a.ProgrammeId == programme.Id, ct))
            return DuplicateApplication(programme);

        var (application, refusal) = FundingApplication.Draft(project, programme, input.RequestedAmount!.Value, input.Materials ?? [],
            clock.Today(), clock.GetUtcNow());
        if (refusal is not null) return refusal.ToProblem();
        db.Applications.Add(application!);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return DuplicateApplication(programme); // lost the race with a concurrent identical request
        }
        response.Headers.ETag = application!.ETag;
        return TypedResults.Created($"/api/funding/applications/{application.Id}", ApplicationResponse.From(application));
    }

    static ProblemHttpResult DuplicateApplication(Programme programme) =>
        Problem.Conflict("duplicate_application", $"The project already has an application to {programme.Name} ({programme.Year} batch {programme.Batch}).");
}
