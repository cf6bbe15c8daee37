using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;
using Funding.Api;

namespace Funding.Tests;

/// <summary>The SQL migrations define the schema; the EF model must match what they build.</summary>
[Collection(FundingCollection.Name)]
public sealed class SchemaTests(FundingFactory factory)
{
    [Fact]
    public async Task The_EF_model_matches_the_database_the_SQL_migrations_build()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await SchemaDrift.AssertNoneAsync(scope.ServiceProvider.GetRequiredService<FundingDb>());
    }
}
