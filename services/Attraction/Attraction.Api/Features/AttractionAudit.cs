using Attraction.Api.Features.Deals;
using Attraction.Api.Features.Enterprises;
using Attraction.Api.Features.Leads;

namespace Attraction.Api.Features;

/// <summary>
/// /api/attraction/audit, read like the records (<see cref="RegionalScope.VisibleTo"/>): a county's own, the city's
/// all, and nothing for a township user, who gets 403 rather than enterprise contacts, deals and leads of its county.
/// </summary>
public static class AttractionAudit
{
    public static readonly AuditTrailPolicy<AttractionDb> Policy = new AuditTrailPolicy<AttractionDb>()
        .Entity<Enterprise>(CountyRecords, AttractionAccess.ReadsAttraction)
        .Entity<Lead>(CountyRecords, AttractionAccess.ReadsAttraction)
        .Entity<LeadContact>(CountyRecords, AttractionAccess.ReadsAttraction)
        .Entity<Deal>(CountyRecords, AttractionAccess.ReadsAttraction)
        .Entity<Commitment>(CountyRecords, AttractionAccess.ReadsAttraction)
        .Entity<FundsArrival>(CountyRecords, AttractionAccess.ReadsAttraction);

    static IQueryable<AuditEntry> CountyRecords(IQueryable<AuditEntry> entries, AttractionDb _, Platform.ServiceDefaults.Auth.CallerScope caller) =>
        AuditScope.Region(entries, caller);
}
