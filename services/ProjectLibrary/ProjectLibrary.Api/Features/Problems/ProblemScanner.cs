using Microsoft.Extensions.Options;

namespace ProjectLibrary.Api.Features.Problems;

/// <summary>Problems:ScanInterval (how often the job looks), ReminderDays (how near a deadline counts as near), BatchSize.</summary>
public sealed class ProblemOptions
{
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(1);
    public int ReminderDays { get; set; } = 3;
    public int BatchSize { get; set; } = 100;
}

/// <summary>
/// One pass of the deadline job: reminds problems whose deadline is within ReminderDays and escalates overdue ones.
/// Each happens once even with several instances scanning at the same moment: rows are claimed with
/// FOR UPDATE SKIP LOCKED inside the transaction that sets the flag (ReminderSentAt / AutoEscalatedAt) and stores the
/// event in the outbox, and a claimed row no longer matches once committed. The Version token is a second guard.
/// </summary>
public sealed class ProblemScanner(ProjectsDb db, Actor actor, TimeProvider clock, IOptions<ProblemOptions> options, ILogger<ProblemScanner> logger)
{
    public sealed record Result(int Reminded, int Escalated)
    {
        public int Total => Reminded + Escalated;
    }

    public async Task<Result> ScanOnceAsync(CancellationToken ct)
    {
        actor.ActAsSystem("problem-deadline-scan");
        var today = clock.Today();
        var remindBy = today.AddDays(options.Value.ReminderDays);
        var batch = options.Value.BatchSize;
        var strategy = db.Database.CreateExecutionStrategy();
        var result = await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var overdue = await db.Problems.FromSql($"""
                select * from problems
                where status in ('Assigned', 'InProgress', 'CloseRequested') and due_date < {today} and auto_escalated_at is null and level <> 'Provincial'
                order by due_date, id limit {batch} for update skip locked
                """).ToListAsync(token);
            var dueSoon = await db.Problems.FromSql($"""
                select * from problems
                where status in ('Assigned', 'InProgress', 'CloseRequested') and due_date >= {today} and due_date <= {remindBy} and reminder_sent_at is null
                order by due_date, id limit {batch} for update skip locked
                """).ToListAsync(token);

            var now = clock.GetUtcNow();
            var escalated = 0;
            foreach (var problem in overdue.Where(p => p.EscalateAutomatically(now)))
            {
                ProblemEvents.Escalated(db, problem, automatic: true);
                escalated++;
            }
            var reminded = 0;
            foreach (var problem in dueSoon.Where(p => p.MarkReminded(now)))
            {
                ProblemEvents.DueSoon(db, problem);
                reminded++;
            }
            await db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
            return new Result(reminded, escalated);
        }, ct);
        if (result.Total > 0) logger.LogInformation("Deadline scan: {Reminded} reminded, {Escalated} escalated", result.Reminded, result.Escalated);
        return result;
    }
}

/// <summary>Runs the deadline scan every Problems:ScanInterval; safe with any number of instances.</summary>
public sealed class ProblemScanWorker(IServiceScopeFactory scopes, IOptions<ProblemOptions> options, ILogger<ProblemScanWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScanInterval);
        do
        {
            try
            {
                // Keep going while full batches come back, so a backlog clears within one tick.
                ProblemScanner.Result result;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    result = await scope.ServiceProvider.GetRequiredService<ProblemScanner>().ScanOnceAsync(stoppingToken);
                } while (result.Total > 0 && result.Total >= options.Value.BatchSize && !stoppingToken.IsCancellationRequested);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Problem deadline scan failed; it runs again at the next interval");
            }
        } while (await WaitAsync(timer, stoppingToken));
    }

    static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }
}
