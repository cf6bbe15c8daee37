using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Problems;

namespace Platform.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>Everything a platform web service shares. Call first in Program.cs.</summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.Logging.AddJsonConsole(o => { o.IncludeScopes = true; o.UseUtcTimestamp = true; });

        builder.Services.Configure<JsonOptions>(o => Json.ConfigureForRequests(o.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions.TryAdd("code", DefaultCode(ctx.ProblemDetails.Status));
            if (Correlation.CurrentId is { } id) ctx.ProblemDetails.Extensions["correlationId"] = id;
        });
        builder.Services.AddExceptionHandler<ExceptionToProblem>();
        builder.Services.AddHttpContextAccessor();
        // One clock for every service; a test replaces it with a fake one (registered after this, or instead of it).
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.Services.AddPlatformAuthentication(builder.Configuration);
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks();

        builder.Services.AddOpenTelemetry()
            .WithTracing(t => t
                .AddSource(builder.Environment.ApplicationName)
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddMeter("Microsoft.AspNetCore.Hosting", "System.Net.Http")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        // Export only where a collector is configured (OTEL_EXPORTER_OTLP_ENDPOINT), e.g. in production.
        if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            builder.Services.AddOpenTelemetry().WithTracing(t => t.AddOtlpExporter()).WithMetrics(m => m.AddOtlpExporter());
        return builder;
    }

    /// <summary>The shared middleware and endpoints: problems, correlation, auth, health, OpenAPI.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<CorrelationMiddleware>();
        app.UseAuthentication();
        app.UsePasswordChangeGate();
        app.UseAuthorization();
        app.UseMiddleware<RequestTextMiddleware>();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }

    /// <summary>A route group whose requests are validated (<see cref="IValidatable"/>) before the handler runs.</summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup(prefix).WithTags(tag).AddEndpointFilter<ValidationFilter>();

    static string DefaultCode(int? status) => status switch
    {
        400 => "bad_request",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        412 => "precondition_failed",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        422 => "unprocessable",
        429 => "too_many_requests",
        503 => "unavailable",
        _ => "error",
    };
}
