using Approvals.Api.Features.Catalogue;
using Approvals.Api.Features.Checklists;
using Approvals.Api.Features.Items;

namespace Approvals.Api.Features;

/// <summary>
/// /api/approvals/audit: the catalogue, which everyone signed in reads; checklists and their items as
/// <see cref="RegionalScope.VisibleTo"/> and the checklist endpoint scope them (the county, a township user its township).
/// Items are deleted when a checklist is rebuilt, so the scope is read from each entry's own record.
/// </summary>
public static class ApprovalsAudit
{
    public static readonly AuditTrailPolicy<ApprovalsDb> Policy = new AuditTrailPolicy<ApprovalsDb>()
        .Entity<Procedure>((entries, _, caller) => AuditScope.Everyone(entries, caller))
        .Entity<ProjectView>((entries, _, caller) => AuditScope.RegionAndTownship(entries, caller))
        .Entity<ChecklistItem>((entries, _, caller) => AuditScope.RegionAndTownship(entries, caller));
}
