using Microsoft.Extensions.Options;
using Platform.Contracts.ProjectLibrary;
using Platform.Messaging;
using ProjectLibrary.Api.Features.Progress;

namespace ProjectLibrary.Api.Features.Projects;

/// <summary>Body of POST /api/projects/{id}/stage. The date defaults to today (China time).</summary>
public sealed record StageRequest(ProjectStage? Stage, DateOnly? Date) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors.Required(Stage, "stage")
        .When(Date is { Year: < 2000 }, "date", FieldErrors.ImplausibleDate);
}

public static class StageEndpoints
{
    public static RouteGroupBuilder MapStageEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/stage", ChangeStage)
            .WithSummary("Lifecycle transition (409 illegal_transition when not allowed; publishes ProjectStageChanged, and ProjectStarted on entering construction)");
        return group;
    }

    static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> ChangeStage(Guid id, StageRequest request, ProjectsDb db,
        CallerScope caller, TimeProvider clock, IOptions<ScheduleOptions> options, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        // If-Match is optional here (a transition is checked against the current stage anyway) but honoured when sent.
        // Without it the caller asked for a transition, not for a version: a race lost to a consumer that touched the
        // project meanwhile (a deal linked, approvals completed) is retried on the fresh row rather than answered 409.
        var ifMatch = http.Headers.IfMatch.Count > 0;
        for (var attempt = 1; ; attempt++)
        {
            var project = await db.Projects.VisibleTo(caller).FirstOrDefaultAsync(p => p.Id == id, ct);
            if (project is null) return Problem.NotFound("Project", id);
            if (caller.WriteRefusal(ProjectEndpoints.Edit, project.RegionCode, project.Township) is { } forbidden) return forbidden;
            if (IfMatch.Check(http, project.ETag, required: false) is { } precondition) return precondition;

            var today = clock.Today();
            var now = clock.GetUtcNow();
            var refusal = project.TransitionTo(request.Stage!.Value, request.Date ?? today, today, now, out var change);
            if (refusal is not null) return refusal.ToProblem();

            Publish(db, project, change!, now);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (!ifMatch && attempt < 3)
            {
                db.ChangeTracker.Clear();
                continue;
            }
            response.Headers.ETag = project.ETag;
            return TypedResults.Ok(ProjectResponse.From(project, ProjectEndpoints.View(null, null, clock, options)));
        }
    }

    /// <summary>The events of one transition (also used by the demo seeding, which goes through the same rules).</summary>
    public static void Publish(ProjectsDb db, Project project, StageChange change, DateTimeOffset now)
    {
        db.AddEvent(new ProjectStageChanged
        {
            ProjectId = project.Id, RegionCode = project.RegionCode, FromStage = QueryEnum.Name(change.From),
            ToStage = QueryEnum.Name(change.To), Date = change.Date, Version = project.Version, OccurredAt = now,
        });
        if (change.Started)
            db.AddEvent(new ProjectStarted
            {
                ProjectId = project.Id, RegionCode = project.RegionCode, ActualStartDate = change.Date,
                TotalInvestment = project.TotalInvestment, Version = project.Version, OccurredAt = now,
            });
    }
}
