using MassTransit;
using Platform.Contracts.Approvals;
using Platform.Contracts.Attraction;
using Platform.Contracts.ProjectLibrary;
using Platform.Contracts.Statistics;
using Platform.Messaging;

namespace ProjectLibrary.Api.Features.Projects;

// What other contexts tell the project library. Each applies once (inbox) and ignores an event older than the
// one already applied (the other aggregate's Version is kept per project), so duplicates and reordering are harmless.

/// <summary>手续完备: every pre-construction procedure is approved, so the project is ready to start.</summary>
public sealed class ApprovalsCompletedConsumer(ProjectsDb db, Actor actor, TimeProvider clock, ILogger<ApprovalsCompletedConsumer> logger)
    : InboxConsumer<ApprovalsCompleted, ProjectsDb>(db)
{
    protected override async Task Handle(ConsumeContext<ApprovalsCompleted> context, CancellationToken ct)
    {
        actor.ActOnEvent<ApprovalsCompleted>();
        var message = context.Message;
        var project = await ProjectConsumption.Find(Db, message.ProjectId, message.RegionCode, logger, ct);
        if (project is null || !project.MarkReadyToStart(message.Version, clock.GetUtcNow())) return;
        ProjectConsumption.PublishUpdated(Db, project);
    }
}

/// <summary>入库纳统: the statistics bureau included the project (with its statistics code when it gave one).</summary>
public sealed class InclusionApprovedConsumer(ProjectsDb db, Actor actor, TimeProvider clock, ILogger<InclusionApprovedConsumer> logger)
    : InboxConsumer<InclusionApproved, ProjectsDb>(db)
{
    protected override async Task Handle(ConsumeContext<InclusionApproved> context, CancellationToken ct)
    {
        actor.ActOnEvent<InclusionApproved>();
        var message = context.Message;
        var project = await ProjectConsumption.Find(Db, message.ProjectId, message.RegionCode, logger, ct);
        if (project is null) return;
        var code = message.StatisticsCode?.Trim();
        // The code is unique in the library: a code another project already holds is not copied (不重不漏 is theirs to sort out).
        if (!string.IsNullOrEmpty(code) && await Db.Projects.AnyAsync(p => p.StatisticsCode == code && p.Id != project.Id, ct))
        {
            logger.LogWarning("Statistics code {Code} for project {ProjectId} is held by another project; inclusion recorded without it", code, project.Id);
            code = null;
        }
        if (!project.MarkIncludedInStatistics(message.Version, code, clock.GetUtcNow())) return;
        ProjectConsumption.PublishUpdated(Db, project);
    }
}

/// <summary>A signed deal was converted into this project: keep the link to the deal.</summary>
public sealed class DealConvertedConsumer(ProjectsDb db, Actor actor, TimeProvider clock, ILogger<DealConvertedConsumer> logger)
    : InboxConsumer<DealConverted, ProjectsDb>(db)
{
    protected override async Task Handle(ConsumeContext<DealConverted> context, CancellationToken ct)
    {
        actor.ActOnEvent<DealConverted>();
        var message = context.Message;
        var project = await ProjectConsumption.Find(Db, message.ProjectId, message.RegionCode, logger, ct);
        if (project is null || !project.LinkDeal(message.DealId, message.Version, clock.GetUtcNow())) return;
        ProjectConsumption.PublishUpdated(Db, project);
    }
}

static class ProjectConsumption
{
    /// <summary>The project the event is about, or null (logged) when it is unknown or of another region.</summary>
    public static async Task<Project?> Find(ProjectsDb db, Guid projectId, string regionCode, ILogger logger, CancellationToken ct)
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null) logger.LogWarning("Event for unknown project {ProjectId} ignored", projectId);
        else if (project.RegionCode != regionCode)
        {
            logger.LogWarning("Event for project {ProjectId} names region {Region}, the project is of {Actual}; ignored", projectId, regionCode, project.RegionCode);
            return null;
        }
        return project;
    }

    public static void PublishUpdated(ProjectsDb db, Project project) =>
        db.AddEvent(new ProjectUpdated { Project = project.ToSnapshot(), Version = project.Version, OccurredAt = project.UpdatedAt });
}
