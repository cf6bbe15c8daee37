using Microsoft.Extensions.Options;
using Platform.Contracts.ProjectLibrary;
using Platform.Messaging;
using ProjectLibrary.Api.Features.Imports;
using ProjectLibrary.Api.Features.Progress;

namespace ProjectLibrary.Api.Features.Projects;

public static class ProjectEndpoints
{
    /// <summary>Roles that keep the project library; everyone in scope may read it.</summary>
    static readonly string[] Editors = [BureauRoles.ProjectOffice, BureauRoles.Township, BureauRoles.CityHq, BureauRoles.Admin];
    internal static readonly WriteRule Edit = new("change the project library", Editors);
    /// <summary>The investment promotion centre may also register (not edit) a project: converting a signed deal.</summary>
    static readonly WriteRule Register = new("change the project library", [.. Editors, BureauRoles.Attraction]);

    public static IEndpointRouteBuilder MapProjectEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/projects", "Projects");
        group.MapGet("/", List).WithSummary("Projects in the caller's scope, filtered, sorted and paged; ?format=xlsx exports the whole filtered list");
        group.MapGet("/{id:guid}", Get).WithSummary("One project, with its ETag");
        group.MapPost("/", Create).WithSummary("Register a project (publishes ProjectRegistered)");
        group.MapPut("/{id:guid}", Update).WithSummary("Replace a project's fields; requires If-Match (publishes ProjectUpdated)");
        group.MapPut("/{id:guid}/key-level", SetKeyLevel)
            .WithSummary("The city headquarters sets (or with null returns to the rule) any project's key level; requires If-Match (publishes ProjectUpdated)");
        group.MapStageEndpoints();
        app.MapAuditTrail("/api/projects/audit", ProjectAudit.Policy);
        return app;
    }

    static async Task<Results<Ok<Paged<ProjectResponse>>, FileContentHttpResult, ProblemHttpResult>> List([AsParameters] ProjectFilter filter,
        ProjectsDb db, CallerScope caller, TimeProvider clock, IOptions<ScheduleOptions> options, CancellationToken ct)
    {
        var view = View(filter.Year, filter.AsOfPeriod, clock, options);
        var query = db.Projects.AsNoTracking().VisibleTo(caller).Filter(filter, view.ReportingYear, db.Progress.AsNoTracking(), view.Options)
            .Sort(filter.Sort);
        if (filter.Format == "xlsx") return await ProjectExport.ExportAsync(query, caller, view, clock, ct);
        var page = await query.ToPageAsync(PageRequest.From(filter.Page, filter.PageSize), ct);
        return TypedResults.Ok(new Paged<ProjectResponse>(await ProjectResponse.ForAsync(db, page.Items, view, ct), page.Page, page.PageSize, page.Total));
    }

    static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> Get(Guid id, int? year, string? asOf, ProjectsDb db, CallerScope caller,
        TimeProvider clock, IOptions<ScheduleOptions> options, HttpResponse response, CancellationToken ct)
    {
        Period? period = Period.TryParseMonth(asOf, out var parsed) ? parsed : null;
        if (asOf is not null && period is null)
            return Problem.Validation("asOf", FieldErrors.InvalidMonth.Saying("must be a month written like 2025-06"));
        var project = await db.Projects.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return Problem.NotFound("Project", id);
        response.Headers.ETag = project.ETag;
        var responses = await ProjectResponse.ForAsync(db, [project], View(year, period, clock, options), ct);
        return TypedResults.Ok(responses[0]);
    }

    /// <summary>The reporting year is the one asked for, else the asOf month's, else this year.</summary>
    internal static ScheduleView View(int? year, Period? asOf, TimeProvider clock, IOptions<ScheduleOptions> options) =>
        new(year ?? asOf?.Year ?? clock.Today().Year, asOf, options.Value);

    static async Task<Results<Created<ProjectResponse>, ProblemHttpResult>> Create(ProjectInput input, ProjectsDb db, CallerScope caller,
        TimeProvider clock, IOptions<ScheduleOptions> options, HttpResponse response, CancellationToken ct)
    {
        if (WriteRefusal(caller, input, creating: true) is { } refusal) return refusal;
        if (KeyLevelRules.Resolve(caller, input.KeyLevel, existing: null).Refused) return KeyLevelRefusal();
        if (await DuplicateIdentifier(db, input, exceptId: null, ct) is { } duplicate) return duplicate;

        var project = Project.Register(input, clock.GetUtcNow());
        db.Projects.Add(project);
        db.AddEvent(new ProjectRegistered { Project = project.ToSnapshot(), Version = project.Version, OccurredAt = project.UpdatedAt });
        await db.SaveChangesAsync(ct);

        response.Headers.ETag = project.ETag;
        return TypedResults.Created($"/api/projects/{project.Id}", ProjectResponse.From(project, View(null, null, clock, options)));
    }

    static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> Update(Guid id, ProjectInput input, ProjectsDb db, CallerScope caller,
        TimeProvider clock, IOptions<ScheduleOptions> options, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var project = await db.Projects.VisibleTo(caller).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return Problem.NotFound("Project", id);
        if (IfMatch.Check(request, project.ETag, required: true) is { } precondition) return precondition;
        if (WriteRefusal(caller, input) is { } refusal) return refusal;
        if (!caller.CanWrite(project.RegionCode, project.Township)) return Problem.Forbidden("The project belongs to another region.");
        var (keyLevel, keyLevelRefused) = KeyLevelRules.Resolve(caller, input.KeyLevel, project);
        if (keyLevelRefused) return KeyLevelRefusal();
        input = input with { KeyLevel = keyLevel };
        if (await DuplicateIdentifier(db, input, project.Id, ct) is { } duplicate) return duplicate;

        var planYear = project.Year;
        project.Update(input, clock.GetUtcNow());
        if (project.Year != planYear)
        {
            // A new plan year: the maintained year-to-date now follows that year's reported months.
            var months = await db.Progress.AsNoTracking().Where(x => x.ProjectId == id && x.Year == project.Year)
                .Select(x => new { x.Month, x.CompletedInvestment }).ToListAsync(ct);
            project.RecalculateYearToDate(months.Select(m => (m.Month, m.CompletedInvestment)));
        }
        return await SaveUpdated(project, db, clock, options, response, ct);
    }

    public sealed record KeyLevelInput(KeyLevel? KeyLevel);

    static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> SetKeyLevel(Guid id, KeyLevelInput input, ProjectsDb db, CallerScope caller,
        TimeProvider clock, IOptions<ScheduleOptions> options, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var project = await db.Projects.VisibleTo(caller).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return Problem.NotFound("Project", id);
        if (!KeyLevelRules.MaySetReserved(caller)) return KeyLevelRefusal();
        if (IfMatch.Check(request, project.ETag, required: true) is { } precondition) return precondition;

        project.SetKeyLevel(input.KeyLevel, clock.GetUtcNow());
        return await SaveUpdated(project, db, clock, options, response, ct);
    }

    /// <summary>Stores an edited project with its ProjectUpdated event; a concurrent edit that won the race is 412.</summary>
    static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> SaveUpdated(Project project, ProjectsDb db, TimeProvider clock,
        IOptions<ScheduleOptions> options, HttpResponse response, CancellationToken ct)
    {
        db.AddEvent(new ProjectUpdated { Project = project.ToSnapshot(), Version = project.Version, OccurredAt = project.UpdatedAt });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.PreconditionFailed();
        }
        response.Headers.ETag = project.ETag;
        return TypedResults.Ok(ProjectResponse.From(project, View(null, null, clock, options)));
    }

    static ProblemHttpResult KeyLevelRefusal() =>
        Problem.Create(StatusCodes.Status403Forbidden, KeyLevelRules.Code, "Forbidden", KeyLevelRules.Detail);

    /// <summary>Only the project office (or a township for its own township, the city for 市本级) writes, and only in its own region.</summary>
    static ProblemHttpResult? WriteRefusal(CallerScope caller, ProjectInput input, bool creating = false) =>
        caller.WriteRefusal(creating ? Register : Edit, input.RegionCode!, caller.Township ?? input.Township)
        ?? (caller.Township is not null && input.Township != caller.Township
            ? Problem.Forbidden($"A township user registers projects of {caller.Township} only.") : null);

    /// <summary>The identifiers a project collects are unique: a second project with the same one is a 409.</summary>
    static async Task<ProblemHttpResult?> DuplicateIdentifier(ProjectsDb db, ProjectInput input, Guid? exceptId, CancellationToken ct)
    {
        var others = db.Projects.AsNoTracking().Where(p => p.Id != exceptId);
        if (!string.IsNullOrWhiteSpace(input.NationalCode) && await others.AnyAsync(p => p.NationalCode == input.NationalCode.Trim(), ct))
            return Problem.Conflict("duplicate_national_code", $"Another project already has the national project code {input.NationalCode}.");
        if (!string.IsNullOrWhiteSpace(input.StatisticsCode) && await others.AnyAsync(p => p.StatisticsCode == input.StatisticsCode.Trim(), ct))
            return Problem.Conflict("duplicate_statistics_code", $"Another project already has the statistics code {input.StatisticsCode}.");
        if (!string.IsNullOrWhiteSpace(input.BondProjectId) && await others.AnyAsync(p => p.BondProjectId == input.BondProjectId.Trim(), ct))
            return Problem.Conflict("duplicate_bond_project_id", $"Another project already has the bond project id {input.BondProjectId}.");
        if (!string.IsNullOrWhiteSpace(input.LocalNumber) && await others.AnyAsync(p => p.RegionCode == input.RegionCode && p.LocalNumber == input.LocalNumber.Trim(), ct))
            return Problem.Conflict("duplicate_local_number", $"Another project of the region already has the number {input.LocalNumber}.");
        return null;
    }
}
