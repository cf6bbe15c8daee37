using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// Optimistic concurrency on writes: the client sends back the ETag it read. Plain edits require it (428 without);
/// transitions that are checked against the current state anyway only honour it when sent. <c>*</c> matches any version.
/// </summary>
public static class IfMatch
{
    /// <summary>Null when the request may go on, else the 428 (required and missing) or 412 (stale) to answer.</summary>
    public static ProblemHttpResult? Check(HttpRequest request, string etag, bool required)
    {
        var ifMatch = request.Headers.IfMatch;
        if (ifMatch.Count == 0) return required ? Problem.PreconditionRequired() : null;
        return ifMatch.Contains(etag) || ifMatch.Contains("*") ? null : Problem.PreconditionFailed();
    }
}
