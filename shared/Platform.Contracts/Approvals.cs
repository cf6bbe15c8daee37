namespace Platform.Contracts.Approvals;

// Published by the approvals service. Version is the checklist's version (grows with every decision).

/// <summary>An agency decided one procedure of a project's checklist.</summary>
public sealed record ApprovalDecided
{
    public required Guid ItemId { get; init; }
    public required Guid ProjectId { get; init; }
    public required string RegionCode { get; init; }
    /// <summary>Procedure code from the catalogue, e.g. "eia" (环评批复).</summary>
    public required string ProcedureCode { get; init; }
    public required string ProcedureName { get; init; }
    public required string Agency { get; init; }
    /// <summary>approved, rejected or acceptedWithDeficiency.</summary>
    public required string Decision { get; init; }
    public required DateOnly DecidedOn { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>Every procedure required before construction is approved (or accepted with deficiency): 手续完备.</summary>
public sealed record ApprovalsCompleted
{
    public required Guid ProjectId { get; init; }
    public required string RegionCode { get; init; }
    public required DateOnly CompletedOn { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
