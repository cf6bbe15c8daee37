using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults.Problems;

namespace Attraction.Tests;

/// <summary>The shared If-Match rule every service's writes go through.</summary>
public sealed class IfMatchTests
{
    static HttpRequest Request(params string[] ifMatch)
    {
        var context = new DefaultHttpContext();
        if (ifMatch.Length > 0) context.Request.Headers.IfMatch = ifMatch;
        return context.Request;
    }

    static int? Status(HttpRequest request, bool required) => IfMatch.Check(request, "\"3\"", required)?.StatusCode;

    [Fact]
    public void A_missing_header_is_428_where_required_and_passes_where_optional()
    {
        Assert.Equal(StatusCodes.Status428PreconditionRequired, Status(Request(), required: true));
        Assert.Null(Status(Request(), required: false));
    }

    [Fact]
    public void A_stale_etag_is_412_whether_required_or_optional()
    {
        Assert.Equal(StatusCodes.Status412PreconditionFailed, Status(Request("\"2\""), required: true));
        Assert.Equal(StatusCodes.Status412PreconditionFailed, Status(Request("\"2\""), required: false));
    }

    [Fact]
    public void The_current_etag_or_a_star_passes()
    {
        Assert.Null(Status(Request("\"3\""), required: true));
        Assert.Null(Status(Request("\"2\"", "\"3\""), required: true));
        Assert.Null(Status(Request("*"), required: true));
        Assert.Null(Status(Request("*"), required: false));
    }
}
