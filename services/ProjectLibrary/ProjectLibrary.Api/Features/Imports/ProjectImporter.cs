using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Messaging;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Http;
using Platform.Spreadsheets;
using ProjectLibrary.Api.Features.Progress;
using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Api.Features.Imports;

/// <summary>
/// Runs one import job: read the file, check every row, and (unless rows are wrong and the caller did not ask for the
/// good rows only) write everything in one transaction. The same code serves a request that waits and the background worker.
/// </summary>
public sealed class ProjectImporter(ProjectsDb db, TimeProvider clock, OutboxSignal outbox, IServiceScopeFactory scopes, ILogger<ProjectImporter> logger)
{
    /// <summary>A county's whole library fits; a zip bomb or a 2 GB upload does not.</summary>
    public static readonly ReadLimits Limits = new()
    {
        MaxFileBytes = 64 * 1024 * 1024, MaxRows = 250_000, MaxColumns = 100, MaxCellLength = 4_000,
        MaxUncompressedBytes = 600 * 1024 * 1024,
    };

    public static readonly JsonSerializerOptions ReportJson = Json.Options;

    TimeSpan _readTime;

    /// <summary>Runs <paramref name="job"/> (already stored, status Running) to its end state and stores that state.</summary>
    public async Task RunAsync(ImportJob job, byte[] content, CancellationToken ct)
    {
        try
        {
            await Progress(job.Id, "reading", 0, ct);
            var watch = Stopwatch.StartNew();
            var cells = TabularReader.Read(new MemoryStream(content, writable: false), job.FileName, Limits);
            var (sheet, headerProblem) = ProjectSheetReader.Read(cells);
            _readTime = watch.Elapsed;
            if (sheet is null || sheet.RowsRead == 0)
            {
                await Finish(job, ImportStatus.Failed, sheet is null ? "missing_columns" : "empty_sheet", headerProblem ?? "表中没有数据行。", null, ct);
                return;
            }
            await Progress(job.Id, "validating", sheet.RowsRead, ct);
            await ImportAsync(job, sheet, ct);
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
            await Finish(job, ImportStatus.Failed, "import_conflict", "导入期间他人登记了相同编码的项目，未导入任何数据；请重新导入。", null, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await Finish(job, ImportStatus.Failed, "import_conflict", "导入期间他人登记了相同编码的项目，未导入任何数据；请重新导入。", null, ct);
        }
    }

    async Task ImportAsync(ImportJob job, ParsedSheet sheet, CancellationToken ct)
    {
        var caller = job.Caller;
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One import per region at a time: a second upload of the same sheet then finds the first one's projects.
        await db.Database.ExecuteSqlAsync($"select pg_advisory_xact_lock(hashtext({"project-import:" + caller.RegionCode}))", ct);
        var watch = Stopwatch.StartNew();
        var lookups = await LookupsAsync(caller, sheet, ct);
        var loadTime = watch.Elapsed;
        var plan = ImportPlanner.Plan(sheet, caller, lookups, clock.Today(), now);
        var planTime = watch.Elapsed - loadTime;

        if (plan.Errors.Count > 0 && !job.GoodRowsOnly)
        {
            await tx.RollbackAsync(ct);
            await Finish(job, ImportStatus.Rejected, null, null, plan, ct);
            return;
        }
        await Progress(job.Id, "writing", sheet.RowsRead, ct);
        await ImportWriter.WriteAsync(db, plan, caller, now, ct);
        var writeTime = watch.Elapsed - loadTime - planTime;
        await Finish(job, ImportStatus.Completed, null, null, plan, ct);
        await tx.CommitAsync(ct);
        outbox.Notify();
        logger.LogInformation("Import {Job} of {File} by {User}: {Created} created, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected; " +
            "read {ReadMs} ms, loaded {LoadMs} ms, checked {PlanMs} ms, wrote {WriteMs} ms, committed {CommitMs} ms",
            job.Id, job.FileName, job.CreatedBy, plan.Count(RowOutcomes.Created), plan.Count(RowOutcomes.Updated),
            plan.Count(RowOutcomes.Unchanged), plan.Count(RowOutcomes.Rejected), (int)_readTime.TotalMilliseconds, (int)loadTime.TotalMilliseconds,
            (int)planTime.TotalMilliseconds, (int)writeTime.TotalMilliseconds, (int)(watch.Elapsed - loadTime - planTime - writeTime).TotalMilliseconds);
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
    async Task Finish(ImportJob job, ImportStatus status, string? failureCode, string? failure, ImportPlan? plan, CancellationToken ct)
    {
        job.Status = status;
        job.FailureCode = failureCode;
        job.Phase = null;
        job.Failure = failure;
        job.Created = plan?.Count(RowOutcomes.Created) ?? 0;
        job.Updated = plan?.Count(RowOutcomes.Updated) ?? 0;
        job.Unchanged = plan?.Count(RowOutcomes.Unchanged) ?? 0;
        job.Rejected = plan?.Count(RowOutcomes.Rejected) ?? 0;
        job.RowsRead = plan?.Rows.Count ?? job.RowsRead;
        job.RowsProcessed = job.RowsRead;
        job.Report = plan is null ? null : JsonSerializer.Serialize(plan.Rows, ReportJson);
        job.FinishedAt = clock.GetUtcNow();
        job.Content = null;
        await db.ImportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, job.Status).SetProperty(j => j.Phase, job.Phase).SetProperty(j => j.Failure, job.Failure).SetProperty(j => j.FailureCode, job.FailureCode)
            .SetProperty(j => j.Created, job.Created).SetProperty(j => j.Updated, job.Updated)
            .SetProperty(j => j.Unchanged, job.Unchanged).SetProperty(j => j.Rejected, job.Rejected)
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
