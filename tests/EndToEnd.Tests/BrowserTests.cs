using System.Diagnostics;
using System.Net;
using System.Text;

namespace EndToEnd.Tests;

/// <summary>
/// The web console (web/, built by ./platform into web/dist) as the gateway serves it, and driven in Debian's
/// chromium by web/e2e/console.e2e.mjs: log in, create a project, report progress, see it in the city overview.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BrowserTests(PlatformFixture fixture)
{
    static readonly string Root = TestEnvironment.RepositoryRoot;
    static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task The_gateway_serves_the_console_at_the_root_and_its_routes_to_anonymous_visitors()
    {
        AssertConsoleBuilt();
        using var client = fixture.Anonymous();

        foreach (var path in new[] { "/", "/projects/0195f3a0-0000-7000-8000-000000000000", "/city/lists" })
        {
            var response = await client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}: {html}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<div id=\"root\">", html);
        }
    }

    [Fact]
    public async Task Api_and_missing_asset_paths_never_fall_back_to_the_console_page()
    {
        AssertConsoleBuilt();
        using var client = fixture.Anonymous();

        var api = await client.GetAsync("/api/no-such-context/things");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.NotEqual("text/html", api.Content.Headers.ContentType?.MediaType);

        var asset = await client.GetAsync("/assets/no-such-file.js");
        Assert.NotEqual(HttpStatusCode.OK, asset.StatusCode);
    }

    [Fact]
    public async Task A_person_logs_in_creates_a_project_reports_progress_and_the_city_sees_it_in_a_real_browser()
    {
        AssertConsoleBuilt();
        const string chromium = "/usr/bin/chromium";
        Assert.True(File.Exists(chromium), $"{chromium} is missing: the browser tests need Debian's chromium (bash infra/chromium.sh installs it).");
        var script = Path.Combine(Root, "web", "e2e", "console.e2e.mjs");
        Assert.True(Directory.Exists(Path.Combine(Root, "web", "node_modules", "playwright-core")),
            "web/node_modules/playwright-core is missing: run npm ci in web/ (./platform test does).");

        var (exitCode, output) = await RunAsync("node", [script, fixture.Platform.Gateway.BaseAddress.ToString(), PlatformUnderTest.DemoPassword]);

        Assert.True(exitCode == 0, $"console.e2e.mjs exited with {exitCode}:{Environment.NewLine}{output}{Environment.NewLine}{fixture.Platform.Diagnostics()}");
        Assert.Contains("PASS console e2e", output);
    }

    static void AssertConsoleBuilt() =>
        Assert.True(File.Exists(Path.Combine(Root, "web", "dist", "index.html")),
            "web/dist/index.html is missing: build the console (./platform test runs npm ci and npm run build in web/).");

    /// <summary>Runs a process with a deadline, keeping everything it printed; kills it (and its browser) when late.</summary>
    static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["SCREENSHOTS_DIR"] = Path.Combine(Root, ".platform", "screenshots");

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (output) output.AppendLine($"(killed after {ScriptTimeout.TotalMinutes} minutes)");
            return (-1, output.ToString());
        }
        lock (output) return (process.ExitCode, output.ToString());
    }
}
