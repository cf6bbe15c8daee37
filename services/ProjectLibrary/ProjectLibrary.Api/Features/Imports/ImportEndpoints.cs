using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Platform.Messaging;
using Platform.Spreadsheets;
using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Api.Features.Imports;

/// <summary>The Excel round trip's way in: the template, the upload (waited for, or a job to poll) and the import history.</summary>
public static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/projects/imports", "Project imports");
        group.MapGet("/template", Template)
            .WithSummary("The blank project sheet (Chinese headers, drop-down lists, a notes sheet); ?kind=progress the monthly progress " +
                         "sheet, and with &period=2025-03 that month's sheet filled with the caller's projects");
        group.MapPost("/", Upload)
            .WithSummary("Import a project sheet, or with ?kind=progress a monthly progress sheet (.xlsx or .csv, multipart field \"file\"). " +
                         "Every row is checked first; with any bad row nothing is written unless ?goodRowsOnly=true. " +
                         "Send 'Prefer: respond-async' to get 202 and a job to poll.")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(
                ProjectImporter.ConfiguredLimits(app.ServiceProvider.GetRequiredService<IConfiguration>()).MaxFileBytes + 1024 * 1024));
        group.MapGet("/", List).WithSummary("The import history in the caller's scope, newest first (?kind=&status=)");
        group.MapGet("/{id:guid}", Get).WithSummary("One import: status, counts, every error and a page of row outcomes (?outcome=rejected)");
        return app;
    }

    static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Template(string? kind, string? period, ProjectsDb db, CallerScope caller,
        CancellationToken ct)
    {
        if (ParseKind(kind) is not { } sheetKind) return UnknownKind();
        if (sheetKind == ImportKind.Projects)
            return period is null ? TypedResults.File(ProjectSheet.Template(), ProjectSheet.ContentType, "项目库导入模板.xlsx") : PeriodOnlyForProgress();
        if (period is null) return TypedResults.File(ProgressSheet.Template("", null, []), ProjectSheet.ContentType, "月度调度导入模板.xlsx");
        if (!Period.TryParseMonth(period, out var month))
            return Problem.Validation("period", FieldErrors.InvalidMonth);
        var lines = await ProgressTemplate.LinesAsync(db, caller, month, ct);
        if (lines is null) return Problem.Unprocessable("too_many_rows", $"More than {ProgressTemplate.MaxRows:N0} projects: ask for the sheet of one county.");
        var bytes = ProgressSheet.Template(ProgressTemplate.ScopeName(caller), month, lines);
        return TypedResults.File(bytes, ProjectSheet.ContentType, $"月度调度-{month}.xlsx");
    }

    static ImportKind? ParseKind(string? kind) => kind is null ? ImportKind.Projects : QueryEnum.Parse<ImportKind>(kind);

    static ProblemHttpResult UnknownKind() =>
        Problem.Validation("kind", FieldErrors.OneOf(["projects", "progress"]).Saying("must be projects or progress"));

    static ProblemHttpResult PeriodOnlyForProgress() =>
        Problem.Validation("period", FieldErrors.NotApplicable("only the progress sheet (kind=progress) is filled for a month"));

    static async Task<Results<Ok<ImportJobResponse>, Accepted<ImportJobResponse>, ProblemHttpResult>> Upload(HttpRequest request,
        [FromQuery] string? kind, [FromQuery] bool? goodRowsOnly, ProjectsDb db, CallerScope caller, TimeProvider clock, ProjectImporter importer, ImportQueue queue,
        CancellationToken ct)
    {
        if (caller.WriteRefusal(ProjectEndpoints.Edit) is { } forbidden) return forbidden;
        if (ParseKind(kind) is not { } sheetKind) return UnknownKind();
        if (!request.HasFormContentType) return FileRequired();
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
        if (file is null) return FileRequired();
        if (file.Length == 0) return Problem.BadRequest("empty_file", "上传的文件是空的。");
        if (file.Length > importer.Limits.MaxFileBytes)
            return TooLarge($"文件超过 {importer.Limits.MaxFileBytes / 1024 / 1024} MB，请分批导入。");

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        var respondAsync = request.Headers["Prefer"].Any(p => p?.Contains("respond-async", StringComparison.OrdinalIgnoreCase) == true);
        // A queued job would only fail later: a zip bomb is refused while the uploader still waits (the package checks, not the parse).
        if (respondAsync && PackageRefusal(content, file.FileName, importer.Limits) is { } refusal) return refusal;
        var job = new ImportJob
        {
            Id = Guid.CreateVersion7(), RegionCode = caller.RegionCode, Township = caller.Township, CreatedBy = caller.UserName,
            CreatedByRole = caller.Role, Kind = sheetKind, FileName = Path.GetFileName(file.FileName), FileSha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            GoodRowsOnly = goodRowsOnly == true, Status = respondAsync ? ImportStatus.Queued : ImportStatus.Running,
            Content = respondAsync ? content : null, CorrelationId = Correlation.CurrentId, CreatedAt = clock.GetUtcNow(),
            StartedAt = respondAsync ? null : clock.GetUtcNow(),
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        if (respondAsync)
        {
            queue.Notify();
            return TypedResults.Accepted($"/api/projects/imports/{job.Id}", ImportJobResponse.From(job));
        }
        await importer.RunAsync(job, content, ct);
        return job.Status switch
        {
            ImportStatus.Completed => TypedResults.Ok(ImportJobResponse.From(job)),
            ImportStatus.Rejected => Rejected(job),
            _ when job.FailureCode == "import_conflict" => Problem.Conflict("import_conflict", job.Failure!),
            _ when job.FailureCode == ProjectImporter.TooLarge => TooLarge(job.Failure!),
            _ => Problem.BadRequest(job.FailureCode ?? "invalid_spreadsheet", job.Failure ?? "无法读取该文件。"),
        };
    }

    static ProblemHttpResult TooLarge(string detail) =>
        Problem.Create(StatusCodes.Status413PayloadTooLarge, ProjectImporter.TooLarge, "Payload too large", detail);

    static ProblemHttpResult? PackageRefusal(byte[] content, string fileName, ReadLimits limits)
    {
        if (Path.GetExtension(fileName).ToLowerInvariant() is not (".xlsx" or ".xlsm")) return null;
        try
        {
            XlsxReader.CheckPackage(new MemoryStream(content, writable: false), limits);
            return null;
        }
        catch (SpreadsheetTooLargeException e)
        {
            return TooLarge(e.Message);
        }
        catch (SpreadsheetException e)
        {
            return Problem.BadRequest("invalid_spreadsheet", e.Message);
        }
    }

    static ProblemHttpResult FileRequired() =>
        Problem.BadRequest("file_required", "Send the sheet as multipart/form-data in a field named \"file\" (.xlsx or .csv).");

    /// <summary>422 with every row's problems so the sheet is fixed in one go; nothing was written.</summary>
    static ProblemHttpResult Rejected(ImportJob job)
    {
        var report = ImportJobResponse.From(job);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Import rejected",
            Detail = $"{job.Rejected} of {job.RowsRead} rows have problems; nothing was imported. Fix them, or import with ?goodRowsOnly=true.",
            Type = "https://www.rfc-editor.org/rfc/rfc9110#status.422",
        };
        problem.Extensions["code"] = "import_rejected";
        problem.Extensions["jobId"] = job.Id;
        problem.Extensions["fileName"] = job.FileName;
        problem.Extensions["rowsRead"] = job.RowsRead;
        problem.Extensions["rejected"] = job.Rejected;
        problem.Extensions["rowErrors"] = report.Errors;
        problem.Extensions["errorsTruncated"] = report.ErrorsTruncated;
        return TypedResults.Problem(problem);
    }

    static async Task<Results<Ok<Paged<ImportJobSummary>>, ProblemHttpResult>> List(ProjectsDb db, CallerScope caller, string? kind, string? status,
        int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.ImportJobs.AsNoTracking().VisibleTo(caller);
        if (kind is not null)
        {
            if (ParseKind(kind) is not { } wantedKind) return UnknownKind();
            query = query.Where(j => j.Kind == wantedKind);
        }
        if (status is not null)
        {
            if (QueryEnum.Parse<ImportStatus>(status) is not { } wanted)
                return Problem.Validation("status", QueryEnum.Invalid<ImportStatus>().Saying("must be queued, running, completed, rejected or failed"));
            query = query.Where(j => j.Status == wanted);
        }
        var result = await query.OrderByDescending(j => j.CreatedAt)
            .Select(j => new ImportJobSummary(j.Id, j.Kind.ToString(), j.FileName, j.Status.ToString(), j.RegionCode, j.CreatedBy, j.CreatedAt, j.FinishedAt,
                j.RowsRead, j.Created, j.Updated, j.Unchanged, j.Rejected, j.Skipped, j.Failure))
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        var camel = JsonNamingPolicy.CamelCase;
        var items = result.Items.Select(s => s with { Kind = camel.ConvertName(s.Kind), Status = camel.ConvertName(s.Status) }).ToList();
        return TypedResults.Ok(result with { Items = items });
    }

    static async Task<Results<Ok<ImportJobResponse>, ProblemHttpResult>> Get(Guid id, string? outcome, int? page, int? pageSize,
        ProjectsDb db, CallerScope caller, CancellationToken ct)
    {
        var job = await db.ImportJobs.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(j => j.Id == id, ct);
        return job is null ? Problem.NotFound("Import", id) : TypedResults.Ok(ImportJobResponse.From(job, outcome, page, pageSize));
    }
}
