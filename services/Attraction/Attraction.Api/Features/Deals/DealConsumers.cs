using MassTransit;
using Platform.Contracts.ProjectLibrary;
using Platform.Messaging;

namespace Attraction.Api.Features.Deals;

/// <summary>
/// A converted deal's project started: the deal counts as started (同年开工 when in its signing year) and its
/// project's total investment counts as 新开工 planned total investment. Projects that came from no deal are ignored;
/// repeated or older events change nothing (inbox plus the project's version).
/// </summary>
public sealed class ProjectStartedConsumer(AttractionDb db, Actor actor, TimeProvider clock) : InboxConsumer<ProjectStarted, AttractionDb>(db)
{
    protected override async Task Handle(ConsumeContext<ProjectStarted> context, CancellationToken ct)
    {
        actor.ActOnEvent<ProjectStarted>();
        var deal = await Db.Deals.FirstOrDefaultAsync(d => d.ProjectId == context.Message.ProjectId, ct);
        EventRegion.EnsureUnchanged(deal?.RegionCode, context.Message.RegionCode, "Project", context.Message.ProjectId);
        deal?.ApplyStart(context.Message, clock.GetUtcNow());
    }
}
