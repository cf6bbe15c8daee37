using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Platform.Testing;

/// <summary>
/// One service in-process (WebApplicationFactory) on its own throw-away PostgreSQL database and the real
/// broker (test vhost, queues prefixed per run). Use as an xunit class or collection fixture.
/// </summary>
public class ServiceFactory<TProgram> : WebApplicationFactory<TProgram>, IAsyncLifetime where TProgram : class
{
    readonly string _databasePrefix;
    public TestDatabase Database { get; private set; } = null!;

    /// <summary>Where the service logs (under .platform/test-results/logs/, named after the factory).</summary>
    public string LogFile { get; }

    public ServiceFactory(string databasePrefix)
    {
        _databasePrefix = databasePrefix;
        LogFile = TestLogs.NewFile(GetType().Name);
    }

    /// <summary>Extra settings a test fixture wants (e.g. a shorter job interval).</summary>
    protected virtual IDictionary<string, string?> Settings() => new Dictionary<string, string?>();

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync(_databasePrefix);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>(TestTokens.AuthSettings())
        {
            ["ConnectionStrings:Database"] = Database.ConnectionString,
            ["Messaging:EndpointPrefix"] = $"{_databasePrefix}-{Guid.NewGuid().ToString("N")[..8]}",
            ["Messaging:TemporaryQueues"] = "true",
        };
        foreach (var (k, v) in TestEnvironment.RabbitSettings()) settings[k] = v;
        foreach (var (k, v) in Settings()) settings[k] = v;
        builder.UseEnvironment("Testing");
        builder.LogToFile(LogFile);
        // UseSetting goes in before Program reads its configuration, so the connection string is seen at startup.
        foreach (var (k, v) in settings) builder.UseSetting(k, v);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
    }

    /// <summary>A client calling as the given role and region, with a token the service trusts.</summary>
    public HttpClient ClientFor(string role, string regionCode, string? township = null, string? agency = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(role, regionCode, township, agency));
        return client;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
