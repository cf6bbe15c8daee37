using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using Platform.Messaging;
using Platform.Spreadsheets;
using ProjectLibrary.Api.Features.Progress;
using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Api.Features.Imports;

/// <summary>
/// Runs one import job: read the file, check every row, and (unless rows are wrong and the caller did not ask for the
/// good rows only) write everything in one transaction. The same code serves a request that waits and the background worker.
/// </summary>
public sealed class ProjectImporter(ProjectsDb db, TimeProvider clock, OutboxSignal outbox, IServiceScopeFactory scopes, IConfiguration configuration,
    ILogger<ProjectImporter> logger)
{
    /// <summary>A county's whole library fits; a zip bomb or a 2 GB upload does not. Each can be changed by a setting (Spreadsheets:MaxSharedStrings …).</summary>
    public static readonly ReadLimits DefaultLimits = new()
    {
        MaxFileBytes = 64 * 1024 * 1024, MaxRows = 250_000, MaxColumns = 100, MaxCellLength = 4_000,
        MaxUncompressedBytes = 600 * 1024 * 1024, MaxSharedStrings = 5_000_000,
    };

    public static ReadLimits ConfiguredLimits(IConfiguration configuration) => DefaultLimits.WithSettings(key => configuration[key]);

    public ReadLimits Limits { get; } = ConfiguredLimits(configuration);

    public static readonly JsonSerializerOptions ReportJson = Json.Options;

    /// <summary>Runs <paramref name="job"/> (already stored, status Running) to its end state and stores that state.</summary>
    public async Task RunAsync(ImportJob job, byte[] content, CancellationToken ct)
    {
        try
        {
            await Progress(job.Id, "reading", 0, ct);
            var watch = Stopwatch.StartNew();
            var cells = TabularReader.Read(new MemoryStream(content, writable: false), job.FileName, Limits);
            if (job.Kind == ImportKind.Progress) await ImportProgressAsync(job, cells, watch, ct);
            else await ImportProjectsAsync(job, cells, watch, ct);
        }
        catch (SpreadsheetTooLargeException e)
        {
            await Finish(job, ImportStatus.Failed, TooLarge, e.Message, null, ct);
        }
        catch (SpreadsheetException e)
        {
            await Finish(job, ImportStatus.Failed, "invalid_spreadsheet", e.Message, null, ct);
        }
        catch (ImportConflictException e)
        {
            await Finish(job, ImportStatus.Failed, "import_conflict", e.Message, null, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            await Finish(job, ImportStatus.Failed, "import_conflict", ConcurrentWrite, null, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await Finish(job, ImportStatus.Failed, "import_conflict", ConcurrentWrite, null, ct);
        }
    }

    /// <summary>The failure code of a file over a size limit (the upload answers 413).</summary>
    public const string TooLarge = "spreadsheet_too_large";

    const string ConcurrentWrite = "导入期间他人登记了相同的项目或月份，未导入任何数据；请重新导入。";

    async Task ImportProjectsAsync(ImportJob job, IReadOnlyList<SheetRow> cells, Stopwatch watch, CancellationToken ct)
    {
        var (sheet, headerProblem) = ProjectSheetReader.Read(cells);
        if (await Unreadable(job, sheet?.RowsRead, headerProblem, ct)) return;
        var caller = job.Caller;
        var now = clock.GetUtcNow();
        ImportPlan? plan = null;
        await InTransactionAsync(job, "project-import:", sheet!.RowsRead, watch, async () =>
        {
            var lookups = await LookupsAsync(caller, sheet, ct);
            plan = ImportPlanner.Plan(sheet, caller, lookups, clock.Today(), now);
            return plan.Rows;
        }, () => ImportWriter.WriteAsync(db, plan!, caller, now, ct), ct);
    }

    async Task ImportProgressAsync(ImportJob job, IReadOnlyList<SheetRow> cells, Stopwatch watch, CancellationToken ct)
    {
        var (sheet, headerProblem) = ProgressSheetReader.Read(cells);
        if (await Unreadable(job, sheet?.RowsRead, headerProblem, ct)) return;
        var caller = job.Caller;
        ProgressLookups? lookups = null;
        ProgressPlan? plan = null;
        await InTransactionAsync(job, "progress-import:", sheet!.RowsRead, watch, async () =>
        {
            lookups = await ProgressLookupsAsync(caller, sheet, ct);
            plan = ProgressImportPlanner.Plan(sheet, caller, lookups, clock.Today());
            return plan.Rows;
        }, () => ProgressImportWriter.WriteAsync(db, plan!, lookups!.Reported, caller, clock.GetUtcNow(), ct), ct);
    }

    /// <summary>No header, missing required columns, or no data rows: the job fails as a whole.</summary>
    async Task<bool> Unreadable(ImportJob job, int? rowsRead, string? headerProblem, CancellationToken ct)
    {
        if (rowsRead is > 0) return false;
        await Finish(job, ImportStatus.Failed, rowsRead is null ? "missing_columns" : "empty_sheet", headerProblem ?? "表中没有数据行。", null, ct);
        return true;
    }

    /// <summary>
    /// Checks every row and, when the sheet may be written, writes it; the rows' outcomes, the counts and the data
    /// commit together or not at all. One import of a kind per region at a time, so a second upload of the same sheet
    /// finds the first one's rows.
    /// </summary>
    async Task InTransactionAsync(ImportJob job, string lockPrefix, int rowsRead, Stopwatch watch,
        Func<Task<IReadOnlyList<RowOutcome>>> plan, Func<Task> write, CancellationToken ct)
    {
        var readTime = watch.Elapsed;
        await Progress(job.Id, "validating", rowsRead, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"select pg_advisory_xact_lock(hashtext({lockPrefix + job.RegionCode}))", ct);
        var rows = await plan();
        var planTime = watch.Elapsed - readTime;
        if (rows.Any(r => r.Outcome == RowOutcomes.Rejected) && !job.GoodRowsOnly)
        {
            await tx.RollbackAsync(ct);
            await Finish(job, ImportStatus.Rejected, null, null, rows, ct);
            return;
        }
        await Progress(job.Id, "writing", rowsRead, ct);
        await write();
        var writeTime = watch.Elapsed - readTime - planTime;
        await Finish(job, ImportStatus.Completed, null, null, rows, ct);
        await tx.CommitAsync(ct);
        outbox.Notify();
        logger.LogInformation("Import {Job} ({Kind}) of {File} by {User}: {Created} created, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected, {Skipped} blank; " +
            "read {ReadMs} ms, checked {PlanMs} ms, wrote {WriteMs} ms, committed {CommitMs} ms",
            job.Id, job.Kind, job.FileName, job.CreatedBy, job.Created, job.Updated, job.Unchanged, job.Rejected, job.Skipped, (int)readTime.TotalMilliseconds,
            (int)planTime.TotalMilliseconds, (int)writeTime.TotalMilliseconds, (int)(watch.Elapsed - readTime - planTime - writeTime).TotalMilliseconds);
    }

    /// <summary>The caller's projects the sheet names (by code or by name), their months of the years concerned, and the locked months.</summary>
    async Task<ProgressLookups> ProgressLookupsAsync(CallerScope caller, ParsedProgressSheet sheet, CancellationToken ct)
    {
        var inScope = db.Projects.AsNoTracking().Where(p => p.RegionCode == caller.RegionCode);
        if (caller.Township is not null) inScope = inScope.Where(p => p.Township == caller.Township);
        var ids = sheet.Rows.Select(r => r.ProjectId).OfType<Guid>().Distinct().ToArray();
        var codes = sheet.Rows.Where(r => r.ProjectId is null).Select(r => r.NationalCode).OfType<string>().Distinct().ToArray();
        var names = sheet.Rows.Where(r => r.ProjectId is null && r.NationalCode is null).Select(r => r.Name.Trim()).Distinct().ToArray();
        var projects = await inScope.Where(p => ids.Contains(p.Id) || codes.Contains(p.NationalCode!) || names.Contains(p.Name)).ToListAsync(ct);
        var found = projects.Select(p => p.Id).ToArray();
        var years = sheet.Rows.Select(r => r.Period.Year).Concat(projects.Select(p => p.Year)).Distinct().ToArray();
        var reported = await db.Progress.AsNoTracking().Where(m => found.Contains(m.ProjectId) && years.Contains(m.Year)).ToListAsync(ct);
        var regions = sheet.Rows.Select(r => r.RegionCode).Distinct().ToArray();
        var locked = await db.ProgressLocks.AsNoTracking().Where(l => regions.Contains(l.RegionCode) && years.Contains(l.Year))
            .Select(l => new { l.RegionCode, l.Year, l.Month }).ToListAsync(ct);
        return new ProgressLookups(projects, reported, locked.Select(l => (l.RegionCode, l.Year, l.Month)).ToHashSet());
    }

    /// <summary>The caller's own projects (to match rows against) and who holds each identifier the sheet mentions, library-wide.</summary>
    async Task<ImportLookups> LookupsAsync(CallerScope caller, ParsedSheet sheet, CancellationToken ct)
    {
        var inScope = db.Projects.AsNoTracking().Where(p => p.RegionCode == caller.RegionCode);
        if (caller.Township is not null) inScope = inScope.Where(p => p.Township == caller.Township);

        string[] Values(Func<ProjectInput, string?> pick) =>
            sheet.Rows.Select(r => pick(r.Input)?.Trim()).Where(v => !string.IsNullOrEmpty(v)).Distinct().ToArray()!;
        var national = Values(i => i.NationalCode);
        var statistics = Values(i => i.StatisticsCode);
        var bonds = Values(i => i.BondProjectId);
        var local = Values(i => i.LocalNumber);
        var regions = sheet.Rows.Select(r => r.Input.RegionCode).Distinct().ToArray();
        return new ImportLookups(
            await inScope.ToListAsync(ct),
            await db.Projects.Where(p => national.Contains(p.NationalCode!)).ToDictionaryAsync(p => p.NationalCode!, p => p.Id, ct),
            await db.Projects.Where(p => statistics.Contains(p.StatisticsCode!)).ToDictionaryAsync(p => p.StatisticsCode!, p => p.Id, ct),
            await db.Projects.Where(p => bonds.Contains(p.BondProjectId!)).ToDictionaryAsync(p => p.BondProjectId!, p => p.Id, ct),
            (await db.Projects.Where(p => regions.Contains(p.RegionCode) && local.Contains(p.LocalNumber!))
                .Select(p => new { p.RegionCode, p.LocalNumber, p.Id }).ToListAsync(ct))
                .ToDictionary(p => (p.RegionCode, p.LocalNumber!), p => p.Id));
    }

    /// <summary>Stores the end state; inside the import's transaction when it writes, so counts and rows commit together.</summary>
    async Task Finish(ImportJob job, ImportStatus status, string? failureCode, string? failure, IReadOnlyList<RowOutcome>? rows, CancellationToken ct)
    {
        job.Status = status;
        job.FailureCode = failureCode;
        job.Phase = null;
        job.Failure = failure;
        int Count(string outcome) => rows?.Count(r => r.Outcome == outcome) ?? 0;
        job.Created = Count(RowOutcomes.Created);
        job.Updated = Count(RowOutcomes.Updated);
        job.Unchanged = Count(RowOutcomes.Unchanged);
        job.Rejected = Count(RowOutcomes.Rejected);
        job.Skipped = Count(RowOutcomes.Skipped);
        job.RowsRead = rows?.Count ?? job.RowsRead;
        job.RowsProcessed = job.RowsRead;
        job.Report = rows is null ? null : JsonSerializer.Serialize(rows, ReportJson);
        job.FinishedAt = clock.GetUtcNow();
        job.Content = null;
        await db.ImportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, job.Status).SetProperty(j => j.Phase, job.Phase).SetProperty(j => j.Failure, job.Failure).SetProperty(j => j.FailureCode, job.FailureCode)
            .SetProperty(j => j.Created, job.Created).SetProperty(j => j.Updated, job.Updated)
            .SetProperty(j => j.Unchanged, job.Unchanged).SetProperty(j => j.Rejected, job.Rejected).SetProperty(j => j.Skipped, job.Skipped)
            .SetProperty(j => j.RowsRead, job.RowsRead).SetProperty(j => j.RowsProcessed, job.RowsProcessed)
            .SetProperty(j => j.Report, job.Report).SetProperty(j => j.FinishedAt, job.FinishedAt).SetProperty(j => j.Content, (byte[]?)null), ct);
    }

    /// <summary>Progress on its own connection, so a poller sees it while the import's transaction is still open.</summary>
    async Task Progress(Guid id, string phase, int rowsRead, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var progressDb = scope.ServiceProvider.GetRequiredService<ProjectsDb>();
        var now = clock.GetUtcNow();
        await progressDb.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Phase, phase).SetProperty(j => j.RowsRead, rowsRead)
            .SetProperty(j => j.RowsProcessed, phase == "writing" ? rowsRead : 0).SetProperty(j => j.HeartbeatAt, now), ct);
    }
}
