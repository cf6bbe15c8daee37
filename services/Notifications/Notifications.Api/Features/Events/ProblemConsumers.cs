using Notifications.Api.Features.Inbox;
using Notifications.Api.Features.Projects;
using Platform.Contracts.ProjectLibrary;

namespace Notifications.Api.Features.Events;

// The problem loop (发现-交办-销号): the county office that holds a county problem, the township of its project, and
// city-hq once the problem is a 市级/省级事权 one.

static class ProblemRules
{
    public static string Link(Guid projectId, Guid problemId) => $"/projects/{projectId}/problems/{problemId}";

    public static bool IsAboveCounty(string level) => level is "city" or "provincial";

    /// <summary>Who holds a problem of this level: the county office and the project's township, and city-hq above county.</summary>
    public static List<Recipient> Holders(string region, string level, KnownProject? project)
    {
        List<Recipient> recipients = [Recipients.CountyOffice(region), .. Recipients.TownshipOf(project)];
        if (IsAboveCounty(level)) recipients.Add(Recipients.CityHq);
        return recipients;
    }

    /// <summary>Who reviews a close request (审核销号): the level that assigned the problem.</summary>
    public static List<Recipient> Reviewers(string region, string level) => IsAboveCounty(level) ? [Recipients.CityHq] : [Recipients.CountyOffice(region)];

    /// <summary>Who handles the problem: the county office and the project's township.</summary>
    public static List<Recipient> Handlers(string region, KnownProject? project) => [Recipients.CountyOffice(region), .. Recipients.TownshipOf(project)];

    public static NotificationDraft Draft(string kind, string title, Guid problemId, Guid projectId, string region, KnownProject? project,
        List<Recipient> recipients) =>
        new(kind, title, Link(projectId, problemId), region, project?.Township, projectId, problemId, recipients);
}

public sealed class ProblemRaisedConsumer(NotificationsDb db, Actor actor, TimeProvider clock) : NotifyingConsumer<ProblemRaised>(db, actor, clock)
{
    protected override string RegionOf(ProblemRaised m) => m.RegionCode;
    protected override Guid? ProjectOf(ProblemRaised m) => m.ProjectId;
    protected override NotificationDraft Draft(ProblemRaised m, KnownProject? project, string projectName) =>
        ProblemRules.Draft(NotificationKinds.ProblemRaised, $"{projectName}发现新问题：{m.Title}", m.ProblemId, m.ProjectId, m.RegionCode, project,
            ProblemRules.Holders(m.RegionCode, m.Level, project));
}

public sealed class ProblemAssignedConsumer(NotificationsDb db, Actor actor, TimeProvider clock) : NotifyingConsumer<ProblemAssigned>(db, actor, clock)
{
    protected override string RegionOf(ProblemAssigned m) => m.RegionCode;
    protected override Guid? ProjectOf(ProblemAssigned m) => m.ProjectId;
    protected override NotificationDraft Draft(ProblemAssigned m, KnownProject? project, string projectName) =>
        ProblemRules.Draft(NotificationKinds.ProblemAssigned, $"{projectName}的问题已交办{m.Department}，请于{m.DueDate:yyyy-MM-dd}前办结",
            m.ProblemId, m.ProjectId, m.RegionCode, project, ProblemRules.Handlers(m.RegionCode, project));
}

public sealed class ProblemEscalatedConsumer(NotificationsDb db, Actor actor, TimeProvider clock) : NotifyingConsumer<ProblemEscalated>(db, actor, clock)
{
    protected override string RegionOf(ProblemEscalated m) => m.RegionCode;
    protected override Guid? ProjectOf(ProblemEscalated m) => m.ProjectId;
    protected override NotificationDraft Draft(ProblemEscalated m, KnownProject? project, string projectName) =>
        ProblemRules.Draft(NotificationKinds.ProblemEscalated,
            $"{projectName}的问题已{(m.Automatic ? "逾期自动" : "")}升级为{LevelName(m.Level)}事权", m.ProblemId, m.ProjectId, m.RegionCode, project,
            ProblemRules.Holders(m.RegionCode, m.Level, project));

    static string LevelName(string level) => level switch { "provincial" => "省级", "city" => "市级", _ => "县级" };
}

public sealed class ProblemClosedConsumer(NotificationsDb db, Actor actor, TimeProvider clock) : NotifyingConsumer<ProblemClosed>(db, actor, clock)
{
    protected override string RegionOf(ProblemClosed m) => m.RegionCode;
    protected override Guid? ProjectOf(ProblemClosed m) => m.ProjectId;
    protected override NotificationDraft Draft(ProblemClosed m, KnownProject? project, string projectName) =>
        ProblemRules.Draft(NotificationKinds.ProblemClosed, $"{projectName}的问题已销号", m.ProblemId, m.ProjectId, m.RegionCode, project,
            ProblemRules.Handlers(m.RegionCode, project));
}

public sealed class ProblemDueSoonConsumer(NotificationsDb db, Actor actor, TimeProvider clock) : NotifyingConsumer<ProblemDueSoon>(db, actor, clock)
{
    protected override string RegionOf(ProblemDueSoon m) => m.RegionCode;
    protected override Guid? ProjectOf(ProblemDueSoon m) => m.ProjectId;
    protected override NotificationDraft Draft(ProblemDueSoon m, KnownProject? project, string projectName) =>
        ProblemRules.Draft(NotificationKinds.ProblemDueSoon, $"{projectName}的问题「{m.Title}」将于{m.DueDate:yyyy-MM-dd}到期，请抓紧办结",
            m.ProblemId, m.ProjectId, m.RegionCode, project, ProblemRules.Holders(m.RegionCode, m.Level, project));
}

public sealed class ProblemCloseRequestedConsumer(NotificationsDb db, Actor actor, TimeProvider clock)
    : NotifyingConsumer<ProblemCloseRequested>(db, actor, clock)
{
    protected override string RegionOf(ProblemCloseRequested m) => m.RegionCode;
    protected override Guid? ProjectOf(ProblemCloseRequested m) => m.ProjectId;
    protected override NotificationDraft Draft(ProblemCloseRequested m, KnownProject? project, string projectName) =>
        ProblemRules.Draft(NotificationKinds.ProblemCloseRequested, $"{projectName}的问题「{m.Title}」申请销号，请审核", m.ProblemId, m.ProjectId,
            m.RegionCode, project, ProblemRules.Reviewers(m.RegionCode, m.Level));
}

public sealed class ProblemReturnedConsumer(NotificationsDb db, Actor actor, TimeProvider clock) : NotifyingConsumer<ProblemReturned>(db, actor, clock)
{
    protected override string RegionOf(ProblemReturned m) => m.RegionCode;
    protected override Guid? ProjectOf(ProblemReturned m) => m.ProjectId;
    protected override NotificationDraft Draft(ProblemReturned m, KnownProject? project, string projectName) =>
        ProblemRules.Draft(NotificationKinds.ProblemReturned, $"{projectName}的问题「{m.Title}」销号申请被退回：{m.Opinion}", m.ProblemId, m.ProjectId,
            m.RegionCode, project, ProblemRules.Handlers(m.RegionCode, project));
}

public sealed class ProblemSupervisedConsumer(NotificationsDb db, Actor actor, TimeProvider clock) : NotifyingConsumer<ProblemSupervised>(db, actor, clock)
{
    protected override string RegionOf(ProblemSupervised m) => m.RegionCode;
    protected override Guid? ProjectOf(ProblemSupervised m) => m.ProjectId;
    protected override NotificationDraft Draft(ProblemSupervised m, KnownProject? project, string projectName) =>
        ProblemRules.Draft(NotificationKinds.ProblemSupervised,
            $"{projectName}的问题「{m.Title}」纳入{m.System}督办（{m.Reference}），请于{m.ArrangeBy:yyyy-MM-dd}前安排、{m.AnswerBy:yyyy-MM-dd}前答复",
            m.ProblemId, m.ProjectId, m.RegionCode, project, ProblemRules.Holders(m.RegionCode, m.Level, project));
}
