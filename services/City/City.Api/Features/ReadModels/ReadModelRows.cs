namespace City.Api.Features.ReadModels;

// The city's copies of the other contexts' records. Derived data (see ProjectView): not audited.

public sealed class ProblemView
{
    public const string Closed = "closed";

    public Guid ProblemId { get; init; }
    public Guid ProjectId { get; init; }
    public string RegionCode { get; set; } = "";
    public string? Title { get; set; }
    public string? Level { get; set; }
    /// <summary>raised, assigned, escalated or closed.</summary>
    public string Status { get; set; } = "raised";
    public string? Department { get; set; }
    public string? Assignee { get; set; }
    public DateOnly? DueDate { get; set; }
    public string? Resolution { get; set; }
    public long Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class ApprovalView
{
    public Guid ItemId { get; init; }
    public Guid ProjectId { get; set; }
    public string RegionCode { get; set; } = "";
    public string ProcedureCode { get; set; } = "";
    public string ProcedureName { get; set; } = "";
    public string Agency { get; set; } = "";
    public string Decision { get; set; } = "";
    public DateOnly DecidedOn { get; set; }
    public long Version { get; set; }
}

public sealed class DealView
{
    public Guid DealId { get; init; }
    public string RegionCode { get; set; } = "";
    public string Name { get; set; } = "";
    public decimal Amount { get; set; }
    public DateOnly? SignedOn { get; set; }
    public string? Industry { get; set; }
    public Guid? ProjectId { get; set; }
    public long Version { get; set; }
}

public sealed class FundsArrival
{
    public Guid FundsId { get; init; }
    public Guid DealId { get; set; }
    public Guid? ProjectId { get; set; }
    public string RegionCode { get; set; } = "";
    public decimal Amount { get; set; }
    public DateOnly ArrivedOn { get; set; }
    public long Version { get; set; }
}

public sealed class FundingView
{
    public Guid ApplicationId { get; init; }
    public Guid ProjectId { get; set; }
    public string RegionCode { get; set; } = "";
    public string ProgrammeKind { get; set; } = "";
    public int Year { get; set; }
    public decimal ApprovedAmount { get; set; }
    public DateOnly ApprovedOn { get; set; }
    public long Version { get; set; }
}

public sealed class FundingDisbursement
{
    public Guid ApplicationId { get; init; }
    public long Version { get; init; }
    public Guid ProjectId { get; init; }
    public string RegionCode { get; init; } = "";
    public string ProgrammeKind { get; init; } = "";
    public decimal Amount { get; init; }
    public DateOnly DisbursedOn { get; init; }
}

/// <summary>One cell of the aggregate: region × period key × metric.</summary>
public sealed class RegionActual
{
    public string RegionCode { get; init; } = "";
    public string Period { get; init; } = "";
    public string Metric { get; init; } = "";
    public decimal Amount { get; set; }
}

/// <summary>One applied event in the append-only journal; position is the feed's cursor.</summary>
public sealed class JournalEntry
{
    public long Position { get; init; }
    public Guid MessageId { get; init; }
    public string EventType { get; init; } = "";
    public string RegionCode { get; init; } = "";
    public Guid? ProjectId { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public string Body { get; init; } = "";
}
