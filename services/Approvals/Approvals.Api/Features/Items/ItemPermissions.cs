using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Approvals.Api.Features.Items;

/// <summary>
/// Who may do what to an item the caller can see (an item outside the caller's scope is a 404 before this).
/// An agency (approvals user with an agency claim) decides its own items only; an approvals user without one is the
/// 审批局 coordinator and may act on every item of its region. The applicant side (project office, township) or the
/// assigned agent submits.
/// </summary>
public static class ItemPermissions
{
    public static ProblemHttpResult? MayDecide(CallerScope caller, ChecklistItem item)
    {
        if (!caller.HasRole(BureauRoles.Approvals)) return Problem.Forbidden($"The role {caller.Role} does not decide approvals.");
        if (!caller.CanWrite(item.RegionCode)) return Problem.Forbidden("The item belongs to another region's approval bureau.");
        if (caller.Agency is { } agency && agency != item.Agency)
            return Problem.Create(StatusCodes.Status403Forbidden, "not_your_item", "Forbidden", $"{item.Name} is decided by {item.Agency}, not {agency}.");
        return null;
    }

    public static ProblemHttpResult? MaySubmit(CallerScope caller, ChecklistItem item)
    {
        if (item.Agent is not null && item.Agent == caller.UserName) return null;
        if (caller.HasRole(BureauRoles.ProjectOffice, BureauRoles.Township) && caller.CanWrite(item.RegionCode, item.Township)) return null;
        return Problem.Forbidden("Only the applicant side (the project office or township of the project) or its assigned agent submits.");
    }

    /// <summary>The applicant side picks its agent, or the 审批局 coordinator assigns one of its 帮办 staff.</summary>
    public static ProblemHttpResult? MayAssignAgent(CallerScope caller, ChecklistItem item)
    {
        if (caller.HasRole(BureauRoles.ProjectOffice, BureauRoles.Township) && caller.CanWrite(item.RegionCode, item.Township)) return null;
        if (caller.HasRole(BureauRoles.Approvals) && caller.Agency is null && caller.CanWrite(item.RegionCode)) return null;
        return Problem.Forbidden("Only the applicant side or the approval bureau's coordinator assigns an agent.");
    }
}
