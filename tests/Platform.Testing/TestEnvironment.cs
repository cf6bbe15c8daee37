namespace Platform.Testing;

/// <summary>
/// Where the test infrastructure is. Defaults match infra/setup.sh; CI or a developer can override
/// with environment variables.
/// </summary>
public static class TestEnvironment
{
    public static string PostgresAdmin =>
        Environment.GetEnvironmentVariable("PLATFORM_TEST_PG")
        ?? "Host=127.0.0.1;Port=5432;Username=platform_test;Password=platform-dev-db;Database=postgres";

    public static string RabbitHost => Environment.GetEnvironmentVariable("PLATFORM_TEST_MQ_HOST") ?? "127.0.0.1";
    public static string RabbitVirtualHost => Environment.GetEnvironmentVariable("PLATFORM_TEST_MQ_VHOST") ?? "platform_test";
    public static string RabbitUser => Environment.GetEnvironmentVariable("PLATFORM_TEST_MQ_USER") ?? "platform";
    public static string RabbitPassword => Environment.GetEnvironmentVariable("PLATFORM_TEST_MQ_PASSWORD") ?? "platform-dev-mq";

    /// <summary>The RabbitMq:* settings a service under test gets.</summary>
    public static Dictionary<string, string?> RabbitSettings() => new()
    {
        ["RabbitMq:Host"] = RabbitHost,
        ["RabbitMq:VirtualHost"] = RabbitVirtualHost,
        ["RabbitMq:Username"] = RabbitUser,
        ["RabbitMq:Password"] = RabbitPassword,
    };

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
