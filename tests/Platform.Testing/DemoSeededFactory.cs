namespace Platform.Testing;

/// <summary>
/// A service with its demo seeds on (<c>Platform:SeedDemoData</c>), on a database of its own, retrying a waiting seed
/// every 0.2 s so a test sees it finish as soon as what it builds on has arrived.
/// </summary>
public class DemoSeededFactory<TProgram>(string databasePrefix) : ServiceFactory<TProgram>(databasePrefix) where TProgram : class
{
    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Platform:SeedDemoData"] = "true",
        ["Platform:DemoSeed:RetryInterval"] = "00:00:00.2",
    };
}
