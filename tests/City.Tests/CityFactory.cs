using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace City.Tests;

/// <summary>
/// The city service in-process on its own database. The broker is MassTransit's in-memory test harness: the
/// city consumes every context's events, and on the shared test broker it would also receive the events other
/// test runs publish, which would move the totals these tests assert.
/// </summary>
public class CityFactory() : ServiceFactory<Program>("city_tests")
{
    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?> { ["Platform:SeedDemoData"] = "true" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddMassTransitTestHarness());
    }

    public HttpClient City(string role = "city-hq") => ClientFor(role, "140500");
}

[CollectionDefinition(Name)]
public sealed class CityCollection : ICollectionFixture<CityFactory>
{
    public const string Name = "city service";
}
