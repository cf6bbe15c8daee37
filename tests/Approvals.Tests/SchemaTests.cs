using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;
using Approvals.Api;

namespace Approvals.Tests;

/// <summary>The SQL migrations define the schema; the EF model must match what they build.</summary>
[Collection(ApprovalsCollection.Name)]
public sealed class SchemaTests(ApprovalsFactory factory)
{
    [Fact]
    public async Task The_EF_model_matches_the_database_the_SQL_migrations_build()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await SchemaDrift.AssertNoneAsync(scope.ServiceProvider.GetRequiredService<ApprovalsDb>());
    }
}
