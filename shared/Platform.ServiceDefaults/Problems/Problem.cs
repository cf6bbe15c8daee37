using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// RFC 9457 problem details with a stable machine-readable <c>code</c> and a human <c>detail</c>.
/// Integrators switch on <c>code</c>; the wording of <c>detail</c> may change.
/// </summary>
public static class Problem
{
    public static ProblemHttpResult NotFound(string what, object id) =>
        Create(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Not found", $"{what} {id} was not found.");

    public static ProblemHttpResult Conflict(string code, string detail) =>
        Create(StatusCodes.Status409Conflict, code, "Conflict", detail);

    public static ProblemHttpResult PreconditionFailed(string detail = "The resource was changed by someone else; reload it and apply your change again.") =>
        Create(StatusCodes.Status412PreconditionFailed, ErrorCodes.PreconditionFailed, "Precondition failed", detail);

    public static ProblemHttpResult PreconditionRequired() =>
        Create(StatusCodes.Status428PreconditionRequired, ErrorCodes.PreconditionRequired, "Precondition required",
            "Send the ETag you read in an If-Match header.");

    public static ProblemHttpResult Forbidden(string detail) =>
        Create(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Forbidden", detail);

    public static ProblemHttpResult Unprocessable(string code, string detail) =>
        Create(StatusCodes.Status422UnprocessableEntity, code, "Unprocessable request", detail);

    public static ProblemHttpResult BadRequest(string code, string detail) =>
        Create(StatusCodes.Status400BadRequest, code, "Bad request", detail);

    /// <summary>
    /// 400 listing every wrong field twice: <c>errors</c> (field → English messages, as clients have always read it) and
    /// <c>fieldErrors</c> (field, stable code, parameters), which the console turns into Chinese.
    /// </summary>
    public static ProblemHttpResult Validation(ValidationErrors errors, string? detail = null)
    {
        var messages = errors.ToDictionary();
        var problem = new HttpValidationProblemDetails(messages)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Validation failed",
            Detail = detail ?? "One or more fields are invalid: " + string.Join(", ", messages.Keys) + ".",
            Type = TypeFor(StatusCodes.Status400BadRequest),
        };
        problem.Extensions["code"] = ErrorCodes.ValidationFailed;
        problem.Extensions["fieldErrors"] = errors.All.Select(e => new FieldErrorAnswer(e.Field, e.Error.Code, e.Error.Params)).ToList();
        return TypedResults.Problem(problem);
    }

    /// <summary>One wrong field.</summary>
    public static ProblemHttpResult Validation(string field, FieldError error) => Validation(new ValidationErrors().Add(field, error));

    public static ProblemHttpResult Create(int status, string code, string title, string detail)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = TypeFor(status) };
        problem.Extensions["code"] = code;
        return TypedResults.Problem(problem);
    }

    static string TypeFor(int status) => $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}";
}

/// <summary>An entry of a validation problem's <c>fieldErrors</c>: <c>{"field":"name","code":"max_length","params":{"max":200}}</c>.</summary>
public sealed record FieldErrorAnswer(
    string Field,
    string Code,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyDictionary<string, object>? Params);
