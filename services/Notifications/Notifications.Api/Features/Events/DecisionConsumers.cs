using Notifications.Api.Features.Projects;
using Platform.Contracts.Funding;
using Platform.Contracts.Statistics;

namespace Notifications.Api.Features.Events;

// Decisions other bureaus take on a project: the county office that runs the project and its township hear of them.

public sealed class InclusionApprovedConsumer(NotificationsDb db, Actor actor, TimeProvider clock) : NotifyingConsumer<InclusionApproved>(db, actor, clock)
{
    protected override string RegionOf(InclusionApproved m) => m.RegionCode;
    protected override Guid? ProjectOf(InclusionApproved m) => m.ProjectId;
    protected override NotificationDraft Draft(InclusionApproved m, KnownProject? project, string projectName) =>
        new(NotificationKinds.InclusionApproved, $"{projectName}已入库纳统", $"/projects/{m.ProjectId}", m.RegionCode, project?.Township,
            m.ProjectId, m.InclusionId, [Recipients.CountyOffice(m.RegionCode), .. Recipients.TownshipOf(project)]);
}

public sealed class FundingApprovedConsumer(NotificationsDb db, Actor actor, TimeProvider clock) : NotifyingConsumer<FundingApproved>(db, actor, clock)
{
    protected override string RegionOf(FundingApproved m) => m.RegionCode;
    protected override Guid? ProjectOf(FundingApproved m) => m.ProjectId;
    protected override NotificationDraft Draft(FundingApproved m, KnownProject? project, string projectName) =>
        new(NotificationKinds.FundingApproved, $"{projectName}的{m.Year}年资金申请已批准：{m.ApprovedAmount:0.##}万元",
            $"/funding/applications/{m.ApplicationId}", m.RegionCode, project?.Township, m.ProjectId, m.ApplicationId,
            [Recipients.CountyOffice(m.RegionCode), Recipients.Bureau(BureauRoles.Funding, m.RegionCode), .. Recipients.TownshipOf(project)]);
}
