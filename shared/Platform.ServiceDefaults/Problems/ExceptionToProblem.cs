using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Http;

namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// Turns exceptions that reach the pipeline into problem details: unreadable input is the caller's fault (400), and so
/// is what an <see cref="IExceptionClassifier"/> says of its library's errors (the database's: Platform.Data); a timeout
/// or a refused connection is 503 with Retry-After. Only a genuine bug is 500, and it never leaks internals.
/// </summary>
public sealed class ExceptionToProblem(IProblemDetailsService problems, IEnumerable<IExceptionClassifier> classifiers,
    ILogger<ExceptionToProblem> logger) : IExceptionHandler
{
    /// <summary>Seconds a client waits before retrying when the database is unavailable (a restart takes a few seconds).</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var answer = Classify(exception);
        if (answer.Status >= 500 && answer.Status != StatusCodes.Status503ServiceUnavailable)
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
        else if (answer.Status == StatusCodes.Status503ServiceUnavailable)
            logger.LogWarning(exception, "Database unavailable on {Method} {Path}", context.Request.Method, context.Request.Path);
        else logger.LogInformation("Request refused with {Status} {Code}: {Detail}", answer.Status, answer.Code, answer.Detail);

        context.Response.StatusCode = answer.Status;
        if (answer.Status == StatusCodes.Status503ServiceUnavailable)
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var problem = new ProblemDetails { Status = answer.Status, Title = answer.Title, Detail = answer.Detail };
        problem.Extensions["code"] = answer.Code;
        if (answer.Field is not null) problem.Extensions["field"] = answer.Field;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    public sealed record Answer(int Status, string Code, string Title, string Detail, string? Field = null);

    static Answer BadRequest(string code, string detail, string? field = null) => new(400, code, "Bad request", detail, field);

    public Answer Classify(Exception exception) => exception switch
    {
        ProblemException p => new(p.Status, p.Code, Title(p.Status), p.Message, p.Field),
        BadHttpRequestException { InnerException: RequestTextException text } => FromText(text),
        RequestTextException text => FromText(text),
        BadHttpRequestException { InnerException: JsonException json } =>
            new(400, "malformed_request", "Malformed request", DescribeJson(json)),
        BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
            new(413, "payload_too_large", "Payload too large", "The request body is too large."),
        BadHttpRequestException bad =>
            new(400, "malformed_request", "Malformed request", bad.Message),
        JsonException json =>
            new(400, "malformed_request", "Malformed request", DescribeJson(json)),
        // Thrown by the framework's multipart and body readers (our own files are read through System.IO, not these).
        InvalidDataException or IOException when FromAspNetCore(exception) =>
            new(400, "malformed_request", "Malformed request", "The request body could not be read: " + exception.Message),
        _ when classifiers.Select(c => c.Classify(exception)).FirstOrDefault(a => a is not null) is { } known => known,
        _ when Unreachable(exception) => Unavailable(),
        _ => InternalError(),
    };

    public static Answer InternalError() =>
        new(500, "internal_error", "Internal error", "Something went wrong on our side; it has been logged.");

    public static Answer Unavailable() =>
        new(503, "unavailable", "Service unavailable", "The database is not reachable right now; try again shortly.");

    /// <summary>The connection itself failed: a socket error or a timeout, anywhere in the chain.</summary>
    static bool Unreachable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is TimeoutException or SocketException) return true;
        return false;
    }

    static Answer FromText(RequestTextException text) => BadRequest(text.Code,
        $"{FieldOf(text)} {text.Reason}.", FieldOf(text));

    /// <summary>The JSON path of the refused value, e.g. <c>targets[0]</c> or <c>investors[1].name</c>.</summary>
    static string FieldOf(RequestTextException text)
    {
        var parent = string.IsNullOrEmpty(text.Path) ? "" : text.Path.TrimStart('$').TrimStart('.');
        return parent.Length == 0 ? text.Field : $"{parent}.{text.Field}";
    }

    static bool FromAspNetCore(Exception exception) =>
        exception.TargetSite?.DeclaringType?.Namespace?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true;

    static string Title(int status) => status switch
    {
        400 => "Bad request",
        404 => "Not found",
        409 => "Conflict",
        413 => "Payload too large",
        415 => "Unsupported media type",
        422 => "Unprocessable request",
        503 => "Service unavailable",
        _ => "Error",
    };

    static string DescribeJson(JsonException json)
    {
        var path = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "the body" : json.Path.TrimStart('$', '.');
        return $"The request body is not valid JSON for this endpoint at {path}: check the value's type and allowed values.";
    }
}
