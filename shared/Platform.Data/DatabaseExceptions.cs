using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.ServiceDefaults.Problems;
using Answer = Platform.ServiceDefaults.Problems.ExceptionToProblem.Answer;

namespace Platform.Data;

/// <summary>
/// What the database's refusals mean to the caller: a value it refuses is the caller's input (400/422), a lost race on a
/// unique key or a row version is a conflict (409), a database that is starting, stopping or unreachable is 503.
/// </summary>
public sealed class DatabaseExceptions : IExceptionClassifier
{
    public Answer? Classify(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException =>
            new(409, "concurrent_change", "Conflict", "The record was changed by someone else at the same time; reload and retry."),
        _ when Postgres(exception) is { } pg => FromPostgres(pg),
        _ when Unreachable(exception) => ExceptionToProblem.Unavailable(),
        _ => null,
    };

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
            new(400, "required", "Bad request", $"A required value is missing ({pg.ColumnName})."),
        PostgresErrorCodes.CheckViolation =>
            new(422, "constraint_violated", "Unprocessable request", $"A value is outside what the record allows ({pg.ConstraintName})."),
        PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected =>
            new(409, "concurrent_change", "Conflict", "Someone else changed the same records at the same time; retry."),
        { } state when state.StartsWith("22", StringComparison.Ordinal) && state != PostgresErrorCodes.DivisionByZero =>
            new(400, "invalid_value", "Bad request", "A value in the request cannot be stored (out of range, or a character or date the database refuses)."),
        { } state when state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal)
                       || state is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow =>
            ExceptionToProblem.Unavailable(),
        _ => ExceptionToProblem.InternalError(),
    };

    /// <summary>EF wraps provider errors (DbUpdateException, RetryLimitExceededException, InvalidOperationException): look inside.</summary>
    static PostgresException? Postgres(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is PostgresException pg) return pg;
        return null;
    }

    /// <summary>The connection to the database failed (a broken or refused connection), anywhere in the chain.</summary>
    static bool Unreachable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is NpgsqlException) return true;
        return false;
    }
}
