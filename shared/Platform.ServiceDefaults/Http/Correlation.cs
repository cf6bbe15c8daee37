using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Http;

/// <summary>
/// The correlation id of the request or message being handled, carried as baggage of the current <see cref="Activity"/>
/// (the trace context). Whatever the work starts (database calls, outgoing HTTP, events written to the outbox, audit
/// rows) sees it without the HTTP side, the messaging side and the data side knowing one another.
/// </summary>
public static class Correlation
{
    /// <summary>The baggage entry (W3C baggage) that holds the id.</summary>
    public const string BaggageKey = "correlation.id";

    const string CarrierName = "Platform.Correlation";

    public static string? CurrentId => Activity.Current?.GetBaggageItem(BaggageKey);

    /// <summary>
    /// Carries <paramref name="id"/> until the returned scope is disposed, which restores the previous id. Where no
    /// activity is running (no listener asked for one) a plain one is started just to carry it, and stopped again.
    /// </summary>
    public static IDisposable Begin(string? id)
    {
        var activity = Activity.Current;
        Activity? carrier = null;
        if (activity is null)
        {
            if (id is null) return NothingToRestore.Instance;
            activity = carrier = new Activity(CarrierName).Start();
        }
        var previous = activity.GetBaggageItem(BaggageKey);
        activity.SetBaggage(BaggageKey, id);
        return new Scope(activity, carrier, previous);
    }

    sealed class Scope(Activity activity, Activity? carrier, string? previous) : IDisposable
    {
        public void Dispose()
        {
            if (carrier is not null) carrier.Stop();
            else activity.SetBaggage(BaggageKey, previous);
        }
    }

    sealed class NothingToRestore : IDisposable
    {
        public static readonly NothingToRestore Instance = new();
        public void Dispose() { }
    }
}

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
        if (Activity.Current is { } request)
        {
            // On the request's own activity and left there: the exception handler and the status pages answer outside
            // this middleware and put the id into their problems too.
            request.SetTag("correlation.id", id).SetBaggage(Correlation.BaggageKey, id);
            await Next(context, id);
        }
        else
        {
            using (Correlation.Begin(id)) await Next(context, id);
        }
    }

    async Task Next(HttpContext context, string id)
    {
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
