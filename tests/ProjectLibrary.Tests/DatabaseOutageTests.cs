using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ProjectLibrary.Tests;

/// <summary>
/// The project library whose database commands can be made to fail the way PostgreSQL fails while it restarts, without
/// restarting the PostgreSQL server other tests share: an EF interceptor throws the server's own PostgresException.
/// </summary>
public sealed class FailingDatabaseFactory() : ServiceFactory<Program>("projects_outage")
{
    public FailingCommands Commands { get; } = new();

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?> { ["Platform:SeedDemoData"] = "false" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(Commands));
    }
}

/// <summary>While <see cref="SqlState"/> is set, every command of the service fails with that PostgreSQL error.</summary>
public sealed class FailingCommands : DbCommandInterceptor
{
    public volatile string? SqlState;

    Exception? Failure() => SqlState is { } state
        ? new PostgresException(state switch
        {
            "57P03" => "the database system is starting up",
            "57P01" => "terminating connection due to administrator command",
            "08006" => "connection failure",
            _ => "invalid byte sequence for encoding \"UTF8\": 0x00",
        }, "FATAL", "FATAL", state)
        : null;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        Failure() is { } e ? throw e : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        Failure() is { } e ? throw e : base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        Failure() is { } e ? throw e : base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
}

public sealed class DatabaseOutageTests(FailingDatabaseFactory factory) : IClassFixture<FailingDatabaseFactory>
{
    [Theory]
    [InlineData("57P03")] // the database system is starting up
    [InlineData("57P01")] // terminating connection due to administrator command (shutting down)
    [InlineData("08006")] // connection failure
    public async Task A_write_while_the_database_restarts_is_a_503_with_Retry_After_not_a_500(string sqlState)
    {
        using var office = factory.ClientFor("project-office", "140522");
        var id = await office.CreateProject(Samples.Project());

        factory.Commands.SqlState = sqlState;
        HttpResponseMessage response;
        try
        {
            response = await office.PostJson($"/api/projects/{id}/progress", new { period = "2025-03", completedInvestment = 100m });
        }
        finally
        {
            factory.Commands.SqlState = null;
        }

        await response.ShouldBeProblem(HttpStatusCode.ServiceUnavailable, "unavailable");
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 503 says when to retry");
        // Once the database is back the same write goes through.
        await (await office.PostJson($"/api/projects/{id}/progress", new { period = "2025-03", completedInvestment = 100m })).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_value_the_database_refuses_is_the_callers_400_not_an_outage()
    {
        using var office = factory.ClientFor("project-office", "140522");
        var id = await office.CreateProject(Samples.Project());

        factory.Commands.SqlState = "22021"; // invalid byte sequence for encoding "UTF8": 0x00
        HttpResponseMessage response;
        try
        {
            response = await office.PostJson($"/api/projects/{id}/progress", new { period = "2025-03", completedInvestment = 100m });
        }
        finally
        {
            factory.Commands.SqlState = null;
        }
        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_value");
    }
}
