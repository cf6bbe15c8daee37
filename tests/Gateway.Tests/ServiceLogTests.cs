using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Gateway.Tests;

/// <summary>The test run's console shows results only: a service under test logs to its own file.</summary>
public sealed class ServiceLogTests(ConsoleTests.Host host) : IClassFixture<ConsoleTests.Host>
{
    [Fact]
    public async Task A_service_under_test_logs_to_its_file_under_test_results_and_not_to_the_console()
    {
        var marker = $"log-marker-{Guid.NewGuid():N}";
        using var client = host.CreateClient(); // starts the host

        host.Services.GetRequiredService<ILogger<ServiceLogTests>>().LogWarning("{Marker}", marker);

        Assert.DoesNotContain(host.Services.GetServices<ILoggerProvider>(), p => p is ConsoleLoggerProvider);
        Assert.Equal(TestLogs.Directory, Path.GetDirectoryName(host.LogFile));
        await using var file = new FileStream(host.LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var logged = await new StreamReader(file).ReadToEndAsync();
        Assert.Contains(marker, logged);
    }
}
