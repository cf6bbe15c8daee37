using System.Collections.Concurrent;
using System.Diagnostics;
using City.Api.Features.ReadModels;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Contracts.ProjectLibrary;

namespace Bench.City;

/// <summary>Where the benchmark's city service listens: its database, broker and queue prefix.</summary>
public sealed record LagTarget(string ConnectionString, string MqHost, string MqVirtualHost, string MqUser, string MqPassword, string QueuePrefix);

/// <summary>
/// Event lag: from handing a change to the broker to the change being visible in the city's read model, at a
/// steady rate. Four in five changes are a month's 调度数 corrected (ProgressReported), one in five a project edited
/// (ProjectUpdated), each about a different loaded project, serialized and enveloped by MassTransit exactly as the
/// project library's outbox publishes them. They are sent to the benchmark city's own queues rather than published
/// to the exchanges: a publish would also reach the live demo's city and every other subscriber on the broker.
/// Visibility is seen by polling the rows the consumers write (every few ms, one query per kind).
/// </summary>
public static class CityEventLag
{
    const int PollMilliseconds = 3;
    const long FirstVersion = 1000;

    public static async Task<int> RunAsync(LagTarget target, List<GeneratedProject> projects, int year, int rate, TimeSpan duration)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddMassTransit(x =>
        {
            x.DisableUsageTelemetry(); // it would call out to the internet
            x.UsingRabbitMq((_, cfg) => cfg.Host(target.MqHost, target.MqVirtualHost, h =>
            {
                h.Username(target.MqUser);
                h.Password(target.MqPassword);
            }));
        });
        await using var provider = services.BuildServiceProvider();
        var bus = provider.GetRequiredService<IBusControl>();
        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        try
        {
            // Each consumer queue has an exchange of its name bound to it. The city's are temporary (auto-delete, not
            // durable): sending to the exchange declares only it, alike, and leaves the (exclusive-looking) queue alone.
            var progressQueue = await bus.GetSendEndpoint(new Uri($"exchange:{target.QueuePrefix}-progress-reported?durable=false&autodelete=true"));
            var updatedQueue = await bus.GetSendEndpoint(new Uri($"exchange:{target.QueuePrefix}-project-updated?durable=false&autodelete=true"));
            var month = $"{year}-12";
            var scheduledBefore = await ScheduledInvestment(target.ConnectionString, month);

            var pending = new ConcurrentDictionary<Guid, Expectation>();
            var latency = new Latency();
            using var stop = new CancellationTokenSource();
            var poller = Task.Run(() => Poll(target.ConnectionString, month, pending, latency, stop.Token));

            var count = (int)(rate * duration.TotalSeconds);
            var progressEvents = 0;
            var clock = Stopwatch.StartNew();
            var sends = new List<Task>(count);
            for (var n = 0; n < count; n++)
            {
                var wait = TimeSpan.FromSeconds((double)n / rate) - clock.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
                var project = projects[(int)(n * 7919L % projects.Count)]; // a different project each time, across the regions
                var version = FirstVersion + n;
                var isUpdate = n % 5 == 4;
                if (!isUpdate) progressEvents++;
                pending[project.View.ProjectId] = new Expectation(isUpdate, version, Latency.Now());
                sends.Add(isUpdate
                    ? updatedQueue.Send(Updated(project.View, version))
                    : progressQueue.Send(Progress(project, month, version)));
            }
            await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(30)); // a broker that refuses the sends fails the run
            var sentIn = clock.Elapsed;
            var deadline = Stopwatch.StartNew();
            while (!pending.IsEmpty && deadline.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(50);
            await stop.CancelAsync();
            await poller;
            var scheduledAfter = await ScheduledInvestment(target.ConnectionString, month);

            Console.WriteLine($"  sent {count} changes in {sentIn.TotalSeconds:0.0} s ({count / sentIn.TotalSeconds:0}/s: {progressEvents} ProgressReported, " +
                              $"{count - progressEvents} ProjectUpdated); visible {latency.Count}, not visible after 20 s: {pending.Count}");
            Console.WriteLine($"  lag change → read model (ms, polled every {PollMilliseconds} ms)   p50 {latency.Percentile(50),7:0.0}  " +
                              $"p95 {latency.Percentile(95),7:0.0}  p99 {latency.Percentile(99),7:0.0}  max {latency.Percentile(100),7:0.0}");
            // Each ProgressReported added exactly 1 万元 to December's 调度数: the aggregate must have moved by as much.
            var moved = scheduledAfter - scheduledBefore;
            Console.WriteLine($"  aggregate check: {month} scheduledInvestment moved by {moved:0.00} (expected {progressEvents:0.00}) " +
                              (moved == progressEvents ? "ok" : "MISMATCH"));
            return pending.IsEmpty && moved == progressEvents ? 0 : 1;
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    sealed record Expectation(bool IsUpdate, long Version, long SentAt);

    static ProgressReported Progress(GeneratedProject project, string month, long version)
    {
        var december = project.Figures.Single(f => f.Period == month);
        return new ProgressReported
        {
            ProjectId = project.View.ProjectId, RegionCode = project.View.RegionCode, Period = month,
            CompletedInvestment = december.CompletedInvestment + 1, YearToDateInvestment = (december.YearToDate ?? 0) + 1,
            Version = version, OccurredAt = DateTimeOffset.UtcNow,
        };
    }

    /// <summary>The project as the library would send it after an edit of its annual plan (+1 万元).</summary>
    static ProjectUpdated Updated(ProjectView v, long version) => new()
    {
        Project = new ProjectSnapshot
        {
            ProjectId = v.ProjectId, Name = v.Name, RegionCode = v.RegionCode, Township = v.Township, Category = v.Category!, Nature = v.Nature!,
            Stage = v.Stage, Industry = v.Industry, TotalInvestment = v.TotalInvestment, AnnualPlannedInvestment = v.AnnualPlannedInvestment + 1,
            Year = v.Year, NationalCode = v.NationalCode, StatisticsCode = v.StatisticsCode, KeyLevel = v.KeyLevel,
            IsPrivateInvestment = v.IsPrivateInvestment, IsIndustrial = v.IsIndustrial, PlannedStartDate = v.PlannedStartDate,
            ActualStartDate = v.ActualStartDate, PlannedFinishDate = v.PlannedFinishDate, ActualFinishDate = v.ActualFinishDate,
            LeaderInCharge = v.LeaderInCharge, ResponsibleUnit = v.ResponsibleUnit, ReadyToStart = v.ReadyToStart,
            IsIncludedInStatistics = v.IncludedOn is not null, SourceDealId = v.FromDealId,
        },
        Version = version,
        OccurredAt = DateTimeOffset.UtcNow,
    };

    static async Task Poll(string connectionString, string month, ConcurrentDictionary<Guid, Expectation> pending, Latency latency, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(CancellationToken.None);
        while (!ct.IsCancellationRequested)
        {
            var waiting = pending.ToArray();
            var progress = waiting.Where(w => !w.Value.IsUpdate).Select(w => w.Key).ToArray();
            var updates = waiting.Where(w => w.Value.IsUpdate).Select(w => w.Key).ToArray();
            if (progress.Length > 0)
                await Seen(connection, "select project_id, version from project_figures where source = 'progress' and period = @month and project_id = any(@ids)",
                    progress, month, pending, latency);
            if (updates.Length > 0)
                await Seen(connection, "select project_id, version from project_views where project_id = any(@ids)", updates, month, pending, latency);
            try { await Task.Delay(PollMilliseconds, ct); } catch (OperationCanceledException) { break; }
        }
    }

    static async Task Seen(NpgsqlConnection connection, string sql, Guid[] ids, string month, ConcurrentDictionary<Guid, Expectation> pending, Latency latency)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        cmd.Parameters.AddWithValue("ids", ids);
        cmd.Parameters.AddWithValue("month", month);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var id = reader.GetGuid(0);
            if (pending.TryGetValue(id, out var e) && reader.GetInt64(1) >= e.Version && pending.TryRemove(id, out _)) latency.Record(e.SentAt);
        }
    }

    static async Task<decimal> ScheduledInvestment(string connectionString, string month)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("select coalesce(sum(amount), 0) from region_actuals where period = @month and metric = 'scheduledInvestment'", connection);
        cmd.Parameters.AddWithValue("month", month);
        return (decimal)(await cmd.ExecuteScalarAsync())!;
    }
}
