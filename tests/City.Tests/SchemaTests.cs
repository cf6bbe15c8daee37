using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;
using City.Api;

namespace City.Tests;

/// <summary>The SQL migrations define the schema; the EF model must match what they build.</summary>
[Collection(CityCollection.Name)]
public sealed class SchemaTests(CityFactory factory)
{
    [Fact]
    public async Task The_EF_model_matches_the_database_the_SQL_migrations_build()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await SchemaDrift.AssertNoneAsync(scope.ServiceProvider.GetRequiredService<CityDb>());
    }
}
