using System.Globalization;
using Microsoft.Extensions.FileProviders;
using Platform.ServiceDefaults.Problems;

namespace Gateway;

/// <summary>
/// Serves the web console (web/dist, built by ./platform) at /, anonymously: the files hold no data, the API
/// behind them checks the token. Client-side routes (/projects/…) fall back to index.html; /api, /health and
/// /openapi never do, so an unknown API path still answers as an API would; a missing file is a 404.
/// </summary>
public static class ConsoleHosting
{
    const string ClientRoute = "{*path:" + ClientRouteConstraint.Name + "}";

    /// <summary>The first path segments the gateway itself or the services answer; never the console.</summary>
    static readonly string[] ServerPrefixes = ["api", "health", "openapi"];

    public static IServiceCollection AddConsoleHosting(this IServiceCollection services) =>
        services.Configure<RouteOptions>(o => o.SetParameterPolicy<ClientRouteConstraint>(ClientRouteConstraint.Name));

    /// <summary>Under /api, /health or /openapi (any case, as routing compares).</summary>
    public static bool IsServerPath(PathString path) =>
        ServerPrefixes.Any(prefix => path.StartsWithSegments("/" + prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A client-side route: outside the server prefixes, and its last segment is not a file name (has no dot).
    /// One pass over the path, where the regex it replaces backtracked quadratically on a path full of dots.
    /// </summary>
    public static bool IsClientRoute(ReadOnlySpan<char> path)
    {
        path = path.TrimStart('/');
        var firstEnd = path.IndexOf('/');
        var first = firstEnd < 0 ? path : path[..firstEnd];
        foreach (var prefix in ServerPrefixes)
            if (first.Equals(prefix, StringComparison.OrdinalIgnoreCase)) return false;
        return !path[(path.LastIndexOf('/') + 1)..].Contains('.');
    }

    sealed class ClientRouteConstraint : IRouteConstraint
    {
        public const string Name = "consoleClientRoute";

        public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
            IsClientRoute(values.TryGetValue(routeKey, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null);
    }

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

    /// <summary>Static files before authorization, so the console loads without a token.</summary>
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
        // A console path that is neither a file nor a client route (/assets/gone.js) is a plain 404, not the 401
        // that authorization's fallback policy would give a request without an endpoint.
        app.Use((context, next) => context.GetEndpoint() is null && !IsServerPath(context.Request.Path)
            ? Problem.Create(StatusCodes.Status404NotFound, "not_found", "Not found", "The web console has no such file.").ExecuteAsync(context)
            : next(context));
        app.Logger.LogInformation("Serving the web console from {Folder}", folder);
        return options;
    }

    public static void MapConsoleFallback(this WebApplication app, StaticFileOptions? options)
    {
        if (options is not null) app.MapFallbackToFile(ClientRoute, "index.html", options).AllowAnonymous();
    }
}
