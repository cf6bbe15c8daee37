using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Notifications.Api.Features.Inbox;

public sealed class NotificationOptions
{
    /// <summary>Seconds between heartbeat comments, which keep proxies from closing an idle stream.</summary>
    public int HeartbeatSeconds { get; set; } = 15;
}

/// <summary>The live stream: Server-Sent Events of the caller's new notifications, fed by <see cref="NotificationFeed"/>.</summary>
static class NotificationStream
{
    public static async Task Run(HttpContext http, CallerScope caller, NotificationFeed feed, IOptions<NotificationOptions> options,
        IOptions<JsonOptions> json, IHostApplicationLifetime lifetime, CancellationToken requestAborted)
    {
        // Ends with the client, or when the service stops (an open stream must not hold up shutdown).
        using var open = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        var ct = open.Token;
        using var subscription = feed.Subscribe(); // before the first byte, so nothing stored after the client connected is missed
        var mine = Notification.AddressedTo(caller).Compile();
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no"; // tells any buffering proxy in front to pass events through at once
        var heartbeat = TimeSpan.FromSeconds(Math.Max(1, options.Value.HeartbeatSeconds));
        try
        {
            await http.Response.WriteAsync(": connected\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
            while (!ct.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                wait.CancelAfter(heartbeat);
                Notification? next = null;
                try
                {
                    if (await subscription.Reader.WaitToReadAsync(wait.Token)) subscription.Reader.TryRead(out next);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    await http.Response.WriteAsync(": heartbeat\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    continue;
                }
                if (next is null || !mine(next)) continue;
                var data = JsonSerializer.Serialize(NotificationResponse.From(next, null), json.Value.SerializerOptions);
                await http.Response.WriteAsync($"id: {next.Id}\nevent: notification\ndata: {data}\n\n", ct);
                await http.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the client went away, or the service is stopping
        }
    }
}
