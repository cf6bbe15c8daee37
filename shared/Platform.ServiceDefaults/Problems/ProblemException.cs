using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// A refusal found deep in shared code (paging, input checks) where no result can be returned: <see cref="ExceptionToProblem"/>
/// answers it as the problem it describes. Handlers keep returning <see cref="Problem"/> results instead.
/// </summary>
public sealed class ProblemException(int status, string code, string detail, string? field = null) : Exception(detail)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    /// <summary>The request field at fault (JSON path, query or route name), when known.</summary>
    public string? Field { get; } = field;

    public static ProblemException BadRequest(string code, string detail, string? field = null) =>
        new(StatusCodes.Status400BadRequest, code, detail, field);
}
