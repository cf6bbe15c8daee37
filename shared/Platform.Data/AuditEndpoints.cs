using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Problems;

namespace Platform.Data;

public sealed record AuditEntryResponse(long Id, DateTimeOffset At, string Actor, string RegionCode, string EntityType,
    string EntityId, string Action, string? Before, string? After, string? CorrelationId);

public static class AuditEndpoints
{
    /// <summary>
    /// The service's audit trail at <paramref name="path"/>: an entry is readable only by a caller who may read its record,
    /// as <paramref name="policy"/> says for each entity type. A caller who reads none of the types gets 403, like a
    /// list its role may not see; a type the caller may not read is left out, not counted, even when asked for by name.
    /// </summary>
    public static RouteHandlerBuilder MapAuditTrail<TDb>(this IEndpointRouteBuilder app, string path, AuditTrailPolicy<TDb> policy) where TDb : DbContext =>
        app.MapGet(path, async Task<Results<Ok<Paged<AuditEntryResponse>>, ProblemHttpResult>> (TDb db, CallerScope caller, string? entityType,
                string? entityId, string? actor, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, CancellationToken ct) =>
            {
                if (!policy.IsReadableBy(caller)) return Problem.Forbidden($"The role {caller.Role} cannot read this audit trail.");
                var query = db.Set<AuditEntry>().AsNoTracking();
                if (entityId is not null) query = query.Where(a => a.EntityId == entityId);
                if (actor is not null) query = query.Where(a => a.Actor == actor);
                if (from is not null) query = query.Where(a => a.At >= from);
                if (to is not null) query = query.Where(a => a.At < to);
                var result = await policy.Readable(query, db, caller, entityType).OrderByDescending(a => a.Id)
                    .Select(a => new AuditEntryResponse(a.Id, a.At, a.Actor, a.RegionCode, a.EntityType, a.EntityId, a.Action, a.Before, a.After, a.CorrelationId))
                    .ToPageAsync(PageRequest.From(page, pageSize), ct);
                return TypedResults.Ok(result);
            })
            .WithTags("Audit")
            .WithSummary("Who changed what, when, before and after: the entries of the records the caller may read");
}
