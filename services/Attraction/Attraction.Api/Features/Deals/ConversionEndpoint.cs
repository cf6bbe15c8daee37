using Attraction.Api.Clients;
using Platform.Contracts.Attraction;
using Platform.Messaging;

namespace Attraction.Api.Features.Deals;

/// <summary>The optional body of POST /api/attraction/deals/{id}/convert: what the project library needs beyond the deal.</summary>
public sealed record ConversionInput : IValidatable
{
    /// <summary>The library's category (industry, infrastructure, …); industry when omitted.</summary>
    public string? Category { get; init; }
    /// <summary>The library's nature (new, expansion, …); new when omitted.</summary>
    public string? Nature { get; init; }
    public decimal? AnnualPlannedInvestment { get; init; }
    /// <summary>The plan year; the planned start's year, else the signing year, when omitted.</summary>
    public int? Year { get; init; }
    public string? LeaderInCharge { get; init; }
    public bool? IsPrivateInvestment { get; init; }

    public void Validate(ValidationErrors errors) => errors
        .MaxLength(Category, 30, "category").MaxLength(Nature, 30, "nature")
        .Amount(AnnualPlannedInvestment, "annualPlannedInvestment")
        .Range(Year, 2000, 2100, "year")
        .MaxLength(LeaderInCharge, 50, "leaderInCharge");
}

/// <summary>
/// Converting a signed deal into a project of the project library. This one call is synchronous (a typed
/// client, not an event) because the user waits for the project's id, to open it and to report it; everything
/// downstream (the library's own events, our DealConverted) stays asynchronous.
/// Idempotent: the deal's <see cref="Deal.ConversionKey"/> goes to the library as the project's local number,
/// which the library keeps unique per region. If a first attempt registered the project but failed before we
/// stored the link, the retry gets 409 duplicate_local_number and finds that project instead of creating a second.
/// </summary>
public static class ConversionEndpoint
{
    public static RouteGroupBuilder MapConversionEndpoint(this RouteGroupBuilder deals)
    {
        deals.MapPost("/{id:guid}/convert", Convert)
            .WithSummary("Create the deal's project in the project library and link it; answers with the project's id (a second conversion is 409)");
        return deals;
    }

    static async Task<Results<Created<ConversionResponse>, ProblemHttpResult>> Convert(Guid id, ConversionInput? input, AttractionDb db,
        CallerScope caller, IProjectLibraryClient library, TimeProvider clock, CancellationToken ct)
    {
        var deal = await db.Deals.VisibleTo(caller).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deal is null) return Problem.NotFound("Deal", id);
        if (caller.WriteRefusal(AttractionAccess.Convert, deal.RegionCode) is { } refusal) return refusal;
        if (deal.ProjectId is not null)
            return Problem.Conflict("already_converted", $"The deal was already converted into project {deal.ProjectId}.");
        input ??= new ConversionInput();
        if (input.AnnualPlannedInvestment > deal.Amount)
            return Problem.Unprocessable("annual_plan_above_amount", "The annual planned investment cannot exceed the deal's amount.");

        var registered = LibraryAnswer<LibraryProject>.From(await library.Register(Registration(deal, input), ct));
        Guid projectId;
        if (registered.Value is { } project) projectId = project.Id;
        else if (registered.Status == System.Net.HttpStatusCode.Conflict && registered.Code == "duplicate_local_number")
        {
            // An earlier attempt registered the project: find it by its key instead of creating another one.
            if (await FindEarlierProject(library, deal, ct) is not { } earlier)
                return Problem.Conflict("conversion_unresolved",
                    $"The project library already holds a project numbered {deal.ConversionKey}, but it could not be found by the deal's name; link it by hand.");
            projectId = earlier;
        }
        else if (registered.Unreachable)
            return Problem.Create(StatusCodes.Status503ServiceUnavailable, "project_library_unavailable", "Service unavailable",
                $"The project library did not answer ({registered.Detail}); nothing was changed, try again shortly.");
        else
            return Problem.Unprocessable("project_library_refused", $"The project library refused the project: {registered.Detail}");

        var now = clock.GetUtcNow();
        if (deal.ConvertedInto(projectId, now) is { } illegal) return Problem.Conflict(illegal.Code, illegal.Detail);
        db.AddEvent(new DealConverted
        {
            DealId = deal.Id, ProjectId = projectId, RegionCode = deal.RegionCode, Amount = deal.Amount, SignedOn = deal.SignedOn,
            Version = deal.Version, OccurredAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A concurrent conversion of the same deal won; it linked the same project (same key).
            return Problem.Conflict("already_converted", "The deal was converted at the same time by another request.");
        }
        return TypedResults.Created($"/api/projects/{projectId}", new ConversionResponse(deal.Id, projectId, deal.ConversionKey));
    }

    static LibraryProjectRegistration Registration(Deal deal, ConversionInput input)
    {
        var investors = string.Join("、", deal.Investors.Select(i => i.Name));
        var description = $"招商引资签约项目（签约日期 {deal.SignedOn:yyyy-MM-dd}，投资方：{investors}）";
        return new LibraryProjectRegistration(
            Name: deal.Name, RegionCode: deal.RegionCode, Category: input.Category ?? "industry", Nature: input.Nature ?? "new",
            Industry: deal.Industry, Description: description.Length > 4000 ? description[..4000] : description,
            TotalInvestment: deal.Amount, AnnualPlannedInvestment: input.AnnualPlannedInvestment ?? 0m,
            Year: input.Year ?? deal.PlannedStartOn?.Year ?? deal.SignedOn.Year, PlannedStartDate: deal.PlannedStartOn,
            IsPrivateInvestment: input.IsPrivateInvestment ?? false, LeaderInCharge: input.LeaderInCharge, LocalNumber: deal.ConversionKey);
    }

    /// <summary>The project registered under the deal's key, searched by name (the library's free-text filter).</summary>
    static async Task<Guid?> FindEarlierProject(IProjectLibraryClient library, Deal deal, CancellationToken ct)
    {
        for (var page = 1; page <= 10; page++)
        {
            var answer = LibraryAnswer<LibraryProjectPage>.From(await library.Search(deal.Name, page, 200, ct));
            if (answer.Value is not { } found) return null;
            if (found.Items.FirstOrDefault(p => p.LocalNumber == deal.ConversionKey && p.RegionCode == deal.RegionCode) is { } match) return match.Id;
            if (page * found.PageSize >= found.Total) return null;
        }
        return null;
    }
}
