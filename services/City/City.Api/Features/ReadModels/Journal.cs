using System.Text.Json;
using Platform.Contracts.Approvals;
using Platform.Contracts.Attraction;
using Platform.Contracts.Funding;
using Platform.Contracts.ProjectLibrary;
using Platform.Contracts.Statistics;

namespace City.Api.Features.ReadModels;

/// <summary>
/// The append-only journal of applied events (city_events): the source a rebuild replays and the change feed
/// downstream systems page through.
///
/// Why not a bigserial for the position: sequence values are handed out when a transaction inserts, but become
/// visible when it commits. Transaction A may take 41, B take 42 and commit first; a reader paging "after 40"
/// sees 42, moves its cursor to 42 and never sees 41 when A commits. So the position is assigned by a single
/// writer: each appending transaction takes a transaction-scoped advisory lock, reads max(position) + 1 and
/// holds the lock until it commits. The next appender cannot read max until the previous one has committed,
/// so positions become visible strictly in order and a cursor can never skip a row. The lock is taken last in
/// the consumer's transaction (after the read-model work), so it is held only for the commit itself.
/// </summary>
public static class Journal
{
    const long AppendLock = 7305392;

    public static readonly IReadOnlyDictionary<string, Type> EventTypes = new[]
    {
        typeof(ProjectRegistered), typeof(ProjectUpdated), typeof(ProjectStageChanged), typeof(ProjectStarted),
        typeof(ProgressReported), typeof(ProblemRaised), typeof(ProblemAssigned), typeof(ProblemEscalated), typeof(ProblemClosed),
        typeof(ApprovalDecided), typeof(ApprovalsCompleted), typeof(DealSigned), typeof(DealConverted), typeof(FundsArrived),
        typeof(InclusionApproved), typeof(StatisticsReported), typeof(FundingApproved), typeof(FundsDisbursed),
    }.ToDictionary(t => t.Name);

    public static async Task AppendAsync(CityDb db, Guid messageId, object message, CancellationToken ct)
    {
        var (region, projectId, occurredAt) = Describe(message);
        var type = message.GetType().Name;
        var body = JsonSerializer.Serialize(message, message.GetType(), Json.Options);
        await db.Database.ExecuteSqlAsync($"select pg_advisory_xact_lock({AppendLock})", ct);
        await db.Database.ExecuteSqlAsync($"""
            insert into city_events (position, message_id, event_type, region_code, project_id, occurred_at, body)
            select coalesce(max(position), 0) + 1, {messageId}, {type}, {region}, {projectId}, {occurredAt}, cast({body} as jsonb)
            from city_events
            """, ct);
    }

    public static object Read(JournalEntry entry) =>
        JsonSerializer.Deserialize(entry.Body, EventTypes[entry.EventType], Json.Options)
        ?? throw new InvalidOperationException($"Journal entry {entry.Position} is empty.");

    /// <summary>The region, project and time an event is about (for scoping the feed).</summary>
    public static (string Region, Guid? ProjectId, DateTimeOffset OccurredAt) Describe(object message) => message switch
    {
        ProjectRegistered e => (e.Project.RegionCode, e.Project.ProjectId, e.OccurredAt),
        ProjectUpdated e => (e.Project.RegionCode, e.Project.ProjectId, e.OccurredAt),
        ProjectStageChanged e => (e.RegionCode, e.ProjectId, e.OccurredAt),
        ProjectStarted e => (e.RegionCode, e.ProjectId, e.OccurredAt),
        ProgressReported e => (e.RegionCode, e.ProjectId, e.OccurredAt),
        ProblemRaised e => (e.RegionCode, e.ProjectId, e.OccurredAt),
        ProblemAssigned e => (e.RegionCode, e.ProjectId, e.OccurredAt),
        ProblemEscalated e => (e.RegionCode, e.ProjectId, e.OccurredAt),
        ProblemClosed e => (e.RegionCode, e.ProjectId, e.OccurredAt),
        ApprovalDecided e => (e.RegionCode, e.ProjectId, e.OccurredAt),
        ApprovalsCompleted e => (e.RegionCode, e.ProjectId, e.OccurredAt),
        DealSigned e => (e.RegionCode, null, e.OccurredAt),
        DealConverted e => (e.RegionCode, e.ProjectId, e.OccurredAt),
        FundsArrived e => (e.RegionCode, e.ProjectId, e.OccurredAt),
        InclusionApproved e => (e.RegionCode, e.ProjectId, e.OccurredAt),
        StatisticsReported e => (e.RegionCode, e.ProjectId, e.OccurredAt),
        FundingApproved e => (e.RegionCode, e.ProjectId, e.OccurredAt),
        FundsDisbursed e => (e.RegionCode, e.ProjectId, e.OccurredAt),
        _ => throw new ArgumentException($"{message.GetType().Name} is not journaled.", nameof(message)),
    };
}
