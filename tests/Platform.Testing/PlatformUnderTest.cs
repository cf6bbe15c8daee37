namespace Platform.Testing;

/// <summary>
/// The whole platform as real processes: each service on its own throw-away database, the real broker
/// (the test vhost), and the gateway in front. Tests talk to <see cref="Gateway"/> only.
/// </summary>
public sealed class PlatformUnderTest : IAsyncDisposable
{
    public const string DemoPassword = "Test@Demo2025";

    /// <summary>The services that exist: (gateway cluster name, project name, database prefix or null).</summary>
    public static readonly IReadOnlyList<(string Cluster, string Project, string? Database)> Services =
    [
        ("identity", "Identity.Api", "identity"),
        ("projects", "ProjectLibrary.Api", "projects"),
        ("approvals", "Approvals.Api", "approvals"),
        ("funding", "Funding.Api", "funding"),
        ("statistics", "Statistics.Api", "statistics"),
        ("attraction", "Attraction.Api", "attraction"),
        ("city", "City.Api", "city"),
        ("notifications", "Notifications.Api", "notifications"),
    ];

    readonly List<ServiceProcess> _processes = [];
    readonly List<TestDatabase> _databases = [];

    public Dictionary<string, TestDatabase> Databases { get; } = [];
    public ServiceProcess Gateway { get; private set; } = null!;
    public IReadOnlyList<ServiceProcess> Processes => _processes;

    /// <param name="serviceSettings">Extra settings per service, by gateway cluster name (e.g. "city").</param>
    public static async Task<PlatformUnderTest> StartAsync(IDictionary<string, string?>? gatewaySettings = null,
        IReadOnlyDictionary<string, IDictionary<string, string?>>? serviceSettings = null)
    {
        var platform = new PlatformUnderTest();
        try
        {
            await platform.StartServicesAsync(gatewaySettings ?? new Dictionary<string, string?>(), serviceSettings ?? new Dictionary<string, IDictionary<string, string?>>());
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    async Task StartServicesAsync(IDictionary<string, string?> gatewaySettings, IReadOnlyDictionary<string, IDictionary<string, string?>> serviceSettings)
    {
        var clusterAddresses = new Dictionary<string, string?>();
        // Ports are chosen up front so every service can be told where the others are (Services:{cluster}),
        // as typed HTTP clients between services need.
        var ports = Services.ToDictionary(s => s.Cluster, _ => ServiceProcess.FreePort());
        var gatewayPort = ServiceProcess.FreePort();
        foreach (var (cluster, project, database) in Services)
        {
            var settings = new Dictionary<string, string?>(TestTokens.AuthSettings());
            // Its own broker user, as in production: it may publish only its own context's events.
            foreach (var (k, v) in TestEnvironment.RabbitSettingsFor(cluster)) settings[k] = v;
            settings["Platform:SeedDemoData"] = "true";
            settings["Platform:DemoPassword"] = DemoPassword;
            // Each run gets its own queue names, so a stale consumer from an earlier run never steals messages.
            // They start with "{cluster}-", the only queue names the service's broker user may use.
            settings["Messaging:EndpointPrefix"] = $"{cluster}-{RunId}";
            settings["Messaging:TemporaryQueues"] = "true";
            if (database is not null)
            {
                var db = await TestDatabase.CreateAsync($"e2e_{database}");
                _databases.Add(db);
                Databases[cluster] = db;
                settings["ConnectionStrings:Database"] = db.ConnectionString;
            }
            foreach (var (other, port) in ports) settings[$"Services:{other}"] = $"http://127.0.0.1:{port}/";
            settings["Platform:PublicBaseUrl"] = $"http://127.0.0.1:{gatewayPort}";
            foreach (var (k, v) in serviceSettings.GetValueOrDefault(cluster) ?? new Dictionary<string, string?>()) settings[k] = v;
            var process = ServiceProcess.Start(project, ports[cluster], settings);
            _processes.Add(process);
            clusterAddresses[$"ReverseProxy:Clusters:{cluster}:Destinations:d1:Address"] = process.BaseAddress.ToString();
        }
        await Task.WhenAll(_processes.Select(p => p.WaitUntilReadyAsync(TimeSpan.FromSeconds(90))));

        // Every test client shares one address (127.0.0.1): the per-address budgets would make the tests throttle each other.
        var gateway = new Dictionary<string, string?>(TestTokens.AuthSettings())
        {
            ["RateLimiting:SignInPermitsPerMinute"] = "10000",
            ["RateLimiting:AnonymousPermitsPerSecond"] = "10000",
            ["RateLimiting:AnonymousBurst"] = "10000",
        };
        foreach (var (k, v) in clusterAddresses) gateway[k] = v;
        foreach (var (k, v) in gatewaySettings) gateway[k] = v;
        Gateway = ServiceProcess.Start("Gateway", gatewayPort, gateway);
        _processes.Add(Gateway);
        await Gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
    }

    public static string RunId => TestEnvironment.RunId;

    public HttpClient CreateClient() => new() { BaseAddress = Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public string Diagnostics() =>
        string.Join(Environment.NewLine + Environment.NewLine, _processes.Select(p => $"== {p.Name} ==" + Environment.NewLine + p.RecentOutput(30)));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes) await process.DisposeAsync();
        foreach (var database in _databases) await database.DisposeAsync();
    }
}
