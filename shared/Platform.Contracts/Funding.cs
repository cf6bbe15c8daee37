namespace Platform.Contracts.Funding;

// Published by the funding service. Money in 万元.

public sealed record FundingApproved
{
    public required Guid ApplicationId { get; init; }
    public required Guid ProjectId { get; init; }
    public required string RegionCode { get; init; }
    /// <summary>centralBudget, specialBond, ultraLongBond, preliminaryFee or other.</summary>
    public required string ProgrammeKind { get; init; }
    public required int Year { get; init; }
    public required decimal ApprovedAmount { get; init; }
    public required DateOnly ApprovedOn { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record FundsDisbursed
{
    public required Guid ApplicationId { get; init; }
    public required Guid ProjectId { get; init; }
    public required string RegionCode { get; init; }
    public required string ProgrammeKind { get; init; }
    public required decimal Amount { get; init; }
    public required DateOnly DisbursedOn { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
