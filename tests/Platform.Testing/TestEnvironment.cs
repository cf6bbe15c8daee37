namespace Platform.Testing;

/// <summary>
/// Where the test infrastructure is and how to sign in to it. Passwords come from the repository's
/// <c>.platform/secrets.env</c>, written by infra/secrets.sh (run by infra/setup.sh, <c>./platform test</c>);
/// an environment variable of the same name overrides a stored value, as in the scripts.
/// </summary>
public static class TestEnvironment
{
    /// <summary>Connection string of the role platform_test (creates the throw-away databases); PLATFORM_TEST_PG overrides it whole.</summary>
    public static string PostgresAdmin =>
        Environment.GetEnvironmentVariable("PLATFORM_TEST_PG") is { Length: > 0 } pg ? pg
            : $"Host=127.0.0.1;Port=5432;Username=platform_test;Password={Secret("PLATFORM_TEST_DB_PASSWORD")};Database=postgres";

    /// <summary>Unique per test run: queue names and prefixes carry it, so a stale consumer of an earlier run never takes this run's messages.</summary>
    public static readonly string RunId = Guid.NewGuid().ToString("N")[..8];

    public static string RabbitHost => Environment.GetEnvironmentVariable("PLATFORM_TEST_MQ_HOST") ?? "127.0.0.1";
    public static int RabbitPort => int.TryParse(Environment.GetEnvironmentVariable("PLATFORM_TEST_MQ_PORT"), out var port) ? port : 5672;
    public static string RabbitVirtualHost => Environment.GetEnvironmentVariable("PLATFORM_TEST_MQ_VHOST") ?? "platform_test";

    /// <summary>The operator user: full rights on the test vhost, for harness buses that publish or inspect freely. Never a service's.</summary>
    public static string RabbitUser =>
        Environment.GetEnvironmentVariable("PLATFORM_TEST_MQ_USER") is { Length: > 0 } user ? user
            : Environment.GetEnvironmentVariable("PLATFORM_MQ_OPERATOR_USER") is { Length: > 0 } op ? op : "platform";
    public static string RabbitPassword =>
        Environment.GetEnvironmentVariable("PLATFORM_TEST_MQ_PASSWORD") is { Length: > 0 } password ? password
            : Secret("PLATFORM_MQ_OPERATOR_PASSWORD");

    /// <summary>A service's own broker user (named like the service), allowed only what infra/broker-permissions.sh grants it.</summary>
    public static (string User, string Password) ServiceBrokerUser(string service) =>
        (service, Secret("PLATFORM_MQ_PASSWORD_" + EnvName(service)));

    /// <summary>The RabbitMq:* settings of a harness-side bus or an in-process service under test (operator user).</summary>
    public static Dictionary<string, string?> RabbitSettings() => RabbitSettings(RabbitUser, RabbitPassword);

    /// <summary>The RabbitMq:* settings a service process gets: its own broker user, as under <c>./platform up</c>.</summary>
    public static Dictionary<string, string?> RabbitSettingsFor(string service)
    {
        var (user, password) = ServiceBrokerUser(service);
        return RabbitSettings(user, password);
    }

    static Dictionary<string, string?> RabbitSettings(string user, string password) => new()
    {
        ["RabbitMq:Host"] = RabbitHost,
        ["RabbitMq:Port"] = RabbitPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RabbitMq:VirtualHost"] = RabbitVirtualHost,
        ["RabbitMq:Username"] = user,
        ["RabbitMq:Password"] = password,
    };

    /// <summary>A secret by its infra/secrets.sh name: the environment variable if set, else the repository's secrets file.</summary>
    public static string Secret(string key)
    {
        if (Environment.GetEnvironmentVariable(key) is { Length: > 0 } value) return value;
        if (StoredSecrets.Value.TryGetValue(key, out var stored)) return stored;
        throw new InvalidOperationException(
            $"Secret {key} is neither an environment variable nor in {SecretsFile}; run infra/setup.sh (or ./platform test) first.");
    }

    static string SecretsFile =>
        Environment.GetEnvironmentVariable("PLATFORM_SECRETS_FILE") is { Length: > 0 } file ? file
            : Path.Combine(RepositoryRoot, ".platform", "secrets.env");

    static readonly Lazy<Dictionary<string, string>> StoredSecrets = new(() =>
        !File.Exists(SecretsFile) ? []
            : File.ReadLines(SecretsFile)
                .Select(line => line.Split('=', 2))
                .Where(parts => parts.Length == 2)
                .GroupBy(parts => parts[0], StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal));

    /// <summary>As platform_env_name in infra/services.sh: upper case, anything but letters and digits as "_".</summary>
    static string EnvName(string name) =>
        new(name.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());

    /// <summary>The repository root (the folder holding Platform.sln), found from the test's own folder.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Platform.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>debug or release: the configuration the tests themselves were built in.</summary>
    public static string BuildConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}release", StringComparison.OrdinalIgnoreCase) ? "release" : "debug";
}
