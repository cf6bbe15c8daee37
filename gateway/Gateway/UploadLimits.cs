using Microsoft.AspNetCore.Http.Features;

namespace Gateway;

/// <summary>
/// Kestrel's 30 MB request limit suits every route but the spreadsheet imports, which the project library takes up to
/// 64 MB (a county's whole library as xlsx). Raised for that one route only; the service still checks its own limit.
/// </summary>
public static class UploadLimits
{
    public const long ImportBytes = 65L * 1024 * 1024;

    public static IApplicationBuilder UseImportUploadLimit(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/api/projects/imports")
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = ImportBytes;
        return next(context);
    });
}
