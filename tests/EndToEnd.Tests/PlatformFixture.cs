using System.Net.Http.Json;
using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>One running platform shared by every end-to-end test class (starting it takes seconds).</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public PlatformUnderTest Platform { get; private set; } = null!;

    public async Task InitializeAsync() => Platform = await PlatformUnderTest.StartAsync(serviceSettings: ServiceSettings);

    /// <summary>Small limits, so paging and refusals are tested with a few rows rather than thousands.</summary>
    public static readonly IReadOnlyDictionary<string, IDictionary<string, string?>> ServiceSettings = new Dictionary<string, IDictionary<string, string?>>
    {
        ["city"] = new Dictionary<string, string?> { ["Oc4ids:PageSize"] = "4" },
        ["statistics"] = new Dictionary<string, string?> { ["Spreadsheets:MaxSharedStrings"] = "1000" },
        // A back-off long enough that a test's next attempt falls inside it however slow the machine (the default 1 s is not).
        ["identity"] = new Dictionary<string, string?> { ["Identity:Throttle:FirstDelay"] = "00:01:00" },
    };

    public async Task DisposeAsync() => await Platform.DisposeAsync();

    public HttpClient Anonymous() => Platform.CreateClient();

    /// <summary>A client signed in through the gateway as a seeded demo account, e.g. project-office@140522.</summary>
    public async Task<HttpClient> SignedInAs(string userName)
    {
        var client = Platform.CreateClient();
        return client.WithToken(await TokenFor(client, userName, PlatformUnderTest.DemoPassword));
    }

    public static async Task<string> TokenFor(HttpClient client, string userName, string password)
    {
        var response = await client.PostAsJsonAsync("/api/identity/token", new { username = userName, password });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"sign-in as {userName} failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
