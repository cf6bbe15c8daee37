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
        Create(StatusCodes.Status404NotFound, "not_found", "Not found", $"{what} {id} was not found.");

    public static ProblemHttpResult Conflict(string code, string detail) =>
        Create(StatusCodes.Status409Conflict, code, "Conflict", detail);

    public static ProblemHttpResult PreconditionFailed(string detail = "The resource was changed by someone else; reload it and apply your change again.") =>
        Create(StatusCodes.Status412PreconditionFailed, "precondition_failed", "Precondition failed", detail);

    public static ProblemHttpResult PreconditionRequired() =>
        Create(StatusCodes.Status428PreconditionRequired, "precondition_required", "Precondition required",
            "Send the ETag you read in an If-Match header.");

    public static ProblemHttpResult Forbidden(string detail) =>
        Create(StatusCodes.Status403Forbidden, "forbidden", "Forbidden", detail);

    public static ProblemHttpResult Unprocessable(string code, string detail) =>
        Create(StatusCodes.Status422UnprocessableEntity, code, "Unprocessable request", detail);

    public static ProblemHttpResult BadRequest(string code, string detail) =>
        Create(StatusCodes.Status400BadRequest, code, "Bad request", detail);

    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors, string? detail = null)
    {
        var problem = new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Validation failed",
            Detail = detail ?? "One or more fields are invalid: " + string.Join(", ", errors.Keys) + ".",
            Type = TypeFor(StatusCodes.Status400BadRequest),
        };
        problem.Extensions["code"] = "validation_failed";
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Create(int status, string code, string title, string detail)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = TypeFor(status) };
        problem.Extensions["code"] = code;
        return TypedResults.Problem(problem);
    }

    static string TypeFor(int status) => $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}";
}
