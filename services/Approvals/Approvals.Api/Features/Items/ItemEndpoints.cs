using Approvals.Api.Features.Calendar;

namespace Approvals.Api.Features.Items;

/// <summary>Worklists: per agency, per status, overdue. Everything scoped to the caller's region.</summary>
public static class ItemEndpoints
{
    public static IEndpointRouteBuilder MapItemEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/approvals", "Checklist items");
        group.MapGet("/items", List).WithSummary("Worklist: items filtered by agency, status, warning, overdue, region, project; paged");
        group.MapGet("/items/{itemId:guid}", Get).WithSummary("One checklist item");
        group.MapGet("/overdue", Overdue).WithSummary("Items past their statutory limit, and 容缺 items whose papers are late; paged");
        return app;
    }

    static async Task<Ok<Paged<ItemResponse>>> List([AsParameters] ItemFilter filter, ApprovalsDb db, CallerScope caller, Deadlines deadlines, CancellationToken ct)
    {
        var items = db.ChecklistItems.AsNoTracking().VisibleTo(caller).Filter(filter, deadlines);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            items = items.Where(i => i.Name.Contains(q) || db.Projects.Any(p => p.ProjectId == i.ProjectId && p.Name.Contains(q)));
        }
        return TypedResults.Ok(await Page(items.Sort(filter.Sort), db, deadlines, filter.Page, filter.PageSize, ct));
    }

    static async Task<Results<Ok<ItemResponse>, ProblemHttpResult>> Get(Guid itemId, ApprovalsDb db, CallerScope caller, Deadlines deadlines, CancellationToken ct)
    {
        var row = await db.ChecklistItems.AsNoTracking().VisibleTo(caller).Where(i => i.Id == itemId)
            .Join(db.Projects, i => i.ProjectId, p => p.ProjectId, (i, p) => new { Item = i, p.Name })
            .FirstOrDefaultAsync(ct);
        return row is null ? Problem.NotFound("Checklist item", itemId) : TypedResults.Ok(ItemResponse.From(row.Item, row.Name, deadlines));
    }

    static async Task<Ok<Paged<ItemResponse>>> Overdue(ApprovalsDb db, CallerScope caller, Deadlines deadlines, string? agency, string? regionCode,
        int? page, int? pageSize, CancellationToken ct)
    {
        var items = db.ChecklistItems.AsNoTracking().VisibleTo(caller).Overdue(deadlines.Today);
        if (agency is not null) items = items.Where(i => i.Agency == agency);
        if (regionCode is not null) items = items.Where(i => i.RegionCode == regionCode);
        return TypedResults.Ok(await Page(items.Sort(null), db, deadlines, page, pageSize, ct));
    }

    static async Task<Paged<ItemResponse>> Page(IQueryable<ChecklistItem> items, ApprovalsDb db, Deadlines deadlines, int? page, int? pageSize, CancellationToken ct)
    {
        var result = await items.Join(db.Projects, i => i.ProjectId, p => p.ProjectId, (i, p) => new { Item = i, p.Name })
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        return new Paged<ItemResponse>(result.Items.Select(r => ItemResponse.From(r.Item, r.Name, deadlines)).ToList(), result.Page, result.PageSize, result.Total);
    }
}
