using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Data;

public static class DatabaseSetup
{
    /// <summary>
    /// The service's own database (connection string "Database"): snake_case names, the audit
    /// interceptor and every other <see cref="IInterceptor"/> registered in DI (the outbox's wake-up signal).
    /// </summary>
    public static IHostApplicationBuilder AddPlatformDbContext<TDb>(this IHostApplicationBuilder builder) where TDb : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString("Database")
            ?? throw new InvalidOperationException("ConnectionStrings:Database is not configured.");
        builder.Services.AddScoped<Actor>();
        builder.Services.AddScoped<IInterceptor, AuditInterceptor>();
        builder.Services.AddDbContext<TDb>((sp, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(0))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<TDb>>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>Applies the SQL migrations of the service (its entry assembly) plus the shared tables.</summary>
    public static async Task MigrateDatabaseAsync<TDb>(this WebApplication app, params SqlMigrations.Script[] sharedScripts) where TDb : DbContext
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Migrations");
        var scripts = new[] { new SqlMigrations.Script("0000_audit_log", AuditSchema.Sql) }.Concat(sharedScripts);
        await SqlMigrations.MigrateAsync(db, typeof(TDb).Assembly, scripts, logger);
    }
}

sealed class DatabaseHealthCheck<TDb>(TDb db) : IHealthCheck where TDb : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database is not reachable.");
}
