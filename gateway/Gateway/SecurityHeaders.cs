namespace Gateway;

/// <summary>
/// Browser protections on what the gateway answers, set as the response starts so they also cover files,
/// refusals (404, 429) and proxied answers: no content sniffing anywhere, and for the console a content security
/// policy that allows only its own origin, no framing (X-Frame-Options for browsers without frame-ancestors)
/// and no referrer outside the site.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// What the console (web/, Vite + React + antd + echarts) needs: its own scripts and API only. Styles need
    /// 'unsafe-inline': index.html has an inline style block, antd injects its CSS-in-JS as style elements, and
    /// React and echarts set style attributes. Images and fonts may be data:/blob: URLs (icons, chart exports).
    /// </summary>
    public const string ConsolePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary><c>Console:ContentSecurityPolicy</c> replaces <see cref="ConsolePolicy"/> where a deployment needs more.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var policy = app.Configuration["Console:ContentSecurityPolicy"] is { Length: > 0 } configured ? configured : ConsolePolicy;
        app.Use((context, next) =>
        {
            var console = !ConsoleHosting.IsServerPath(context.Request.Path); // before any rewrite to /index.html
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                if (console)
                {
                    headers.ContentSecurityPolicy = policy;
                    headers.XFrameOptions = "DENY";
                    headers["Referrer-Policy"] = "same-origin";
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
