using System.Text.Json;
using Identity.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Identity.Tests;

/// <summary>
/// Identity has a database and publishes no event: it carries EF Core (through Platform.Data) and no broker client,
/// and its readiness is EF's own database check.
/// </summary>
[Collection(IdentityCollection.Name)]
public sealed class DependencyTests(IdentityFactory factory)
{
    [Fact]
    public void Identity_ships_EF_Core_but_neither_MassTransit_nor_the_messaging_library()
    {
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Identity.Api.deps.json")));
        var libraries = deps.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name.Split('/')[0]).ToList();

        Assert.Contains("Platform.Data", libraries);
        Assert.Contains("Microsoft.EntityFrameworkCore", libraries);
        Assert.DoesNotContain(libraries, l => l.StartsWith("MassTransit", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("Platform.Messaging", libraries);
    }

    [Fact]
    public async Task Readiness_is_EFs_database_check_and_it_is_healthy_on_the_services_database()
    {
        using var warmUp = factory.From(); // the service has started on its database
        var registration = Assert.Single(factory.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations,
            r => r.Name == "database");
        Assert.Contains("ready", registration.Tags);
        await using var scope = factory.Services.CreateAsyncScope();
        var check = registration.Factory(scope.ServiceProvider).GetType();
        Assert.StartsWith("DbContextHealthCheck", check.Name, StringComparison.Ordinal);
        Assert.Equal(typeof(IdentityDb), check.GetGenericArguments().Single());

        var report = await factory.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "database");
        Assert.Equal(HealthStatus.Healthy, report.Entries["database"].Status);
    }
}
