using Platform.Contracts.ProjectLibrary;
using Platform.Messaging;
using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Api.Features.Progress;

public sealed record ProgressRequest(string? Period, decimal? CompletedInvestment, string? Note) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.Required(Period, "period")
            .When(Period is not null && !global::Platform.ServiceDefaults.Period.TryParseMonth(Period, out _), "period", FieldErrors.InvalidMonth)
            .Required(CompletedInvestment, "completedInvestment").Amount(CompletedInvestment, "completedInvestment")
            .When(CompletedInvestment is { } v && decimal.Round(v, 2) != v, "completedInvestment", FieldErrors.MoneyDecimals)
            .MaxLength(Note, 2000, "note");
    }
}

public sealed record ProgressEntry(string Period, decimal CompletedInvestment, string? Note, string ReportedBy, DateTimeOffset ReportedAt,
    long Version, bool Locked);

public sealed record ProgressReport(Guid ProjectId, string Period, decimal CompletedInvestment, string? Note, decimal YearToDateInvestment,
    string ReportedBy, DateTimeOffset ReportedAt, long ProjectVersion);

public sealed record ProgressYear(Guid ProjectId, int Year, decimal AnnualPlannedInvestment, decimal YearToDateInvestment, IReadOnlyList<ProgressEntry> Months);

/// <summary>一月一调度: the month's 调度数 per project, corrected by resubmission, read-only once the month is locked.</summary>
public static class ProgressEndpoints
{
    public static IEndpointRouteBuilder MapProgressEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/projects", "Monthly progress");
        group.MapPost("/{id:guid}/progress", Report)
            .WithSummary("Report or correct a month's 调度数 (409 period_locked when the month is locked; publishes ProgressReported)");
        group.MapGet("/{id:guid}/progress", ForYear).WithSummary("A project's monthly figures of a year (default: its plan year)");
        group.MapProgressLockEndpoints();
        return app;
    }

    static async Task<Results<Created<ProgressReport>, Ok<ProgressReport>, ProblemHttpResult>> Report(Guid id, ProgressRequest request,
        ProjectsDb db, CallerScope caller, TimeProvider clock, CancellationToken ct)
    {
        var project = await db.Projects.VisibleTo(caller).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return Problem.NotFound("Project", id);
        if (caller.WriteRefusal(ProjectEndpoints.Edit, project.RegionCode, project.Township) is { } forbidden) return forbidden;
        Period.TryParseMonth(request.Period, out var period);
        var today = clock.Today();
        if (!period.HasBegunBy(today))
            return Problem.Unprocessable("period_in_future", $"{period} has not begun yet; report a month that has.");
        if (await IsLocked(db, project.RegionCode, period, ct))
            return Problem.Conflict("period_locked", $"{period} of region {project.RegionCode} is locked after review; ask the project office to unlock it.");

        var now = clock.GetUtcNow();
        var months = await db.Progress.Where(x => x.ProjectId == id && x.Year == period.Year).ToListAsync(ct);
        var entry = months.FirstOrDefault(x => x.Month == period.Month);
        var isNew = entry is null;
        if (entry is null)
        {
            entry = MonthlyProgress.Report(id, project.RegionCode, period, request.CompletedInvestment!.Value, request.Note, caller.UserName, now);
            db.Progress.Add(entry);
            months.Add(entry);
        }
        else entry.Correct(request.CompletedInvestment!.Value, request.Note, caller.UserName, now);

        if (period.Year == project.Year) project.RecalculateYearToDate(months.Select(m => (m.Month, m.CompletedInvestment)));
        project.Touch(now); // the project's figures changed: its version (the events' order) grows
        var yearToDate = months.Where(m => m.Month <= period.Month).Sum(m => m.CompletedInvestment);
        db.AddEvent(new ProgressReported
        {
            ProjectId = id, RegionCode = project.RegionCode, Period = period.ToString(), CompletedInvestment = entry.CompletedInvestment,
            YearToDateInvestment = yearToDate, Version = project.Version, OccurredAt = now,
        });
        await db.SaveChangesAsync(ct);

        var report = new ProgressReport(id, period.ToString(), entry.CompletedInvestment, entry.Note, yearToDate, entry.ReportedBy, entry.ReportedAt, project.Version);
        return isNew ? TypedResults.Created($"/api/projects/{id}/progress?year={period.Year}", report) : TypedResults.Ok(report);
    }

    static async Task<Results<Ok<ProgressYear>, ProblemHttpResult>> ForYear(Guid id, int? year, ProjectsDb db, CallerScope caller, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return Problem.NotFound("Project", id);
        if (year is < 2000 or > 2100)
            return Problem.Validation("year", FieldErrors.OutOfRange(2000, 2100));
        var y = year ?? project.Year;
        var months = await db.Progress.AsNoTracking().Where(x => x.ProjectId == id && x.Year == y).OrderBy(x => x.Month).ToListAsync(ct);
        var locked = await db.ProgressLocks.AsNoTracking().Where(l => l.RegionCode == project.RegionCode && l.Year == y)
            .Select(l => l.Month).ToListAsync(ct);
        var entries = months.Select(m => new ProgressEntry(m.Period.ToString(), m.CompletedInvestment, m.Note, m.ReportedBy, m.ReportedAt,
            m.Version, locked.Contains(m.Month))).ToList();
        var plan = y == project.Year ? project.AnnualPlannedInvestment : 0m;
        return TypedResults.Ok(new ProgressYear(id, y, plan, months.Sum(m => m.CompletedInvestment), entries));
    }

    static Task<bool> IsLocked(ProjectsDb db, string regionCode, Period period, CancellationToken ct) =>
        db.ProgressLocks.AnyAsync(l => l.RegionCode == regionCode && l.Year == period.Year && l.Month == period.Month, ct);
}
