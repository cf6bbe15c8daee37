using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Data;

namespace Platform.Messaging.Tests;

/// <summary>What AddPlatformMessaging registers so that a service's Program.cs need not repeat it.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public void Adding_messaging_registers_the_outbox_and_inbox_tables_for_the_migration_runner()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.AddPlatformMessaging<TestDbContext>("registration", _ => { });
        using var host = builder.Build();

        var script = Assert.Single(host.Services.GetServices<SqlMigrations.Script>());
        Assert.Equal("0000_messaging", script.Id);
        Assert.Equal(MessagingSchema.Sql, script.Sql);
    }
}
