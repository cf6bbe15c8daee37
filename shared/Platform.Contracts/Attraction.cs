namespace Platform.Contracts.Attraction;

// Published by the investment-attraction service. Money in 万元.

public sealed record DealSigned
{
    public required Guid DealId { get; init; }
    public required string RegionCode { get; init; }
    public required string Name { get; init; }
    public required decimal Amount { get; init; }
    public required DateOnly SignedOn { get; init; }
    public string? Industry { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>A signed deal became a project in the project library.</summary>
public sealed record DealConverted
{
    public required Guid DealId { get; init; }
    public required Guid ProjectId { get; init; }
    public required string RegionCode { get; init; }
    public required decimal Amount { get; init; }
    public required DateOnly SignedOn { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>资金到位: money the investor actually put in, recorded per deal and date.</summary>
public sealed record FundsArrived
{
    public required Guid FundsId { get; init; }
    public required Guid DealId { get; init; }
    public Guid? ProjectId { get; init; }
    public required string RegionCode { get; init; }
    public required decimal Amount { get; init; }
    public required DateOnly ArrivedOn { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
