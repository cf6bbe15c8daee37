namespace Approvals.Api.Features.Items;

/// <summary>
/// Who may do what to an item the caller can see (an item outside the caller's scope is a 404 before this).
/// An agency (approvals user with an agency claim) decides its own items only; an approvals user without one is the
/// 审批局 coordinator and may act on every item of its region. The applicant side (project office, township) or the
/// assigned agent submits.
/// </summary>
public static class ItemPermissions
{
    /// <summary>The approval bureau of the item's region (its agencies, its coordinator) decides.</summary>
    public static readonly WriteRule Decide = new("decide approvals", BureauRoles.Approvals);

    /// <summary>The applicant side: the project office, or the township of the project.</summary>
    static readonly WriteRule Apply = new("submit for a project (the applicant side or its assigned agent does)", BureauRoles.ProjectOffice, BureauRoles.Township);

    public static ProblemHttpResult? MayDecide(CallerScope caller, ChecklistItem item) =>
        caller.WriteRefusal(Decide, item.RegionCode)
        ?? (caller.Agency is { } agency && agency != item.Agency
            ? Problem.Create(StatusCodes.Status403Forbidden, "not_your_item", "Forbidden", $"{item.Name} is decided by {item.Agency}, not {agency}.")
            : null);

    public static ProblemHttpResult? MaySubmit(CallerScope caller, ChecklistItem item) =>
        item.Agent is not null && item.Agent == caller.UserName ? null : caller.WriteRefusal(Apply, item.RegionCode, item.Township);

    /// <summary>The applicant side picks its agent, or the 审批局 coordinator assigns one of its 帮办 staff.</summary>
    public static ProblemHttpResult? MayAssignAgent(CallerScope caller, ChecklistItem item)
    {
        if (caller.WriteRefusal(Apply, item.RegionCode, item.Township) is null) return null;
        if (caller.Agency is null && caller.WriteRefusal(Decide, item.RegionCode) is null) return null;
        return Problem.Forbidden("Only the applicant side or the approval bureau's coordinator assigns an agent.");
    }
}
