using MassTransit;
using Platform.Contracts.Approvals;
using Platform.Contracts.Attraction;
using Platform.Contracts.Funding;
using Platform.Contracts.ProjectLibrary;
using Platform.Contracts.Statistics;
using Platform.Messaging;

namespace City.Api.Features.ReadModels;

/// <summary>
/// Every consumer does the same: inbox check (base class), apply the event to the read models and the
/// aggregate, journal it; all in the inbox's transaction. A stale event changes nothing and is not journaled.
/// </summary>
public abstract class ProjectionConsumer<T>(CityDb db, Projector projector, Actor actor) : InboxConsumer<T, CityDb>(db) where T : class
{
    protected override async Task Handle(ConsumeContext<T> context, CancellationToken ct)
    {
        actor.ActOnEvent<T>();
        projector.Reset();
        if (!await projector.ApplyAsync(context.Message, ct)) return;
        // The views first, the shared aggregate cells and the journal last: the hot rows stay locked only until the commit.
        await Db.SaveChangesAsync(ct);
        await projector.FlushAsync(ct);
        await Journal.AppendAsync(Db, context.MessageId!.Value, context.Message, ct);
    }
}

public sealed class ProjectRegisteredConsumer(CityDb db, Projector p, Actor a) : ProjectionConsumer<ProjectRegistered>(db, p, a);
public sealed class ProjectUpdatedConsumer(CityDb db, Projector p, Actor a) : ProjectionConsumer<ProjectUpdated>(db, p, a);
public sealed class ProjectStageChangedConsumer(CityDb db, Projector p, Actor a) : ProjectionConsumer<ProjectStageChanged>(db, p, a);
public sealed class ProjectStartedConsumer(CityDb db, Projector p, Actor a) : ProjectionConsumer<ProjectStarted>(db, p, a);
public sealed class ProgressReportedConsumer(CityDb db, Projector p, Actor a) : ProjectionConsumer<ProgressReported>(db, p, a);
public sealed class ProblemRaisedConsumer(CityDb db, Projector p, Actor a) : ProjectionConsumer<ProblemRaised>(db, p, a);
public sealed class ProblemAssignedConsumer(CityDb db, Projector p, Actor a) : ProjectionConsumer<ProblemAssigned>(db, p, a);
public sealed class ProblemEscalatedConsumer(CityDb db, Projector p, Actor a) : ProjectionConsumer<ProblemEscalated>(db, p, a);
public sealed class ProblemClosedConsumer(CityDb db, Projector p, Actor a) : ProjectionConsumer<ProblemClosed>(db, p, a);
public sealed class ApprovalDecidedConsumer(CityDb db, Projector p, Actor a) : ProjectionConsumer<ApprovalDecided>(db, p, a);
public sealed class ApprovalsCompletedConsumer(CityDb db, Projector p, Actor a) : ProjectionConsumer<ApprovalsCompleted>(db, p, a);
public sealed class DealSignedConsumer(CityDb db, Projector p, Actor a) : ProjectionConsumer<DealSigned>(db, p, a);
public sealed class DealConvertedConsumer(CityDb db, Projector p, Actor a) : ProjectionConsumer<DealConverted>(db, p, a);
public sealed class FundsArrivedConsumer(CityDb db, Projector p, Actor a) : ProjectionConsumer<FundsArrived>(db, p, a);
public sealed class InclusionApprovedConsumer(CityDb db, Projector p, Actor a) : ProjectionConsumer<InclusionApproved>(db, p, a);
public sealed class StatisticsReportedConsumer(CityDb db, Projector p, Actor a) : ProjectionConsumer<StatisticsReported>(db, p, a);
public sealed class FundingApprovedConsumer(CityDb db, Projector p, Actor a) : ProjectionConsumer<FundingApproved>(db, p, a);
public sealed class FundsDisbursedConsumer(CityDb db, Projector p, Actor a) : ProjectionConsumer<FundsDisbursed>(db, p, a);

public static class CityConsumers
{
    public static MessagingOptionsBuilder ConsumeEverything(this MessagingOptionsBuilder m) => m
        .Consumes<ProjectRegisteredConsumer>().Consumes<ProjectUpdatedConsumer>().Consumes<ProjectStageChangedConsumer>()
        .Consumes<ProjectStartedConsumer>().Consumes<ProgressReportedConsumer>()
        .Consumes<ProblemRaisedConsumer>().Consumes<ProblemAssignedConsumer>().Consumes<ProblemEscalatedConsumer>().Consumes<ProblemClosedConsumer>()
        .Consumes<ApprovalDecidedConsumer>().Consumes<ApprovalsCompletedConsumer>()
        .Consumes<DealSignedConsumer>().Consumes<DealConvertedConsumer>().Consumes<FundsArrivedConsumer>()
        .Consumes<InclusionApprovedConsumer>().Consumes<StatisticsReportedConsumer>()
        .Consumes<FundingApprovedConsumer>().Consumes<FundsDisbursedConsumer>();
}
