using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// Why a domain rule refused a change: a stable code, words for people, and the answer's status —
/// 409 when the record's state forbids the change (the default), 422 when the input breaks a rule.
/// </summary>
public sealed record Refusal(string Code, string Detail, int Status = StatusCodes.Status409Conflict)
{
    public static Refusal Conflict(string code, string detail) => new(code, detail);

    public static Refusal Rule(string code, string detail) => new(code, detail, StatusCodes.Status422UnprocessableEntity);

    public bool IsConflict => Status == StatusCodes.Status409Conflict;

    public ProblemHttpResult ToProblem() => IsConflict ? Problem.Conflict(Code, Detail) : Problem.Unprocessable(Code, Detail);
}
