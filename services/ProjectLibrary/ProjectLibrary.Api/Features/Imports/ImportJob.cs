namespace ProjectLibrary.Api.Features.Imports;

/// <summary>Queued → Running → Completed (rows written), Rejected (bad rows, nothing written) or Failed (the file or a conflict).</summary>
public enum ImportStatus { Queued, Running, Completed, Rejected, Failed }

/// <summary>Which sheet a job imports: the project library itself, or a month's 调度数 for many projects.</summary>
public enum ImportKind { Projects, Progress }

/// <summary>One upload of a project or progress sheet and its outcome, kept so a bureau can see who imported what, and poll a long import.</summary>
public sealed class ImportJob : ITownshipScoped
{
    public Guid Id { get; init; }
    public string RegionCode { get; init; } = "";
    public string? Township { get; init; }
    public string CreatedBy { get; init; } = "";
    public string CreatedByRole { get; init; } = "";
    public ImportKind Kind { get; init; }
    public string FileName { get; init; } = "";
    public string FileSha256 { get; init; } = "";
    public bool GoodRowsOnly { get; init; }
    public ImportStatus Status { get; set; }
    /// <summary>What a running job is doing: reading, validating, writing.</summary>
    public string? Phase { get; set; }
    public int RowsRead { get; set; }
    public int RowsProcessed { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }
    /// <summary>Progress rows left blank (no amount this time).</summary>
    public int Skipped { get; set; }
    /// <summary>invalid_spreadsheet, missing_columns, empty_sheet or import_conflict.</summary>
    public string? FailureCode { get; set; }
    /// <summary>Why the whole file failed (unreadable, missing columns, a conflicting change), in Chinese.</summary>
    public string? Failure { get; set; }
    /// <summary>Every row's outcome as JSON (<see cref="RowOutcome"/>[]).</summary>
    public string? Report { get; set; }
    /// <summary>The uploaded file while the job waits for a worker; cleared once processed.</summary>
    public byte[]? Content { get; set; }
    public string? CorrelationId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? HeartbeatAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    public bool IsDone => Status is ImportStatus.Completed or ImportStatus.Rejected or ImportStatus.Failed;

    /// <summary>The scope of the person who uploaded the file: the import runs with exactly their rights, even in the background.</summary>
    public CallerScope Caller => new(CreatedBy, RegionCode, CreatedByRole, Township, null);
}
