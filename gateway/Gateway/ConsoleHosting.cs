using Microsoft.Extensions.FileProviders;

namespace Gateway;

/// <summary>
/// Serves the web console (web/dist, built by ./platform) at /, anonymously: the files hold no data, the API
/// behind them checks the token. Client-side routes (/projects/…) fall back to index.html; /api, /health and
/// /openapi never do, so an unknown API path still answers as an API would.
/// </summary>
public static class ConsoleHosting
{
    /// <summary>Any path outside the API, health and OpenAPI prefixes whose last segment is not a file name.</summary>
    const string ClientRoute = @"{*path:regex(^(?!(api|health|openapi)(/|$))(?!.*\.[^/]*$).*$)}";

    /// <summary>
    /// <c>Console:Path</c> (default web/dist): absolute, or relative to <c>PLATFORM_ROOT</c>, or to the nearest
    /// folder above the content root that has it (the repository when run from artifacts/bin/Gateway/…).
    /// </summary>
    public static string? FindConsole(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration["Console:Path"] ?? Path.Combine("web", "dist");
        if (Path.IsPathRooted(configured)) return HasIndex(configured) ? configured : null;
        if (configuration["PLATFORM_ROOT"] is { Length: > 0 } root && HasIndex(Path.Combine(root, configured)))
            return Path.GetFullPath(Path.Combine(root, configured));
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
            if (HasIndex(Path.Combine(dir.FullName, configured))) return Path.Combine(dir.FullName, configured);
        return null;
    }

    static bool HasIndex(string folder) => File.Exists(Path.Combine(folder, "index.html"));

    /// <summary>Static files before authentication, so the console loads without a token.</summary>
    public static StaticFileOptions? UseConsoleFiles(this WebApplication app)
    {
        var folder = FindConsole(app.Configuration, app.Environment.ContentRootPath);
        if (folder is null)
        {
            app.Logger.LogWarning("Web console not found (Console:Path, default web/dist); build it with ./platform up or npm run build in web/");
            return null;
        }
        var files = new PhysicalFileProvider(folder);
        var options = new StaticFileOptions
        {
            FileProvider = files,
            // Hashed bundles never change; index.html must be re-read so a new build is picked up.
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl =
                ctx.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache",
        };
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(options);
        app.Logger.LogInformation("Serving the web console from {Folder}", folder);
        return options;
    }

    public static void MapConsoleFallback(this WebApplication app, StaticFileOptions? options)
    {
        if (options is not null) app.MapFallbackToFile(ClientRoute, "index.html", options).AllowAnonymous();
    }
}
