using Platform.Contracts.Approvals;
using Platform.Contracts.Attraction;
using Platform.Contracts.Funding;
using Platform.Contracts.ProjectLibrary;
using Platform.Contracts.Statistics;
using Platform.Messaging;

namespace City.Api.Features.ReadModels;

/// <summary>
/// Applies one event to the read models and the aggregate. Used by the consumers and by the rebuild, so a
/// replay of the journal runs exactly the code live delivery ran. Returns false for a stale event (an older
/// version than already applied): it changes nothing and is not journaled.
/// </summary>
public sealed class Projector(CityDb db, AggregateDeltas deltas)
{
    /// <summary>Off during a rebuild, which holds the read-model tables exclusively anyway.</summary>
    public bool LockPerAggregate { get; set; } = true;

    public Task<bool> ApplyAsync(object message, CancellationToken ct) => message switch
    {
        ProjectRegistered e => OnProject(e.Project.ProjectId, e.Project.RegionCode, e.OccurredAt, (p, _) => p.Apply(e.Project, e.Version, e.OccurredAt), ct),
        ProjectUpdated e => OnProject(e.Project.ProjectId, e.Project.RegionCode, e.OccurredAt, (p, _) => p.Apply(e.Project, e.Version, e.OccurredAt), ct),
        ProjectStageChanged e => OnProject(e.ProjectId, e.RegionCode, e.OccurredAt, (p, _) => p.ChangeStage(e.ToStage, e.Date, e.Version, e.OccurredAt), ct),
        ProjectStarted e => OnProject(e.ProjectId, e.RegionCode, e.OccurredAt, (p, _) => p.Start(e.ActualStartDate, e.Version, e.OccurredAt), ct),
        ProgressReported e => OnProject(e.ProjectId, e.RegionCode, e.OccurredAt,
            (_, figures) => Figure(figures, e.ProjectId, ProjectFigure.Progress, e.Period, e.CompletedInvestment, e.YearToDateInvestment, e.Version), ct),
        StatisticsReported e => OnProject(e.ProjectId, e.RegionCode, e.OccurredAt,
            (_, figures) => Figure(figures, e.ProjectId, ProjectFigure.Statistics, e.Period, e.CompletedInvestment, null, e.Version), ct),
        InclusionApproved e => OnProject(e.ProjectId, e.RegionCode, e.OccurredAt, (p, _) => Include(p, e), ct),
        ApprovalsCompleted e => OnProject(e.ProjectId, e.RegionCode, e.OccurredAt, (p, _) => CompleteApprovals(p, e), ct),
        DealConverted e => Convert(e, ct),
        ApprovalDecided e => Decide(e, ct),
        ProblemRaised or ProblemAssigned or ProblemEscalated or ProblemClosed => new ProblemProjection(db).ApplyAsync(message, ct),
        DealSigned e => Sign(e, ct),
        FundsArrived e => Arrive(e, ct),
        FundingApproved e => ApproveFunding(e, ct),
        FundsDisbursed e => Disburse(e, ct),
        _ => throw new ArgumentException($"{message.GetType().Name} is not an event the city projects.", nameof(message)),
    };

    public Task FlushAsync(CancellationToken ct) => deltas.FlushAsync(db, ct);

    public void Reset() => deltas.Clear();

    /// <summary>Serializes everything that touches one aggregate (a project, a deal …): two events about it never interleave.</summary>
    async Task Lock(Guid key, CancellationToken ct)
    {
        if (LockPerAggregate) await db.Database.ExecuteSqlAsync($"select pg_advisory_xact_lock(4711, hashtext({key.ToString()}))", ct);
    }

    async Task<bool> OnProject(Guid id, string region, DateTimeOffset at, Func<ProjectView, List<ProjectFigure>, bool> change, CancellationToken ct)
    {
        await Lock(id, ct);
        var view = await db.ProjectViews.FindAsync([id], ct);
        EventRegion.EnsureUnchanged(view?.RegionCode, region, "Project", id);
        var figures = await db.ProjectFigures.Where(f => f.ProjectId == id).ToListAsync(ct);
        var before = Contributions.Of(view, figures).ToList();
        var created = view is null;
        view ??= ProjectView.Stub(id, region, at);
        if (!change(view, figures)) return false;
        if (created) db.ProjectViews.Add(view);
        deltas.Change(before, Contributions.Of(view, figures));
        return true;
    }

    bool Figure(List<ProjectFigure> figures, Guid projectId, string source, string period, decimal completed, decimal? yearToDate, long version)
    {
        var figure = figures.FirstOrDefault(f => f.Source == source && f.Period == period);
        if (!EventVersion.IsNewer(version, figure?.Version)) return false;
        if (figure is null)
        {
            figure = new ProjectFigure { ProjectId = projectId, Source = source, Period = period };
            figures.Add(figure);
            db.ProjectFigures.Add(figure);
        }
        figure.CompletedInvestment = completed;
        figure.YearToDate = yearToDate;
        figure.Version = version;
        return true;
    }

    static bool Include(ProjectView p, InclusionApproved e)
    {
        if (!EventVersion.IsNewer(e.Version, p.InclusionVersion == 0 ? null : p.InclusionVersion)) return false;
        p.IncludedOn = e.ApprovedOn;
        p.StatisticsCode = e.StatisticsCode ?? p.StatisticsCode;
        p.InclusionVersion = e.Version;
        return true;
    }

    static bool CompleteApprovals(ProjectView p, ApprovalsCompleted e)
    {
        if (!EventVersion.IsNewer(e.Version, p.ApprovalsVersion == 0 ? null : p.ApprovalsVersion)) return false;
        p.ApprovalsCompletedOn = e.CompletedOn;
        p.ReadyToStart = true;
        p.ApprovalsVersion = e.Version;
        return true;
    }

    async Task<bool> Convert(DealConverted e, CancellationToken ct)
    {
        await Lock(e.DealId, ct);
        var deal = await db.Deals.FindAsync([e.DealId], ct);
        EventRegion.EnsureUnchanged(deal?.RegionCode, e.RegionCode, "Deal", e.DealId);
        if (deal is null) db.Deals.Add(deal = new DealView { DealId = e.DealId, RegionCode = e.RegionCode, Amount = e.Amount, SignedOn = e.SignedOn });
        deal.ProjectId = e.ProjectId;
        // The signing itself is DealSigned's to count; the project side gains its 招商 origin.
        return await OnProject(e.ProjectId, e.RegionCode, e.OccurredAt, (p, _) =>
        {
            if (p.FromDealId == e.DealId) return false;
            p.FromDealId = e.DealId;
            return true;
        }, ct);
    }

    async Task<bool> Sign(DealSigned e, CancellationToken ct)
    {
        await Lock(e.DealId, ct);
        var deal = await db.Deals.FindAsync([e.DealId], ct);
        EventRegion.EnsureUnchanged(deal?.RegionCode, e.RegionCode, "Deal", e.DealId);
        if (!EventVersion.IsNewer(e.Version, deal is null || deal.Version == 0 ? null : deal.Version)) return false;
        var before = Contributions.Of(deal).ToList();
        if (deal is null) db.Deals.Add(deal = new DealView { DealId = e.DealId });
        deal.RegionCode = e.RegionCode;
        deal.Name = e.Name;
        deal.Amount = e.Amount;
        deal.SignedOn = e.SignedOn;
        deal.Industry = e.Industry;
        deal.Version = e.Version;
        deltas.Change(before, Contributions.Of(deal));
        return true;
    }

    async Task<bool> Arrive(FundsArrived e, CancellationToken ct)
    {
        await Lock(e.FundsId, ct);
        var funds = await db.FundsArrivals.FindAsync([e.FundsId], ct);
        EventRegion.EnsureUnchanged(funds?.RegionCode, e.RegionCode, "Funds", e.FundsId);
        if (!EventVersion.IsNewer(e.Version, funds?.Version)) return false;
        var before = Contributions.Of(funds).ToList();
        if (funds is null) db.FundsArrivals.Add(funds = new FundsArrival { FundsId = e.FundsId });
        (funds.DealId, funds.ProjectId, funds.RegionCode, funds.Amount, funds.ArrivedOn, funds.Version) =
            (e.DealId, e.ProjectId, e.RegionCode, e.Amount, e.ArrivedOn, e.Version);
        deltas.Change(before, Contributions.Of(funds));
        return true;
    }

    async Task<bool> ApproveFunding(FundingApproved e, CancellationToken ct)
    {
        await Lock(e.ApplicationId, ct);
        var funding = await db.Fundings.FindAsync([e.ApplicationId], ct);
        EventRegion.EnsureUnchanged(funding?.RegionCode, e.RegionCode, "Funding application", e.ApplicationId);
        if (!EventVersion.IsNewer(e.Version, funding?.Version)) return false;
        var before = Contributions.Of(funding).ToList();
        if (funding is null) db.Fundings.Add(funding = new FundingView { ApplicationId = e.ApplicationId });
        (funding.ProjectId, funding.RegionCode, funding.ProgrammeKind, funding.Year, funding.ApprovedAmount, funding.ApprovedOn, funding.Version) =
            (e.ProjectId, e.RegionCode, e.ProgrammeKind, e.Year, e.ApprovedAmount, e.ApprovedOn, e.Version);
        deltas.Change(before, Contributions.Of(funding));
        return true;
    }

    async Task<bool> Disburse(FundsDisbursed e, CancellationToken ct)
    {
        // Each disbursement adds money: keyed by (application, version), so neither order nor repeats matter.
        EventVersion.EnsurePlausible(e.Version, null);
        if (await db.FundingDisbursements.FindAsync([e.ApplicationId, e.Version], ct) is not null) return false;
        db.FundingDisbursements.Add(new FundingDisbursement
        {
            ApplicationId = e.ApplicationId, Version = e.Version, ProjectId = e.ProjectId, RegionCode = e.RegionCode,
            ProgrammeKind = e.ProgrammeKind, Amount = e.Amount, DisbursedOn = e.DisbursedOn,
        });
        return true;
    }

    async Task<bool> Decide(ApprovalDecided e, CancellationToken ct)
    {
        await Lock(e.ItemId, ct);
        var item = await db.Approvals.FindAsync([e.ItemId], ct);
        EventRegion.EnsureUnchanged(item?.RegionCode, e.RegionCode, "Approval item", e.ItemId);
        if (!EventVersion.IsNewer(e.Version, item?.Version)) return false;
        if (item is null) db.Approvals.Add(item = new ApprovalView { ItemId = e.ItemId });
        (item.ProjectId, item.RegionCode, item.ProcedureCode, item.ProcedureName, item.Agency, item.Decision, item.DecidedOn, item.Version) =
            (e.ProjectId, e.RegionCode, e.ProcedureCode, e.ProcedureName, e.Agency, e.Decision, e.DecidedOn, e.Version);
        return true;
    }
}
