using Gateway;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Http;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

// The one entry point: validates tokens, limits rates, forwards the correlation id and the client address, and
// routes /api/{context}/** to each service from configuration. Services validate the token again.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddTrustedProxies();
builder.Services.AddGatewayRateLimiting(builder.Configuration);
builder.Services.AddConsoleHosting();
builder.Services.AddHttpClient(nameof(AggregatedHealth));
builder.Services.AddHealthChecks().AddCheck<AggregatedHealth>("services", tags: ["ready"]);
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddTransforms(context =>
    {
        context.AddClientAddressForwarding();
        context.AddRequestTransform(transform =>
        {
            transform.ProxyRequest.Headers.Remove(CorrelationMiddleware.Header);
            transform.ProxyRequest.Headers.TryAddWithoutValidation(CorrelationMiddleware.Header, Correlation.CurrentId);
            return ValueTask.CompletedTask;
        });
    });

var app = builder.Build();
app.UseTrustedProxies();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<CorrelationMiddleware>();
app.UseAuthentication();
// After authentication (per-user budgets) and before everything that answers or refuses: the console files,
// authorization's 401s and every route are all under a limit.
app.UseRateLimiter();
var console = app.UseConsoleFiles(); // before authorization, so the console loads without a token
app.UseAuthorization();
app.UseImportUploadLimit();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions
{
    Predicate = c => c.Tags.Contains("ready"),
    ResponseWriter = AggregatedHealth.WriteResponse,
}).AllowAnonymous();
app.MapGet("/openapi", (IProxyConfigProvider proxy) => TypedResults.Ok(proxy.GetConfig().Clusters
        .Select(c => new { service = c.ClusterId, document = $"/openapi/{c.ClusterId}.json" })))
    .AllowAnonymous()
    .WithSummary("Every service's OpenAPI document, in one place");
app.MapConsoleFallback(console);
app.MapReverseProxy();
app.Run();

public partial class Program;
