namespace Platform.Contracts.ProjectLibrary;

// Published by the project-library service. Every event carries the aggregate's Version (it only
// grows), so a consumer can ignore an event older than what it has already applied.

/// <summary>What other contexts need to know about a project, sent whole so they can keep a local view.</summary>
public sealed record ProjectSnapshot
{
    public required Guid ProjectId { get; init; }
    public required string Name { get; init; }
    public required string RegionCode { get; init; }
    public string? Township { get; init; }
    public required string Category { get; init; }
    public required string Nature { get; init; }
    public required string Stage { get; init; }
    public string? Industry { get; init; }
    public required decimal TotalInvestment { get; init; }
    public required decimal AnnualPlannedInvestment { get; init; }
    public required int Year { get; init; }
    public string? NationalCode { get; init; }
    public string? StatisticsCode { get; init; }
    public string? KeyLevel { get; init; }
    public bool IsPrivateInvestment { get; init; }
    public bool IsIndustrial { get; init; }
    public bool IsHighTech { get; init; }
    public bool IsTransformation { get; init; }
    public DateOnly? PlannedStartDate { get; init; }
    public DateOnly? ActualStartDate { get; init; }
    public DateOnly? PlannedFinishDate { get; init; }
    public DateOnly? ActualFinishDate { get; init; }
    public string? LeaderInCharge { get; init; }
    public string? ResponsibleUnit { get; init; }
    public bool ReadyToStart { get; init; }
    /// <summary>入库纳统 approved by the statistics bureau.</summary>
    public bool IsIncludedInStatistics { get; init; }
    /// <summary>The signed deal the project was converted from, if any.</summary>
    public Guid? SourceDealId { get; init; }
}

public sealed record ProjectRegistered
{
    public required ProjectSnapshot Project { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record ProjectUpdated
{
    public required ProjectSnapshot Project { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record ProjectStageChanged
{
    public required Guid ProjectId { get; init; }
    public required string RegionCode { get; init; }
    public required string FromStage { get; init; }
    public required string ToStage { get; init; }
    public required DateOnly Date { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record ProjectStarted
{
    public required Guid ProjectId { get; init; }
    public required string RegionCode { get; init; }
    public required DateOnly ActualStartDate { get; init; }
    public required decimal TotalInvestment { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record ProgressReported
{
    public required Guid ProjectId { get; init; }
    public required string RegionCode { get; init; }
    /// <summary>Month in the form 2025-03.</summary>
    public required string Period { get; init; }
    public required decimal CompletedInvestment { get; init; }
    public required decimal YearToDateInvestment { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record ProblemRaised
{
    public required Guid ProblemId { get; init; }
    public required Guid ProjectId { get; init; }
    public required string RegionCode { get; init; }
    public required string Title { get; init; }
    public required string Level { get; init; }
    /// <summary>normal or major (a major problem goes to the region's principal leaders); absent from events before issue 16.</summary>
    public string? Severity { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>交办. Department is the 牵头单位; the fields after DueDate came with issue 16 and may be absent in older events.</summary>
public sealed record ProblemAssigned
{
    public required Guid ProblemId { get; init; }
    public required Guid ProjectId { get; init; }
    public required string RegionCode { get; init; }
    public required string Department { get; init; }
    public required string Assignee { get; init; }
    public required DateOnly DueDate { get; init; }
    public string? ResponsibleLeader { get; init; }
    public string? ResponsibleSection { get; init; }
    public string? Title { get; init; }
    /// <summary>county, city or provincial: which level assigned it (county office, or city-hq for an escalated problem).</summary>
    public string? Level { get; init; }
    public string? Severity { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record ProblemEscalated
{
    public required Guid ProblemId { get; init; }
    public required Guid ProjectId { get; init; }
    public required string RegionCode { get; init; }
    public required string Level { get; init; }
    public required bool Automatic { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record ProblemClosed
{
    public required Guid ProblemId { get; init; }
    public required Guid ProjectId { get; init; }
    public required string RegionCode { get; init; }
    public required string Resolution { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The handling unit took the problem on (签收, or its first progress note) or reported progress (办理情况).</summary>
public sealed record ProblemProgressed
{
    public required Guid ProblemId { get; init; }
    public required Guid ProjectId { get; init; }
    public required string RegionCode { get; init; }
    /// <summary>The state after the change: inProgress, or closeRequested when a note was added while waiting for review.</summary>
    public required string Status { get; init; }
    /// <summary>The progress note; absent when the problem was only accepted (签收).</summary>
    public string? Note { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>申请销号: the reviewing level (the county office, or city-hq at city/provincial level) must close or return it.</summary>
public sealed record ProblemCloseRequested
{
    public required Guid ProblemId { get; init; }
    public required Guid ProjectId { get; init; }
    public required string RegionCode { get; init; }
    public required string Title { get; init; }
    public required string Level { get; init; }
    public required string Resolution { get; init; }
    public string? Evidence { get; init; }
    public string? Department { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>退回: the close request was not accepted; the handling unit (Department) works on with the opinion.</summary>
public sealed record ProblemReturned
{
    public required Guid ProblemId { get; init; }
    public required Guid ProjectId { get; init; }
    public required string RegionCode { get; init; }
    public required string Title { get; init; }
    public required string Level { get; init; }
    public required string Opinion { get; init; }
    public string? Department { get; init; }
    public string? Assignee { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>重新打开: a closed problem is being handled again (state inProgress).</summary>
public sealed record ProblemReopened
{
    public required Guid ProblemId { get; init; }
    public required Guid ProjectId { get; init; }
    public required string RegionCode { get; init; }
    public required string Title { get; init; }
    public required string Level { get; init; }
    public required string Reason { get; init; }
    public string? Department { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>13710 督办 started: the clocks' deadlines (1/3/7/10 days by default) for the unit handling it (Department).</summary>
public sealed record ProblemSupervised
{
    public required Guid ProblemId { get; init; }
    public required Guid ProjectId { get; init; }
    public required string RegionCode { get; init; }
    public required string Title { get; init; }
    public required string Level { get; init; }
    public required string System { get; init; }
    public required string Reference { get; init; }
    public string? Department { get; init; }
    public required DateOnly ArrangeBy { get; init; }
    public required DateOnly MeasuresBy { get; init; }
    public required DateOnly ProgressBy { get; init; }
    public required DateOnly AnswerBy { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>An assigned problem's deadline is near (a reminder to the department that holds it), sent once per deadline.</summary>
public sealed record ProblemDueSoon
{
    public required Guid ProblemId { get; init; }
    public required Guid ProjectId { get; init; }
    public required string RegionCode { get; init; }
    public required string Title { get; init; }
    public string? Department { get; init; }
    public string? Assignee { get; init; }
    public required DateOnly DueDate { get; init; }
    public required string Level { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
