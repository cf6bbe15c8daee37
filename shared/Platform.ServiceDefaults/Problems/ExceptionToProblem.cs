using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.ServiceDefaults.Http;

namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// Turns exceptions that reach the pipeline into problem details: unreadable input is the caller's fault (400), a value
/// the database refuses is too (400/422), a lost race on a unique key or a row version is a conflict (409), a database
/// that is starting, stopping or unreachable is 503 with Retry-After. Only a genuine bug is 500, and it never leaks internals.
/// </summary>
public sealed class ExceptionToProblem(IProblemDetailsService problems, ILogger<ExceptionToProblem> logger) : IExceptionHandler
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

    public static Answer Classify(Exception exception) => exception switch
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
        DbUpdateConcurrencyException =>
            new(409, "concurrent_change", "Conflict", "The record was changed by someone else at the same time; reload and retry."),
        _ when Postgres(exception) is { } pg => FromPostgres(pg),
        _ when Unreachable(exception) => Unavailable(),
        _ => new(500, "internal_error", "Internal error", "Something went wrong on our side; it has been logged."),
    };

    static Answer FromText(RequestTextException text) => BadRequest(text.Code,
        $"{FieldOf(text)} {text.Reason}.", FieldOf(text));

    /// <summary>The JSON path of the refused value, e.g. <c>targets[0]</c> or <c>investors[1].name</c>.</summary>
    static string FieldOf(RequestTextException text)
    {
        var parent = string.IsNullOrEmpty(text.Path) ? "" : text.Path.TrimStart('$').TrimStart('.');
        return parent.Length == 0 ? text.Field : $"{parent}.{text.Field}";
    }

    /// <summary>
    /// PostgreSQL's own refusals. Class 08 (connection), 57P01–57P03 (shutting down, starting up) and 53 (out of
    /// connections or memory) are outages: 503. A value it cannot store (class 22: NUL in text, out-of-range number, bad
    /// date) slipped past validation and is the caller's input: 400. A reference to a row that does not exist (23503)
    /// is 422; a duplicate key (23505) 409; a serialization failure or deadlock (40001, 40P01) a conflict to retry.
    /// </summary>
    static Answer FromPostgres(PostgresException pg) => pg.SqlState switch
    {
        PostgresErrorCodes.UniqueViolation =>
            new(409, "duplicate", "Conflict", $"A record with the same key already exists ({pg.ConstraintName})."),
        PostgresErrorCodes.ForeignKeyViolation =>
            new(422, "reference_not_found", "Unprocessable request", "The request refers to a record that does not exist."),
        PostgresErrorCodes.NotNullViolation =>
            BadRequest("required", $"A required value is missing ({pg.ColumnName})."),
        PostgresErrorCodes.CheckViolation =>
            new(422, "constraint_violated", "Unprocessable request", $"A value is outside what the record allows ({pg.ConstraintName})."),
        PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected =>
            new(409, "concurrent_change", "Conflict", "Someone else changed the same records at the same time; retry."),
        { } state when state.StartsWith("22", StringComparison.Ordinal) && state != PostgresErrorCodes.DivisionByZero =>
            BadRequest("invalid_value", "A value in the request cannot be stored (out of range, or a character or date the database refuses)."),
        { } state when state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal)
                       || state is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow =>
            Unavailable(),
        _ => new(500, "internal_error", "Internal error", "Something went wrong on our side; it has been logged."),
    };

    static Answer Unavailable() =>
        new(503, "unavailable", "Service unavailable", "The database is not reachable right now; try again shortly.");

    /// <summary>EF wraps provider errors (DbUpdateException, RetryLimitExceededException, InvalidOperationException): look inside.</summary>
    static PostgresException? Postgres(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is PostgresException pg) return pg;
        return null;
    }

    /// <summary>The connection itself failed: a socket error, a timeout, a broken or refused connection.</summary>
    static bool Unreachable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is NpgsqlException or TimeoutException or SocketException) return true;
        return false;
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
