using System.Globalization;
using System.Text.Json;
using City.Api.Features.ReadModels;
using Platform.Contracts.Attraction;

namespace City.Api.Features.Feed;

public sealed record FeedItem(long Position, string Type, string RegionCode, Guid? ProjectId, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, JsonElement Data);

/// <summary>One page of the feed. Pass <c>Next</c> back as <c>?after=</c>; it stays put when nothing new has arrived.</summary>
public sealed record FeedPage(IReadOnlyList<FeedItem> Items, string Next, bool HasMore);

public static class FeedEndpoints
{
    public const int DefaultLimit = 100, MaxLimit = 1000;

    public static IEndpointRouteBuilder MapFeedEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/city", "Feeds");
        group.MapGet("/feed", Get).WithSummary("Ordered change feed of every event the city applied, resumable by cursor (?after=)");
        group.MapGet("/projects.oc4ids", Oc4ids.Export).WithSummary("The projects in the caller's scope as an OC4IDS project package");
        return app;
    }

    static async Task<Results<Ok<FeedPage>, ProblemHttpResult>> Get(string? after, int? limit, string? regionCode, CityDb db, CallerScope caller, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        long cursor = 0;
        errors.When(after is not null && (!long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out cursor) || cursor < 0),
                "after", FieldErrors.InvalidCursor("must be a cursor this feed returned (a non-negative whole number)"))
            .When(limit is < 1 or > MaxLimit, "limit", FieldErrors.OutOfRange(1, MaxLimit));
        if (!errors.IsEmpty) return Problem.Validation(errors);
        if (regionCode is not null && !caller.CanRead(regionCode, caller.Township)) return Problem.NotFound("Region", regionCode);

        var take = limit ?? DefaultLimit;
        var query = VisibleTo(db.Journal.AsNoTracking().Where(e => e.Position > cursor), db, caller);
        if (regionCode is not null) query = query.Where(e => e.RegionCode == regionCode);
        var rows = await query.OrderBy(e => e.Position).Take(take + 1).ToListAsync(ct);
        var items = rows.Take(take).Select(e => new FeedItem(e.Position, e.EventType, e.RegionCode, e.ProjectId, e.OccurredAt, e.RecordedAt,
            JsonDocument.Parse(e.Body).RootElement.Clone())).ToList();
        var next = items.Count > 0 ? items[^1].Position : cursor;
        return TypedResults.Ok(new FeedPage(items, next.ToString(CultureInfo.InvariantCulture), rows.Count > take));
    }

    /// <summary>The investment promotion centre's events: its records belong to a county, and a township reads none of them.</summary>
    static readonly string[] AttractionEvents = [nameof(DealSigned), nameof(DealConverted), nameof(FundsArrived)];

    /// <summary>
    /// The feed shows what the caller may read elsewhere. A county reads its county's events (every county role reads its
    /// deals and funding). A township reads the events of its own township's projects (their funding included, as the
    /// funding service shows them), and no deal events. An event names a region, not a township, so the township is the
    /// project's as the city knows it now.
    /// </summary>
    static IQueryable<JournalEntry> VisibleTo(IQueryable<JournalEntry> events, CityDb db, CallerScope caller)
    {
        if (caller.IsCity) return events;
        events = events.Where(e => e.RegionCode == caller.RegionCode);
        if (caller.Township is not { } township) return events;
        var projects = db.ProjectViews.AsNoTracking()
            .Where(p => p.RegionCode == caller.RegionCode && p.Township == township).Select(p => p.ProjectId);
        return events.Where(e => e.ProjectId != null && projects.Contains(e.ProjectId.Value) && !AttractionEvents.Contains(e.EventType));
    }
}
