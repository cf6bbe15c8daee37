using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// Turns exceptions that reach the pipeline into problem details: unreadable input is the caller's
/// fault (400), a lost race on a unique key or a row version is a conflict (409), a database outage is
/// 503. Only a genuine bug is 500, and it never leaks internals.
/// </summary>
public sealed class ExceptionToProblem(IProblemDetailsService problems, ILogger<ExceptionToProblem> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, title, detail) = Classify(exception);
        if (status >= 500) logger.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
        else logger.LogInformation("Request refused with {Status} {Code}: {Detail}", status, code, detail);

        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    static (int, string, string, string) Classify(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } =>
            (400, "malformed_request", "Malformed request", DescribeJson(json)),
        BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
            (413, "payload_too_large", "Payload too large", "The request body is too large."),
        BadHttpRequestException bad =>
            (400, "malformed_request", "Malformed request", bad.Message),
        JsonException json =>
            (400, "malformed_request", "Malformed request", DescribeJson(json)),
        DbUpdateConcurrencyException =>
            (409, "concurrent_change", "Conflict", "The record was changed by someone else at the same time; reload and retry."),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg } =>
            (409, "duplicate", "Conflict", $"A record with the same key already exists ({pg.ConstraintName})."),
        NpgsqlException or TimeoutException =>
            (503, "unavailable", "Service unavailable", "The database is not reachable right now; try again shortly."),
        _ => (500, "internal_error", "Internal error", "Something went wrong on our side; it has been logged."),
    };

    static string DescribeJson(JsonException json)
    {
        var path = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "the body" : json.Path.TrimStart('$', '.');
        return $"The request body is not valid JSON for this endpoint at {path}: check the value's type and allowed values.";
    }
}
