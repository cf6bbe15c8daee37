using Funding.Api.Features.Applications;
using Funding.Api.Features.Programmes;
using Funding.Api.Features.Projects;

namespace Funding.Api.Features;

/// <summary>
/// /api/funding/audit, each type scoped by the query its own endpoints use: projects and applications of the county
/// (a township user its township), their transfers with them, and the programmes the caller may apply to.
/// </summary>
public static class FundingAudit
{
    public static readonly AuditTrailPolicy<FundingDb> Policy = new AuditTrailPolicy<FundingDb>()
        .Entity<KnownProject>((entries, db, caller) => entries.OfRecords(db.Projects.VisibleTo(caller).Select(p => p.Id)))
        .Entity<Programme>((entries, db, caller) => entries.OfRecords(db.Programmes.VisibleTo(caller).Select(p => p.Id)))
        .Entity<FundingApplication>((entries, db, caller) => entries.OfRecords(db.Applications.VisibleTo(caller).Select(a => a.Id)))
        .Entity<FundingTransfer>((entries, db, caller) => entries.OfRecords(
            db.Transfers.Where(t => db.Applications.VisibleTo(caller).Any(a => a.Id == t.ApplicationId)).Select(t => t.Id)));
}
