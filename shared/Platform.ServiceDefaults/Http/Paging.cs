using Platform.ServiceDefaults.Problems;

namespace Platform.ServiceDefaults.Http;

/// <summary>One page of a list, with the total so a console can show "第 2 页，共 37 条".</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>Paging parameters every list accepts: <c>?page=1&amp;pageSize=20</c> (at most 200 a page).</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// The deepest row a page may start at. Beyond it a page is 400 <c>page_out_of_range</c>: no list of a county's or the
    /// city's campaign comes near 100,000 rows, and an OFFSET that deep makes PostgreSQL read and drop every row before it
    /// (page=2147483647 even overflowed the offset and was answered as a database outage). Exports read in one go instead.
    /// </summary>
    public const int MaxOffset = 100_000;

    public static PageRequest From(int? page, int? pageSize)
    {
        var request = new PageRequest(Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, MaxPageSize));
        if ((long)(request.Page - 1) * request.PageSize > MaxOffset)
            throw ProblemException.BadRequest("page_out_of_range",
                $"page {request.Page} of {request.PageSize} rows starts past row {MaxOffset:N0}, the deepest a list pages; narrow the filter.", "page");
        return request;
    }

    public int Skip => (Page - 1) * PageSize;
}
