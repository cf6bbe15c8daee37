using Approvals.Api.Features.Calendar;

namespace Approvals.Api.Features.Items;

/// <summary>Filters of the worklist GET /api/approvals/items, bound from the query string.</summary>
public sealed record ItemFilter(
    string? Agency, string? Status, bool? Overdue, string? Warning, string? RegionCode, Guid? ProjectId, string? Code,
    string? Agent, bool? RequiredBeforeStart, string? Q, string? Sort, int? Page, int? PageSize) : IValidatable
{
    public static readonly string[] Warnings = ["dueSoon", "overdue", "commitmentOverdue"];

    /// <summary>The status filter as written in the API (camelCase, e.g. acceptedWithDeficiency); null when absent or unknown.</summary>
    public ItemStatus? StatusValue => QueryEnum.Parse<ItemStatus>(Status);

    public void Validate(ValidationErrors errors) => errors
        .Enum<ItemStatus>(Status, "status")
        .When(Warning is not null && !Warnings.Contains(Warning), "warning", FieldErrors.OneOf(Warnings))
        .When(RegionCode is not null && !Regions.IsKnown(RegionCode), "regionCode", FieldErrors.UnknownRegion)
        .MaxLength(Q, 100, "q");
}

public static class ItemQueries
{
    /// <summary>Statutory limit passed while under review, or 容缺 papers not supplied by the promised day.</summary>
    public static IQueryable<ChecklistItem> Overdue(this IQueryable<ChecklistItem> items, DateOnly today) =>
        items.Where(i => (i.Status == ItemStatus.Accepted && i.DueDate < today)
            || (i.Status == ItemStatus.AcceptedWithDeficiency && i.CommitDueDate < today));

    public static IQueryable<ChecklistItem> Filter(this IQueryable<ChecklistItem> q, ItemFilter f, Deadlines deadlines)
    {
        var today = deadlines.Today;
        if (f.Agency is not null) q = q.Where(i => i.Agency == f.Agency);
        if (f.StatusValue is { } status) q = q.Where(i => i.Status == status);
        if (f.RegionCode is not null) q = q.Where(i => i.RegionCode == f.RegionCode);
        if (f.ProjectId is not null) q = q.Where(i => i.ProjectId == f.ProjectId);
        if (f.Code is not null) q = q.Where(i => i.ProcedureCode == f.Code);
        if (f.Agent is not null) q = q.Where(i => i.Agent == f.Agent);
        if (f.RequiredBeforeStart is not null) q = q.Where(i => i.RequiredBeforeStart == f.RequiredBeforeStart);
        if (f.Overdue == true) q = q.Overdue(today);
        if (f.Overdue == false)
            q = q.Where(i => !((i.Status == ItemStatus.Accepted && i.DueDate < today) || (i.Status == ItemStatus.AcceptedWithDeficiency && i.CommitDueDate < today)));
        var dueSoonUntil = deadlines.DueSoonUntil;
        q = f.Warning switch
        {
            "overdue" => q.Where(i => i.Status == ItemStatus.Accepted && i.DueDate < today),
            "dueSoon" => q.Where(i => i.Status == ItemStatus.Accepted && i.DueDate >= today && i.DueDate <= dueSoonUntil),
            "commitmentOverdue" => q.Where(i => i.Status == ItemStatus.AcceptedWithDeficiency && i.CommitDueDate < today),
            _ => q,
        };
        return q;
    }

    public static IQueryable<ChecklistItem> Sort(this IQueryable<ChecklistItem> q, string? sort) => sort switch
    {
        "-updatedAt" => q.OrderByDescending(i => i.UpdatedAt).ThenBy(i => i.Id),
        "code" => q.OrderBy(i => i.ProcedureCode).ThenBy(i => i.Id),
        "createdAt" => q.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id),
        _ => q.OrderBy(i => i.DueDate == null).ThenBy(i => i.DueDate).ThenBy(i => i.CreatedAt).ThenBy(i => i.Id),
    };
}
