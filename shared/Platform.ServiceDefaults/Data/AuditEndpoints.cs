using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Http;

namespace Platform.ServiceDefaults.Data;

public sealed record AuditEntryResponse(long Id, DateTimeOffset At, string Actor, string RegionCode, string EntityType,
    string EntityId, string Action, string? Before, string? After, string? CorrelationId);

public static class AuditEndpoints
{
    /// <summary>The service's audit trail at <paramref name="path"/>, filtered and scoped like everything else.</summary>
    public static RouteHandlerBuilder MapAuditTrail<TDb>(this IEndpointRouteBuilder app, string path) where TDb : DbContext =>
        app.MapGet(path, async (TDb db, CallerScope caller, string? entityType, string? entityId, string? actor,
                DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, CancellationToken ct) =>
            {
                var query = db.Set<AuditEntry>().AsNoTracking();
                if (!caller.IsCity) query = query.Where(a => a.RegionCode == caller.RegionCode);
                if (entityType is not null) query = query.Where(a => a.EntityType == entityType);
                if (entityId is not null) query = query.Where(a => a.EntityId == entityId);
                if (actor is not null) query = query.Where(a => a.Actor == actor);
                if (from is not null) query = query.Where(a => a.At >= from);
                if (to is not null) query = query.Where(a => a.At < to);
                var result = await query.OrderByDescending(a => a.Id)
                    .Select(a => new AuditEntryResponse(a.Id, a.At, a.Actor, a.RegionCode, a.EntityType, a.EntityId, a.Action, a.Before, a.After, a.CorrelationId))
                    .ToPageAsync(PageRequest.From(page, pageSize), ct);
                return TypedResults.Ok(result);
            })
            .WithTags("Audit")
            .WithSummary("Who changed what, when, before and after");
}
