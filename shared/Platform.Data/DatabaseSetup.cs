using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Platform.ServiceDefaults.Problems;

namespace Platform.Data;

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
        builder.Services.AddHealthChecks().AddDbContextCheck<TDb>("database", tags: ["ready"]);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IExceptionClassifier, DatabaseExceptions>());
        builder.Services.AddOpenTelemetry().WithTracing(t => t.AddNpgsql()).WithMetrics(m => m.AddMeter("Npgsql"));
        return builder;
    }

    /// <summary>
    /// A script that a shared library's tables need (the outbox's, the inbox's), applied by
    /// <see cref="MigrateDatabaseAsync{TDb}"/> after the audit log and before the service's own scripts.
    /// </summary>
    public static IServiceCollection AddSharedMigration(this IServiceCollection services, SqlMigrations.Script script) =>
        services.AddSingleton(script);

    /// <summary>
    /// Applies the SQL migrations of the service (the assembly of <typeparamref name="TDb"/>) after the shared tables:
    /// the audit log's and every <see cref="AddSharedMigration"/>'s.
    /// </summary>
    public static async Task MigrateDatabaseAsync<TDb>(this WebApplication app) where TDb : DbContext
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Migrations");
        var scripts = new[] { new SqlMigrations.Script("0000_audit_log", AuditSchema.Sql) }
            .Concat(scope.ServiceProvider.GetServices<SqlMigrations.Script>());
        await SqlMigrations.MigrateAsync(db, typeof(TDb).Assembly, scripts, logger);
    }
}
