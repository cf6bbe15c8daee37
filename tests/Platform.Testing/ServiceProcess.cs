using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Platform.Testing;

/// <summary>
/// One real service process (the built dll run with <c>dotnet</c>), on a free port, with its output kept
/// so a failing test can show what the service said.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    readonly Process _process;
    readonly ConcurrentQueue<string> _output = new();
    readonly StreamWriter _log;
    bool _logClosed; // the process can still print while it is being stopped

    public string Name { get; }
    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    ServiceProcess(string name, int port, Process process)
    {
        Name = name;
        Port = port;
        _process = process;
        // Everything the process says goes to its own file (the test run's console stays for results).
        LogFile = TestLogs.NewFile($"{name}-{port}");
        _log = new StreamWriter(new FileStream(LogFile, FileMode.Create, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
    }

    /// <summary>The file under .platform/test-results/logs/ with all of the process's output.</summary>
    public string LogFile { get; }

    public static ServiceProcess Start(string projectName, int port, IDictionary<string, string?> environment)
    {
        var dll = Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "bin", projectName, TestEnvironment.BuildConfiguration, projectName + ".dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build {projectName} first (dotnet build Platform.sln).", dll);
        var info = new ProcessStartInfo("dotnet", $"\"{dll}\"")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_CONTENTROOT"] = info.WorkingDirectory;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Platform"] = "Information";
        foreach (var (key, value) in environment) info.Environment[key.Replace(":", "__")] = value;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var service = new ServiceProcess(projectName, port, process);
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    void Keep(string? line)
    {
        if (line is null) return;
        lock (_log) if (!_logClosed) _log.WriteLine(line);
        _output.Enqueue(line);
        while (_output.Count > 400) _output.TryDequeue(out _);
    }

    public string RecentOutput(int lines = 60) => string.Join(Environment.NewLine, _output.TakeLast(lines));

    public bool HasExited => _process.HasExited;

    /// <summary>Waits until /health/ready answers 200, or fails with the service's own output.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) break;
            try
            {
                using var response = await http.GetAsync("health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        throw new InvalidOperationException($"{Name} did not become ready on port {Port} (log: {LogFile}):{Environment.NewLine}{RecentOutput()}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
        lock (_log)
        {
            _logClosed = true;
            _log.Dispose();
        }
    }
}
