using System.Threading.Channels;

namespace ProjectLibrary.Api.Features.Imports;

/// <summary>Wakes the worker when a job is queued; it also polls, so a job queued by another instance is not missed.</summary>
public sealed class ImportQueue
{
    readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _signal.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try { await _signal.Reader.ReadAsync(timer.Token); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
    }
}

/// <summary>
/// Runs queued imports one at a time. A job is claimed with SKIP LOCKED, so several instances share the queue; a job
/// whose worker died (no heartbeat for ten minutes; its transaction was rolled back) is claimed again.
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ImportQueue queue, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunNextAsync(stoppingToken)) continue;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Import worker failed; retrying shortly");
            }
            await queue.WaitAsync(TimeSpan.FromSeconds(2), stoppingToken);
        }
    }

    async Task<bool> RunNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectsDb>();
        var claimed = await db.Database.SqlQuery<Guid>($"""
            update import_jobs set status = 'Running', started_at = now(), heartbeat_at = now()
            where id = (select id from import_jobs
                        where status = 'Queued' or (status = 'Running' and content is not null and heartbeat_at < now() - interval '10 minutes')
                        order by created_at for update skip locked limit 1)
            returning id as "Value"
            """).ToListAsync(ct);
        if (claimed.Count == 0) return false;

        var job = await db.ImportJobs.AsNoTracking().FirstAsync(j => j.Id == claimed[0], ct);
        // The import acts for the person who uploaded it (ImportJob.Caller): their scope limits the rows, the audit names them.
        await scope.ServiceProvider.GetRequiredService<ProjectImporter>().RunAsync(job, job.Content ?? [], ct);
        logger.LogInformation("Import job {Job} finished: {Status}", job.Id, job.Status);
        return true;
    }
}
