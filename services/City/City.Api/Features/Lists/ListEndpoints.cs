using City.Api.Features.Overview;
using City.Api.Features.Targets;
using Platform.Spreadsheets;

namespace City.Api.Features.Lists;

public sealed record ListFilter(string? Period, string? RegionCode, string? Township, string? Leader, string? Format, int? Page, int? PageSize);

/// <summary>The nine lists (九张清单) at /api/city/lists/{list}: paged JSON, or ?format=xlsx to print.</summary>
public static class ListEndpoints
{
    public static readonly IReadOnlyDictionary<string, ICityList> All = new ICityList[]
    {
        new InvestmentTargetList(), new ReserveTargetList(), new AttractionTargetList(), new LeaderProjectList(), new NotStartedList(),
        new StartedNotIncludedList(), new BehindScheduleList(), new OpenProblemList(), new PreStartApprovalList(),
    }.ToDictionary(l => l.Name);

    public static IEndpointRouteBuilder MapListEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/city/lists", "Lists");
        group.MapGet("/", () => TypedResults.Ok(All.Values.Select(l => new { l.Name, l.Title }))).WithSummary("The nine lists");
        group.MapGet("/{list}", Get).WithSummary("One of the nine lists for a period, in the caller's scope, filtered and paged (?format=xlsx to print)");
        return app;
    }

    static async Task<Results<Ok<Paged<object>>, FileContentHttpResult, ProblemHttpResult>> Get(string list, [AsParameters] ListFilter filter,
        CityDb db, CallerScope caller, TimeProvider clock, CancellationToken ct)
    {
        if (!All.TryGetValue(list, out var definition)) return Problem.NotFound("List", list);
        var errors = new ValidationErrors();
        errors.Required(filter.Period, "period")
            .When(filter.Period is not null && !Period.TryParse(filter.Period, out _), "period", FieldErrors.InvalidPeriod)
            .When(filter.RegionCode is not null && !Regions.IsKnown(filter.RegionCode), "regionCode", FieldErrors.UnknownRegion)
            .When(filter.Format is not null and not "json" and not "xlsx", "format", FieldErrors.OneOf(["json", "xlsx"]).Saying("must be json or xlsx"));
        if (!errors.IsEmpty) return Problem.Validation(errors);
        // Another region's rows are not the caller's to see: filtering for them is a 404, like a record outside scope.
        if (filter.RegionCode is not null && !caller.CanRead(filter.RegionCode, caller.Township)) return Problem.NotFound("Region", filter.RegionCode);

        var request = new ListRequest(db, Period.Parse(filter.Period!), clock.Today(), caller,
            filter.RegionCode, filter.Township, filter.Leader);
        if (filter.Format == "xlsx")
            return TypedResults.File(XlsxWriter.Write(await definition.SheetAsync(request, ct)), OverviewWorkbook.ContentType, $"{list}-{filter.Period}.xlsx");
        return TypedResults.Ok(await definition.PageAsync(request, PageRequest.From(filter.Page, filter.PageSize), ct));
    }
}
