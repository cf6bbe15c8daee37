using Microsoft.Extensions.DependencyInjection;
using Notifications.Api;

namespace Notifications.Tests;

/// <summary>The SQL migrations define the schema; the EF model must match what they build.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class SchemaTests(NotificationsFactory factory)
{
    [Fact]
    public async Task The_EF_model_matches_the_database_the_SQL_migrations_build()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await SchemaDrift.AssertNoneAsync(scope.ServiceProvider.GetRequiredService<NotificationsDb>());
    }
}
