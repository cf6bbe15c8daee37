namespace Platform.Contracts.Statistics;

// Published by the statistical-inclusion service.

/// <summary>入库纳统: the project is in the statistics (once: 不重不漏).</summary>
public sealed record InclusionApproved
{
    public required Guid InclusionId { get; init; }
    public required Guid ProjectId { get; init; }
    public required string RegionCode { get; init; }
    public string? StatisticsCode { get; init; }
    public required DateOnly ApprovedOn { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The statistics bureau's official monthly figure (统计数) for an included project, in 万元.</summary>
public sealed record StatisticsReported
{
    public required Guid ProjectId { get; init; }
    public required string RegionCode { get; init; }
    /// <summary>Month in the form 2025-03.</summary>
    public required string Period { get; init; }
    public required decimal CompletedInvestment { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
