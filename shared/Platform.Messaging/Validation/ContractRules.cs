using Platform.Contracts.Approvals;
using Platform.Contracts.Attraction;
using Platform.Contracts.Funding;
using Platform.Contracts.ProjectLibrary;
using Platform.Contracts.Statistics;

namespace Platform.Messaging;

/// <summary>
/// What a genuine event of each contract looks like, written once for every service that consumes it. The bounds
/// mirror the owning context's input rules (lengths, 万元 with two decimals, plan years 2000–2100), so only an event
/// its owner could never have published is refused. Every contract in Platform.Contracts has a rule (a test checks).
/// </summary>
public static class ContractRules
{
    internal static void AddTo(MessageValidators validators)
    {
        validators.Add<ProjectRegistered>((e, c) => Snapshot(c, e.Project).Version(e.Version).Instant(e.OccurredAt, "occurredAt"));
        validators.Add<ProjectUpdated>((e, c) => Snapshot(c, e.Project).Version(e.Version).Instant(e.OccurredAt, "occurredAt"));
        validators.Add<ProjectStageChanged>((e, c) => Common(c, e.ProjectId, e.RegionCode, e.Version, e.OccurredAt)
            .Code(e.FromStage, "fromStage").Code(e.ToStage, "toStage").Date(e.Date, "date"));
        validators.Add<ProjectStarted>((e, c) => Common(c, e.ProjectId, e.RegionCode, e.Version, e.OccurredAt)
            .Date(e.ActualStartDate, "actualStartDate").Money(e.TotalInvestment, "totalInvestment"));
        validators.Add<ProgressReported>((e, c) => Common(c, e.ProjectId, e.RegionCode, e.Version, e.OccurredAt)
            .Month(e.Period, "period").Money(e.CompletedInvestment, "completedInvestment").Money(e.YearToDateInvestment, "yearToDateInvestment"));
        validators.Add<ProblemRaised>((e, c) => Problem(c, e.ProblemId, e.ProjectId, e.RegionCode, e.Version, e.OccurredAt)
            .Text(e.Title, "title", 200).Code(e.Level, "level"));
        validators.Add<ProblemAssigned>((e, c) => Problem(c, e.ProblemId, e.ProjectId, e.RegionCode, e.Version, e.OccurredAt)
            .Text(e.Department, "department", 100).Text(e.Assignee, "assignee", 50).Date(e.DueDate, "dueDate"));
        validators.Add<ProblemEscalated>((e, c) => Problem(c, e.ProblemId, e.ProjectId, e.RegionCode, e.Version, e.OccurredAt)
            .Code(e.Level, "level"));
        validators.Add<ProblemClosed>((e, c) => Problem(c, e.ProblemId, e.ProjectId, e.RegionCode, e.Version, e.OccurredAt)
            .Text(e.Resolution, "resolution", 4000));
        validators.Add<ProblemProgressed>((e, c) => Problem(c, e.ProblemId, e.ProjectId, e.RegionCode, e.Version, e.OccurredAt)
            .Code(e.Status, "status").Text(e.Note, "note", 4000, required: false));
        validators.Add<ProblemCloseRequested>((e, c) => Problem(c, e.ProblemId, e.ProjectId, e.RegionCode, e.Version, e.OccurredAt)
            .Text(e.Title, "title", 200).Code(e.Level, "level").Text(e.Resolution, "resolution", 4000)
            .Text(e.Evidence, "evidence", 2000, required: false).Text(e.Department, "department", 100, required: false));
        validators.Add<ProblemReturned>((e, c) => Problem(c, e.ProblemId, e.ProjectId, e.RegionCode, e.Version, e.OccurredAt)
            .Text(e.Title, "title", 200).Code(e.Level, "level").Text(e.Opinion, "opinion", 4000)
            .Text(e.Department, "department", 100, required: false).Text(e.Assignee, "assignee", 50, required: false));
        validators.Add<ProblemReopened>((e, c) => Problem(c, e.ProblemId, e.ProjectId, e.RegionCode, e.Version, e.OccurredAt)
            .Text(e.Title, "title", 200).Code(e.Level, "level").Text(e.Reason, "reason", 4000)
            .Text(e.Department, "department", 100, required: false));
        validators.Add<ProblemSupervised>((e, c) => Problem(c, e.ProblemId, e.ProjectId, e.RegionCode, e.Version, e.OccurredAt)
            .Text(e.Title, "title", 200).Code(e.Level, "level").Text(e.System, "system", 20).Text(e.Reference, "reference", 100)
            .Text(e.Department, "department", 100, required: false).Date(e.ArrangeBy, "arrangeBy").Date(e.MeasuresBy, "measuresBy")
            .Date(e.ProgressBy, "progressBy").Date(e.AnswerBy, "answerBy"));
        validators.Add<ProblemDueSoon>((e, c) => Problem(c, e.ProblemId, e.ProjectId, e.RegionCode, e.Version, e.OccurredAt)
            .Text(e.Title, "title", 200).Text(e.Department, "department", 100, required: false)
            .Text(e.Assignee, "assignee", 50, required: false).Date(e.DueDate, "dueDate").Code(e.Level, "level"));

        validators.Add<ApprovalDecided>((e, c) => Common(c, e.ProjectId, e.RegionCode, e.Version, e.OccurredAt).Id(e.ItemId, "itemId")
            .Code(e.ProcedureCode, "procedureCode").Text(e.ProcedureName, "procedureName", 100).Text(e.Agency, "agency", 50)
            .Code(e.Decision, "decision").Date(e.DecidedOn, "decidedOn"));
        validators.Add<ApprovalsCompleted>((e, c) => Common(c, e.ProjectId, e.RegionCode, e.Version, e.OccurredAt)
            .Date(e.CompletedOn, "completedOn"));

        validators.Add<DealSigned>((e, c) => c.Id(e.DealId, "dealId").Region(e.RegionCode).Text(e.Name, "name", 200)
            .Money(e.Amount, "amount").Date(e.SignedOn, "signedOn").Text(e.Industry, "industry", 100, required: false)
            .Version(e.Version).Instant(e.OccurredAt, "occurredAt"));
        validators.Add<DealConverted>((e, c) => Common(c, e.ProjectId, e.RegionCode, e.Version, e.OccurredAt).Id(e.DealId, "dealId")
            .Money(e.Amount, "amount").Date(e.SignedOn, "signedOn"));
        validators.Add<FundsArrived>((e, c) => c.Id(e.FundsId, "fundsId").Id(e.DealId, "dealId").Id(e.ProjectId, "projectId")
            .Region(e.RegionCode).Money(e.Amount, "amount").Date(e.ArrivedOn, "arrivedOn").Version(e.Version).Instant(e.OccurredAt, "occurredAt"));

        validators.Add<FundingApproved>((e, c) => Common(c, e.ProjectId, e.RegionCode, e.Version, e.OccurredAt).Id(e.ApplicationId, "applicationId")
            .Code(e.ProgrammeKind, "programmeKind").Year(e.Year, "year").Money(e.ApprovedAmount, "approvedAmount").Date(e.ApprovedOn, "approvedOn"));
        validators.Add<FundsDisbursed>((e, c) => Common(c, e.ProjectId, e.RegionCode, e.Version, e.OccurredAt).Id(e.ApplicationId, "applicationId")
            .Code(e.ProgrammeKind, "programmeKind").Money(e.Amount, "amount").Date(e.DisbursedOn, "disbursedOn"));

        validators.Add<InclusionApproved>((e, c) => Common(c, e.ProjectId, e.RegionCode, e.Version, e.OccurredAt).Id(e.InclusionId, "inclusionId")
            .Text(e.StatisticsCode, "statisticsCode", 50, required: false).Date(e.ApprovedOn, "approvedOn"));
        validators.Add<StatisticsReported>((e, c) => Common(c, e.ProjectId, e.RegionCode, e.Version, e.OccurredAt)
            .Month(e.Period, "period").Money(e.CompletedInvestment, "completedInvestment"));
    }

    static MessageChecks Common(MessageChecks c, Guid projectId, string regionCode, long version, DateTimeOffset occurredAt) =>
        c.Id(projectId, "projectId").Region(regionCode).Version(version).Instant(occurredAt, "occurredAt");

    static MessageChecks Problem(MessageChecks c, Guid problemId, Guid projectId, string regionCode, long version, DateTimeOffset occurredAt) =>
        Common(c, projectId, regionCode, version, occurredAt).Id(problemId, "problemId");

    /// <summary>The project library's own limits (ProjectInput): names 200, township 50, industry 100, codes 50 ….</summary>
    static MessageChecks Snapshot(MessageChecks c, ProjectSnapshot? p)
    {
        if (p is null) return c.When(true, "project", "is missing");
        return c.Id(p.ProjectId, "project.projectId").Region(p.RegionCode, "project.regionCode")
            .Text(p.Name, "project.name", 200).Text(p.Township, "project.township", 50, required: false)
            .Code(p.Category, "project.category").Code(p.Nature, "project.nature").Code(p.Stage, "project.stage")
            .Text(p.Industry, "project.industry", 100, required: false)
            .Money(p.TotalInvestment, "project.totalInvestment").Money(p.AnnualPlannedInvestment, "project.annualPlannedInvestment")
            .Year(p.Year, "project.year")
            .Text(p.NationalCode, "project.nationalCode", 50, required: false).Text(p.StatisticsCode, "project.statisticsCode", 50, required: false)
            .Code(p.KeyLevel, "project.keyLevel", required: false)
            .Date(p.PlannedStartDate, "project.plannedStartDate").Date(p.ActualStartDate, "project.actualStartDate")
            .Date(p.PlannedFinishDate, "project.plannedFinishDate").Date(p.ActualFinishDate, "project.actualFinishDate")
            .Text(p.LeaderInCharge, "project.leaderInCharge", 50, required: false)
            .Text(p.ResponsibleUnit, "project.responsibleUnit", 100, required: false)
            .Id(p.SourceDealId, "project.sourceDealId");
    }
}
