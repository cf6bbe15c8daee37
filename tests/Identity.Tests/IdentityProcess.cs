using System.Diagnostics;

namespace Identity.Tests;

/// <summary>Runs the built identity service as a real process (as ./platform and containers do) and waits for it to exit.</summary>
static class IdentityProcess
{
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(IDictionary<string, string> environment, params string[] args)
    {
        var dll = Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "bin", "Identity.Api", TestEnvironment.BuildConfiguration, "Identity.Api.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["ASPNETCORE_CONTENTROOT"] = info.WorkingDirectory;
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ServiceProcess.FreePort()}";
        foreach (var (key, value) in environment) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Identity.Api {string.Join(' ', args)} did not exit: {await output} {await errors}");
        }
        return (process.ExitCode, await output, await errors);
    }
}
