using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Platform.Messaging;

namespace Platform.ServiceDefaults.Http;

/// <summary>
/// Every request carries an <c>X-Correlation-Id</c> (taken from the caller or made here). It goes into
/// the log scope, back to the caller, onto outgoing HTTP calls and into every event this request writes,
/// so one user action can be followed across services and messages.
/// </summary>
public sealed class CorrelationMiddleware(RequestDelegate next, ILogger<CorrelationMiddleware> logger)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var id = context.Request.Headers[Header].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64) id = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
        // Set when the response starts, so a proxied response that carries the header too ends with one value.
        context.Response.OnStarting(() => { context.Response.Headers[Header] = id; return Task.CompletedTask; });
        Correlation.CurrentId = id;
        Activity.Current?.SetTag("correlation.id", id);
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
            await next(context);
    }
}

/// <summary>Adds the correlation id and the caller's bearer token to outgoing service-to-service calls.</summary>
public sealed class ForwardingHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Correlation.CurrentId is { } id) request.Headers.TryAddWithoutValidation(CorrelationMiddleware.Header, id);
        var auth = accessor.HttpContext?.Request.Headers.Authorization.FirstOrDefault();
        if (auth is not null && request.Headers.Authorization is null) request.Headers.TryAddWithoutValidation("Authorization", auth);
        return base.SendAsync(request, cancellationToken);
    }
}
