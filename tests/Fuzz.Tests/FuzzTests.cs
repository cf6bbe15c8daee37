using System.Globalization;
using Xunit.Abstractions;

namespace Fuzz.Tests;

/// <summary>
/// Bad input never gets a 500 (issue 14 item 8): every write operation of every service, at least 500 generated
/// requests each, through the gateway. Fixed seed under <c>./platform test</c>; <c>./platform fuzz</c> sets
/// PLATFORM_FUZZ_SEED to a random one. PLATFORM_FUZZ_COUNT (≥ 500 in the suite), PLATFORM_FUZZ_OPERATION (one
/// operation, e.g. "PUT /api/city/targets") and PLATFORM_FUZZ_SUMMARY (a file for the summary; by default
/// .platform/test-results/fuzz-summary.txt under ./platform test) tune a run.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    public const int DefaultSeed = 14;

    [Fact]
    public async Task No_generated_request_to_any_write_operation_gets_a_5xx_or_leaves_a_half_write()
    {
        var settings = new FuzzSettings(
            Seed: Number("PLATFORM_FUZZ_SEED") ?? DefaultSeed,
            PerOperation: Math.Max(1, Number("PLATFORM_FUZZ_COUNT") ?? 500),
            Parallelism: Number("PLATFORM_FUZZ_PARALLELISM") ?? 8,
            RequestTimeout: TimeSpan.FromSeconds(20),
            OperationFilter: Environment.GetEnvironmentVariable("PLATFORM_FUZZ_OPERATION") is { Length: > 0 } only ? only : null);

        await using var platform = await PlatformUnderTest.StartAsync(new Dictionary<string, string?>
        {
            // The fuzzer sends thousands of requests a minute from one address and a handful of users; the limits are tested elsewhere.
            ["RateLimiting:PermitsPerSecond"] = "100000",
            ["RateLimiting:Burst"] = "100000",
            ["RateLimiting:SignInPermitsPerMinute"] = "100000",
        });
        var summaryFile = SummaryFile();
        var progress = summaryFile is null ? null : summaryFile + ".progress";
        if (progress is not null) File.Delete(progress);
        var report = await new FuzzRun(platform, settings, line =>
        {
            output.WriteLine(line);
            if (progress is not null) File.AppendAllText(progress, line + Environment.NewLine);
        }).RunAsync();

        output.WriteLine(report.ToString());
        if (summaryFile is not null) await File.WriteAllTextAsync(summaryFile, report.ToString());
        Assert.True(report.Passed, report + Environment.NewLine + platform.Diagnostics());
    }

    /// <summary>PLATFORM_FUZZ_SUMMARY, else .platform/test-results/fuzz-summary.txt when ./platform test made that folder.</summary>
    static string? SummaryFile()
    {
        if (Environment.GetEnvironmentVariable("PLATFORM_FUZZ_SUMMARY") is { Length: > 0 } file) return file;
        var results = Path.Combine(TestEnvironment.RepositoryRoot, ".platform", "test-results");
        return Directory.Exists(results) ? Path.Combine(results, "fuzz-summary.txt") : null;
    }

    static int? Number(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
