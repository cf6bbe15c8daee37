using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.Auth;

/// <summary>Marks the one endpoint a must-change-password token may call (POST /api/identity/me/password).</summary>
public sealed class AllowedDuringPasswordChange;

/// <summary>
/// A token carrying <see cref="PlatformClaims.PasswordChange"/> (first administrator, password reset by an
/// admin) opens nothing but the endpoints marked <see cref="AllowedDuringPasswordChange"/>: everything else
/// answers 403 <c>password_change_required</c>. A middleware rather than a policy, so that endpoints with
/// their own authorization policy are covered too.
/// </summary>
public static class PasswordChangeGate
{
    public const string Code = "password_change_required";

    public static TBuilder AllowDuringPasswordChange<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AllowedDuringPasswordChange());

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var endpoint = context.GetEndpoint();
        if (context.User.FindFirst(PlatformClaims.PasswordChange)?.Value != "true"
            || endpoint?.Metadata.GetMetadata<AllowedDuringPasswordChange>() is not null
            || endpoint?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "Password change required",
            Detail = "This password was set by someone else: change it (POST /api/identity/me/password), then sign in again.",
            Type = "https://www.rfc-editor.org/rfc/rfc9110#status.403",
        };
        problem.Extensions["code"] = Code;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    });
}
