using Microsoft.AspNetCore.Mvc;
using Platform.Contracts.Statistics;
using Platform.Messaging;
using Platform.Spreadsheets;
using Statistics.Api.Features.Projects;

namespace Statistics.Api.Features.Figures;

/// <summary>PUT /api/statistics/figures: one project's 统计数 for one month.</summary>
public sealed record FigureInput(Guid? ProjectId, string? Period, decimal? CompletedInvestment) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.Required(ProjectId, "projectId").When(ProjectId == Guid.Empty, "projectId", FieldErrors.Required)
            .Required(Period, "period")
            .When(Period is not null && !global::Platform.ServiceDefaults.Period.TryParseMonth(Period, out _), "period",
                FieldErrors.InvalidMonth.Saying("must be a month written YYYY-MM, e.g. 2025-03"))
            .Required(CompletedInvestment, "completedInvestment").Amount(CompletedInvestment, "completedInvestment")
            .When(CompletedInvestment is { } v && decimal.Round(v, 2) != v, "completedInvestment", FieldErrors.MoneyDecimals);
    }
}

public sealed record FigureResponse(Guid Id, Guid ProjectId, string RegionCode, string Period, decimal CompletedInvestment, string Source,
    string EnteredBy, long Version, DateTimeOffset UpdatedAt)
{
    public static FigureResponse From(OfficialFigure f) => new(f.Id, f.ProjectId, f.RegionCode, f.Period, f.CompletedInvestment, f.Source, f.EnteredBy, f.Version, f.UpdatedAt);
}

public sealed record ImportReport(string FileName, int RowsRead, int Imported, int Unchanged, int Rejected, IReadOnlyList<RowError> Errors);

public static class FigureEndpoints
{
    /// <summary>A month of a county's figures fits easily; each limit can be changed by a setting (Spreadsheets:MaxSharedStrings …).</summary>
    static readonly ReadLimits ImportLimits = new() { MaxFileBytes = 5 * 1024 * 1024, MaxRows = 5_000, MaxCellLength = 500, MaxSharedStrings = 100_000 };

    public static IEndpointRouteBuilder MapFigureEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/statistics/figures", "Official figures");
        group.MapGet("/", List).WithSummary("统计数 in the caller's scope, filtered by project, region and period, paged");
        group.MapPut("/", Put).WithSummary("Set an included project's 统计数 for a month (publishes StatisticsReported)");
        group.MapPost("/imports", Import).WithSummary("Import 统计数 from an .xlsx or .csv sheet (multipart field \"file\"); every row is checked first")
            .DisableAntiforgery();
        return app;
    }

    static async Task<Ok<Paged<FigureResponse>>> List(StatisticsDb db, CallerScope caller, Guid? projectId, string? regionCode, string? period,
        int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.OfficialFigures.AsNoTracking().VisibleTo(caller);
        if (projectId is not null) query = query.Where(f => f.ProjectId == projectId);
        if (regionCode is not null) query = query.Where(f => f.RegionCode == regionCode);
        if (period is not null) query = query.Where(f => f.Period == period);
        var result = await query.OrderByDescending(f => f.Period).ThenBy(f => f.ProjectId).ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(new Paged<FigureResponse>(result.Items.Select(FigureResponse.From).ToList(), result.Page, result.PageSize, result.Total));
    }

    static async Task<Results<Ok<FigureResponse>, ProblemHttpResult>> Put(FigureInput input, StatisticsDb db, CallerScope caller, TimeProvider clock, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(p => p.Id == input.ProjectId, ct);
        if (project is null) return Problem.NotFound("Project", input.ProjectId!.Value);
        if (caller.WriteRefusal(StatisticsRoles.EnterFigures, project.RegionCode, project.Township) is { } refusal) return refusal;
        if (!await db.IsIncludedAsync(project.Id, ct))
            return Problem.Unprocessable("not_included", "Official figures are kept only for projects included in the statistics.");
        if (!Period.Parse(input.Period!).HasBegunBy(BusinessDay.Today(clock)))
            return Problem.Unprocessable("future_period", $"The period {input.Period} has not begun.");

        var figure = await Record(db, project, input.Period!, input.CompletedInvestment!.Value, "manual", caller.UserName, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(FigureResponse.From(figure));
    }

    static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> Import(HttpRequest request, StatisticsDb db, CallerScope caller,
        TimeProvider clock, IConfiguration configuration, [FromQuery] bool? goodRowsOnly, CancellationToken ct)
    {
        if (caller.WriteRefusal(StatisticsRoles.EnterFigures) is { } refusal) return refusal;
        if (!request.HasFormContentType) return Problem.BadRequest("file_required", "Send the sheet as multipart/form-data in a field named \"file\".");
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
        if (file is null) return Problem.BadRequest("file_required", "Send the sheet as multipart/form-data in a field named \"file\".");

        IReadOnlyList<SheetRow> sheet;
        try
        {
            await using var stream = file.OpenReadStream();
            sheet = TabularReader.Read(stream, file.FileName, ImportLimits.WithSettings(key => configuration[key]));
        }
        catch (SpreadsheetTooLargeException e)
        {
            return Problem.Create(StatusCodes.Status413PayloadTooLarge, "spreadsheet_too_large", "Payload too large", e.Message);
        }
        catch (SpreadsheetException e)
        {
            return Problem.BadRequest("invalid_spreadsheet", e.Message);
        }
        var (rows, factor, headerProblem) = FigureSheet.Parse(sheet);
        if (headerProblem is not null) return Problem.BadRequest("missing_columns", headerProblem);
        if (rows.Count == 0) return Problem.BadRequest("empty_sheet", "表中没有数据行。");

        var (good, errors) = FigureImport.Validate(rows, factor, await LookupsAsync(db, caller, rows, ct), BusinessDay.Today(clock));
        if (errors.Count > 0 && goodRowsOnly != true) return Rejected(file.FileName, rows.Count, errors);

        var now = clock.GetUtcNow();
        var imported = 0;
        foreach (var figure in good)
        {
            var recorded = await Record(db, figure.Project, figure.Period, figure.CompletedInvestment, "import", caller.UserName, now, ct);
            if (db.Entry(recorded).State != EntityState.Unchanged) imported++;
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ImportReport(file.FileName, rows.Count, imported, good.Count - imported, rows.Count - good.Count, errors));
    }

    /// <summary>422 with every row's problems, so the bureau fixes the sheet once; nothing was written.</summary>
    static ProblemHttpResult Rejected(string fileName, int rowsRead, IReadOnlyList<RowError> errors)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Import rejected",
            Detail = $"{errors.Select(e => e.Row).Distinct().Count()} of {rowsRead} rows have problems; nothing was imported. Fix them, or import with ?goodRowsOnly=true.",
            Type = "https://www.rfc-editor.org/rfc/rfc9110#status.422",
        };
        problem.Extensions["code"] = "import_rejected";
        problem.Extensions["fileName"] = fileName;
        problem.Extensions["rowsRead"] = rowsRead;
        problem.Extensions["rowErrors"] = errors;
        return TypedResults.Problem(problem);
    }

    /// <summary>Sets (or creates) the figure and adds StatisticsReported when it changed; the caller saves once (the demo seed too).</summary>
    public static async Task<OfficialFigure> Record(StatisticsDb db, ProjectView project, string period, decimal amount, string source, string user,
        DateTimeOffset now, CancellationToken ct)
    {
        var figure = db.OfficialFigures.Local.FirstOrDefault(f => f.ProjectId == project.Id && f.Period == period)
            ?? await db.OfficialFigures.FirstOrDefaultAsync(f => f.ProjectId == project.Id && f.Period == period, ct);
        if (figure is null)
        {
            figure = OfficialFigure.Create(project.Id, project.RegionCode, project.Township, period);
            db.OfficialFigures.Add(figure);
        }
        if (figure.Set(amount, source, user, now))
            db.AddEvent(new StatisticsReported
            {
                ProjectId = project.Id, RegionCode = project.RegionCode, Period = period, CompletedInvestment = amount,
                Version = figure.Version, OccurredAt = now,
            });
        return figure;
    }

    static async Task<ImportLookups> LookupsAsync(StatisticsDb db, CallerScope caller, IReadOnlyList<FigureRow> rows, CancellationToken ct)
    {
        var ids = rows.Where(r => r.KeyKind == ProjectKey.ProjectId).Select(r => Guid.TryParse(r.Key, out var id) ? id : Guid.Empty).ToHashSet();
        var statisticsCodes = rows.Where(r => r.KeyKind == ProjectKey.StatisticsCode).Select(r => r.Key).ToHashSet();
        var nationalCodes = rows.Where(r => r.KeyKind == ProjectKey.NationalCode).Select(r => r.Key).ToHashSet();
        var approved = await db.Inclusions.AsNoTracking()
            .Where(i => i.Status == Inclusions.InclusionStatus.Approved && statisticsCodes.Contains(i.StatisticsCode!))
            .Select(i => new { i.ProjectId, i.StatisticsCode }).ToListAsync(ct);
        var approvedIds = approved.Select(a => a.ProjectId).ToHashSet();
        var projects = await db.Projects.AsNoTracking().VisibleTo(caller)
            .Where(p => ids.Contains(p.Id) || nationalCodes.Contains(p.NationalCode!) || statisticsCodes.Contains(p.StatisticsCode!) || approvedIds.Contains(p.Id))
            .ToListAsync(ct);
        var byId = projects.ToDictionary(p => p.Id);
        var byStatisticsCode = projects.Where(p => p.StatisticsCode is not null).GroupBy(p => p.StatisticsCode!).ToDictionary(g => g.Key, g => g.First());
        foreach (var a in approved.Where(a => byId.ContainsKey(a.ProjectId))) byStatisticsCode[a.StatisticsCode!] = byId[a.ProjectId];
        var projectIds = byId.Keys.ToList();
        var included = (await db.IncludedProjectIds().Where(id => projectIds.Contains(id)).ToListAsync(ct)).ToHashSet();
        return new ImportLookups(byId, byStatisticsCode,
            projects.Where(p => p.NationalCode is not null).GroupBy(p => p.NationalCode!).ToDictionary(g => g.Key, g => g.First()),
            included, p => caller.WriteRefusal(StatisticsRoles.EnterFigures, p.RegionCode, p.Township) is null);
    }
}
