using System.Diagnostics;
using City.Api.Features.ReadModels;
using City.Api.Features.Targets;
using Npgsql;
using NpgsqlTypes;
using Platform.ServiceDefaults.Auth;

namespace Bench.City;

/// <summary>
/// Writes generated projects straight into the city's read models with binary COPY: project_views, project_figures,
/// and region_actuals summed with the service's own rules (Contributions.Of), exactly what the consumers'
/// additive upserts would have left after applying every ProjectRegistered and ProgressReported. Also sets
/// targets for the year, its quarters and months, so completion rates and ranks are computed as in production.
/// </summary>
public static class CityLoader
{
    public static async Task<List<GeneratedProject>> LoadAsync(string connectionString, int count, int year)
    {
        var clock = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        var projects = CityData.Generate(count, year, now).ToList();
        var aggregate = new Dictionary<(string Period, string Metric, string Region), decimal>();
        foreach (var p in projects)
            foreach (var c in Contributions.Of(p.View, p.Figures))
                foreach (var period in c.Periods)
                    aggregate[(period, c.Metric, c.RegionCode)] = aggregate.GetValueOrDefault((period, c.Metric, c.RegionCode)) + c.Amount;
        Console.WriteLine($"generated {projects.Count:N0} projects, {projects.Sum(p => p.Figures.Count):N0} monthly figures, " +
                          $"{aggregate.Count:N0} aggregate cells in {clock.Elapsed.TotalSeconds:0.0} s");

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, """
            truncate project_views, project_figures, problem_views, approval_views, deal_views, funds_arrivals,
                     funding_views, funding_disbursements, region_actuals, targets, city_events
            """);
        var copy = Stopwatch.StartNew();
        await CopyViews(connection, projects);
        await CopyFigures(connection, projects);
        await CopyAggregate(connection, aggregate);
        await CopyTargets(connection, aggregate, year, now);
        var copied = copy.Elapsed;
        // What autovacuum does on a live system: statistics for the planner and a visibility map for index-only scans.
        await Execute(connection, "vacuum analyze project_views, project_figures, region_actuals, targets");
        Console.WriteLine($"loaded by COPY in {copied.TotalSeconds:0.0} s, vacuum analyze {(copy.Elapsed - copied).TotalSeconds:0.0} s, " +
                          $"total {clock.Elapsed.TotalSeconds:0.0} s");
        return projects;
    }

    static async Task CopyViews(NpgsqlConnection connection, List<GeneratedProject> projects)
    {
        await using var w = await connection.BeginBinaryImportAsync("""
            copy project_views (project_id, region_code, township, registered, name, category, nature, stage, industry,
                total_investment, annual_planned_investment, year, key_level, is_private_investment, is_industrial,
                planned_start_date, actual_start_date, planned_finish_date, actual_finish_date, leader_in_charge,
                responsible_unit, national_code, statistics_code, ready_to_start, approvals_completed_on, included_on,
                from_deal_id, version, stage_version, approvals_version, inclusion_version, updated_at) from stdin (format binary)
            """);
        foreach (var v in projects.Select(p => p.View))
        {
            await w.StartRowAsync();
            await w.WriteAsync(v.ProjectId, NpgsqlDbType.Uuid);
            await w.WriteAsync(v.RegionCode, NpgsqlDbType.Text);
            await WriteOrNull(w, v.Township, NpgsqlDbType.Text);
            await w.WriteAsync(v.Registered, NpgsqlDbType.Boolean);
            await w.WriteAsync(v.Name, NpgsqlDbType.Text);
            await WriteOrNull(w, v.Category, NpgsqlDbType.Text);
            await WriteOrNull(w, v.Nature, NpgsqlDbType.Text);
            await w.WriteAsync(v.Stage, NpgsqlDbType.Text);
            await WriteOrNull(w, v.Industry, NpgsqlDbType.Text);
            await w.WriteAsync(v.TotalInvestment, NpgsqlDbType.Numeric);
            await w.WriteAsync(v.AnnualPlannedInvestment, NpgsqlDbType.Numeric);
            await w.WriteAsync(v.Year, NpgsqlDbType.Integer);
            await w.WriteAsync(v.KeyLevel, NpgsqlDbType.Text);
            await w.WriteAsync(v.IsPrivateInvestment, NpgsqlDbType.Boolean);
            await w.WriteAsync(v.IsIndustrial, NpgsqlDbType.Boolean);
            await WriteOrNull(w, v.PlannedStartDate, NpgsqlDbType.Date);
            await WriteOrNull(w, v.ActualStartDate, NpgsqlDbType.Date);
            await WriteOrNull(w, v.PlannedFinishDate, NpgsqlDbType.Date);
            await WriteOrNull(w, v.ActualFinishDate, NpgsqlDbType.Date);
            await WriteOrNull(w, v.LeaderInCharge, NpgsqlDbType.Text);
            await WriteOrNull(w, v.ResponsibleUnit, NpgsqlDbType.Text);
            await WriteOrNull(w, v.NationalCode, NpgsqlDbType.Text);
            await WriteOrNull(w, v.StatisticsCode, NpgsqlDbType.Text);
            await w.WriteAsync(v.ReadyToStart, NpgsqlDbType.Boolean);
            await WriteOrNull(w, v.ApprovalsCompletedOn, NpgsqlDbType.Date);
            await WriteOrNull(w, v.IncludedOn, NpgsqlDbType.Date);
            await WriteOrNull(w, v.FromDealId, NpgsqlDbType.Uuid);
            await w.WriteAsync(v.Version, NpgsqlDbType.Bigint);
            await w.WriteAsync(v.StageVersion, NpgsqlDbType.Bigint);
            await w.WriteAsync(v.ApprovalsVersion, NpgsqlDbType.Bigint);
            await w.WriteAsync(v.InclusionVersion, NpgsqlDbType.Bigint);
            await w.WriteAsync(v.UpdatedAt, NpgsqlDbType.TimestampTz);
        }
        await w.CompleteAsync();
    }

    static async Task CopyFigures(NpgsqlConnection connection, List<GeneratedProject> projects)
    {
        await using var w = await connection.BeginBinaryImportAsync(
            "copy project_figures (project_id, source, period, completed_investment, year_to_date, version) from stdin (format binary)");
        foreach (var f in projects.SelectMany(p => p.Figures))
        {
            await w.StartRowAsync();
            await w.WriteAsync(f.ProjectId, NpgsqlDbType.Uuid);
            await w.WriteAsync(f.Source, NpgsqlDbType.Text);
            await w.WriteAsync(f.Period, NpgsqlDbType.Text);
            await w.WriteAsync(f.CompletedInvestment, NpgsqlDbType.Numeric);
            await WriteOrNull(w, f.YearToDate, NpgsqlDbType.Numeric);
            await w.WriteAsync(f.Version, NpgsqlDbType.Bigint);
        }
        await w.CompleteAsync();
    }

    /// <summary>Cells whose sum is zero are left out: the consumers only ever upsert non-zero deltas.</summary>
    static async Task CopyAggregate(NpgsqlConnection connection, Dictionary<(string Period, string Metric, string Region), decimal> aggregate)
    {
        await using var w = await connection.BeginBinaryImportAsync("copy region_actuals (region_code, period, metric, amount) from stdin (format binary)");
        foreach (var ((period, metric, region), amount) in aggregate.Where(a => a.Value != 0))
        {
            await w.StartRowAsync();
            await w.WriteAsync(region, NpgsqlDbType.Text);
            await w.WriteAsync(period, NpgsqlDbType.Text);
            await w.WriteAsync(metric, NpgsqlDbType.Text);
            await w.WriteAsync(amount, NpgsqlDbType.Numeric);
        }
        await w.CompleteAsync();
    }

    /// <summary>City and district targets at 110 % of each actual, for the year, its quarters and its months.</summary>
    static async Task CopyTargets(NpgsqlConnection connection, Dictionary<(string Period, string Metric, string Region), decimal> aggregate,
        int year, DateTimeOffset now)
    {
        var periods = new[] { $"{year}" }.Concat(Enumerable.Range(1, 4).Select(q => $"{year}-Q{q}"))
            .Concat(Enumerable.Range(1, 12).Select(m => $"{year}-{m:00}"));
        await using var w = await connection.BeginBinaryImportAsync(
            "copy targets (id, level, region_code, township, period, metric, amount, note, set_by, updated_at, version) from stdin (format binary)");
        foreach (var period in periods)
            foreach (var metric in Metrics.Targetable.Where(m => m.Kind != MetricKind.Lagging))
            {
                var key = metric.Kind == MetricKind.PlanYear ? $"{year}" : period;
                var byRegion = Regions.Codes.ToDictionary(r => r, r => aggregate.GetValueOrDefault((key, metric.Code, r)));
                await Target(w, "city", Regions.City, period, metric.Code, byRegion.Values.Sum(), now);
                foreach (var (region, actual) in byRegion) await Target(w, "district", region, period, metric.Code, actual, now);
            }
        await w.CompleteAsync();
    }

    static async Task Target(NpgsqlBinaryImporter w, string level, string region, string period, string metric, decimal actual, DateTimeOffset now)
    {
        await w.StartRowAsync();
        await w.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
        await w.WriteAsync(level, NpgsqlDbType.Text);
        await w.WriteAsync(region, NpgsqlDbType.Text);
        await w.WriteAsync("", NpgsqlDbType.Text);
        await w.WriteAsync(period, NpgsqlDbType.Text);
        await w.WriteAsync(metric, NpgsqlDbType.Text);
        await w.WriteAsync(Math.Round(actual * 1.1m + 1, 2), NpgsqlDbType.Numeric);
        await w.WriteNullAsync();
        await w.WriteAsync("bench:city", NpgsqlDbType.Text);
        await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
        await w.WriteAsync(1L, NpgsqlDbType.Bigint);
    }

    static Task WriteOrNull<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type) where T : struct =>
        value is { } v ? w.WriteAsync(v, type) : w.WriteNullAsync();

    static Task WriteOrNull(NpgsqlBinaryImporter w, string? value, NpgsqlDbType type) =>
        value is not null ? w.WriteAsync(value, type) : w.WriteNullAsync();

    public static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        await cmd.ExecuteNonQueryAsync();
    }
}
