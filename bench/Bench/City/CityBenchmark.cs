using System.Text.Json;
using City.Api.Features.ReadModels;

namespace Bench.City;

/// <summary>
/// The city aggregation service at scale: loads N projects with a year of monthly progress into a scratch city
/// service's read models, measures the overview and the lists as the city and as a county, then the lag from a
/// change to the read model. bench/city.sh creates the scratch database, starts the service and passes, in the
/// environment: CITY_BENCH_PG, CITY_BENCH_URL, CITY_BENCH_TOKEN_CITY, CITY_BENCH_TOKEN_COUNTY, CITY_BENCH_QUEUE_PREFIX,
/// and the broker's RabbitMq settings (CITY_BENCH_MQ_VHOST, PLATFORM_MQ_PASSWORD).
/// </summary>
public static class CityBenchmark
{
    /// <summary>The target the city's design sets for its report.</summary>
    const double OverviewP95TargetMs = 20;

    public static async Task<int> RunAsync(int projectCount, int requests, int rate, int lagSeconds)
    {
        var connectionString = Required("CITY_BENCH_PG");
        var baseAddress = new Uri(Required("CITY_BENCH_URL"));
        var cityToken = Required("CITY_BENCH_TOKEN_CITY");
        var countyToken = Required("CITY_BENCH_TOKEN_COUNTY");
        // The last full year: all twelve months are in the past, so the lists measure 序时进度 at December.
        var year = int.TryParse(Environment.GetEnvironmentVariable("CITY_BENCH_YEAR"), out var y) ? y : DateTime.UtcNow.Year - 1;

        Console.WriteLine($"==> loading {projectCount:N0} projects with 12 months of progress ({year}) into the read models");
        var projects = await CityLoader.LoadAsync(connectionString, projectCount, year);
        var sane = await CheckOverview(baseAddress, cityToken, year, projects);

        Console.WriteLine($"==> reads, directly on the service: warm-up 20, then up to {requests} sequential and {requests} from 4 connections " +
                          "(each phase capped at 5 s); ms");
        ReadCase[] cases =
        [
            new($"overview {year} as city-hq", $"/api/city/overview?period={year}", cityToken),
            new($"overview {year}-06 as city-hq", $"/api/city/overview?period={year}-06", cityToken),
            new($"overview {year} as county", $"/api/city/overview?period={year}", countyToken),
            new($"lists/behind-schedule as city-hq", $"/api/city/lists/behind-schedule?period={year}", cityToken),
            new($"lists/not-started as city-hq", $"/api/city/lists/not-started?period={year}", cityToken),
            new($"lists/started-not-included as city-hq", $"/api/city/lists/started-not-included?period={year}", cityToken),
            new($"lists/leader-projects as city-hq", $"/api/city/lists/leader-projects?period={year}", cityToken),
            new($"lists/behind-schedule as county", $"/api/city/lists/behind-schedule?period={year}", countyToken),
            new($"lists/not-started as county", $"/api/city/lists/not-started?period={year}", countyToken),
        ];
        var reads = await CityReadBenchmark.RunAsync(baseAddress, cases, requests, concurrency: 4, cap: TimeSpan.FromSeconds(5));

        Console.WriteLine($"==> event lag at {rate}/s for {lagSeconds} s");
        var lag = await CityEventLag.RunAsync(new LagTarget(connectionString,
            Environment.GetEnvironmentVariable("CITY_BENCH_MQ_HOST") ?? "127.0.0.1",
            Environment.GetEnvironmentVariable("CITY_BENCH_MQ_VHOST") ?? "platform",
            "platform",
            Environment.GetEnvironmentVariable("PLATFORM_MQ_PASSWORD") ?? "platform-dev-mq",
            Required("CITY_BENCH_QUEUE_PREFIX")), projects, year, rate, TimeSpan.FromSeconds(lagSeconds));

        var overview = reads[0].Sequential.Percentile(95);
        var worstOverview = reads.Take(3).Max(r => r.Sequential.Percentile(95));
        Console.WriteLine();
        Console.WriteLine($"overview p95 at {projectCount:N0} projects: {overview:0.0} ms (city, year), worst overview case {worstOverview:0.0} ms " +
                          $"(target ≤ {OverviewP95TargetMs} ms): {(worstOverview <= OverviewP95TargetMs ? "met" : "MISSED")}");
        var errors = reads.Sum(r => r.Errors);
        if (errors > 0) Console.WriteLine($"{errors} requests did not answer 200");
        return sane && lag == 0 && errors == 0 ? 0 : 1;
    }

    /// <summary>The loaded data must read back as the consumers' would: the city's reserve count is every live project of the year.</summary>
    static async Task<bool> CheckOverview(Uri baseAddress, string token, int year, List<GeneratedProject> projects)
    {
        var body = await CityReadBenchmark.GetStringAsync(baseAddress, $"/api/city/overview?period={year}", token);
        using var doc = JsonDocument.Parse(body);
        decimal Actual(string metric) => doc.RootElement.GetProperty("city").GetProperty("metrics").EnumerateArray()
            .First(m => m.GetProperty("metric").GetString() == metric).GetProperty("actual").GetDecimal();
        var reserve = projects.Count(p => p.View.Stage != Stages.Terminated);
        var scheduled = projects.Sum(p => p.Figures.Sum(f => f.CompletedInvestment));
        // 序时进度 at December: the whole year's 调度数 below the whole annual plan.
        var lagging = projects.Count(p => p.View.KeyLevel != "none" && p.View.Stage == Stages.UnderConstruction
            && p.Figures.Sum(f => f.CompletedInvestment) < p.View.AnnualPlannedInvestment);
        var ok = Actual("reserveCount") == reserve && Actual("scheduledInvestment") == scheduled && Actual("laggingKeyProjects") == lagging;
        Console.WriteLine($"check: overview reserveCount {Actual("reserveCount"):N0} (expected {reserve:N0}), scheduledInvestment " +
                          $"{Actual("scheduledInvestment"):N2} (expected {scheduled:N2}), laggingKeyProjects {Actual("laggingKeyProjects"):N0} " +
                          $"(expected {lagging:N0}): {(ok ? "ok" : "MISMATCH")}");
        return ok;
    }

    static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value
            : throw new InvalidOperationException($"{name} is not set (bench/city.sh sets it).");
}
