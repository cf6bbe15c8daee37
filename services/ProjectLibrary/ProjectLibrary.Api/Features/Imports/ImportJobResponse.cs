using System.Text.Json;
using Platform.Spreadsheets;
using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Api.Features.Imports;

/// <summary>
/// An import as the bureau reads it: where it stands, the counts, every error (row, column, problem), and a page of
/// the rows' outcomes (filter with ?outcome=rejected).
/// </summary>
public sealed record ImportJobResponse(
    Guid Id, string Kind, string FileName, string Status, string? Phase, bool GoodRowsOnly, int RowsRead, int RowsProcessed,
    int Created, int Updated, int Unchanged, int Rejected, int Skipped, string? FailureCode, string? Failure,
    string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    IReadOnlyList<RowError> Errors, bool ErrorsTruncated, Paged<RowOutcome>? Rows)
{
    /// <summary>Enough for a bureau to fix a sheet at once; a sheet with more errors is the wrong sheet.</summary>
    public const int MaxErrors = 2_000;

    public static ImportJobResponse From(ImportJob job, string? outcome = null, int? page = null, int? pageSize = null)
    {
        var rows = job.Report is null ? [] : JsonSerializer.Deserialize<List<RowOutcome>>(job.Report, ProjectImporter.ReportJson) ?? [];
        var errors = rows.SelectMany(r => r.Errors ?? []).ToList();
        var selected = outcome is null ? rows : rows.Where(r => r.Outcome == outcome).ToList();
        var request = PageRequest.From(page, pageSize);
        var pageRows = job.Report is null ? null
            : new Paged<RowOutcome>(selected.Skip(request.Skip).Take(request.PageSize).ToList(), request.Page, request.PageSize, selected.Count);
        return new ImportJobResponse(job.Id, QueryEnum.Name(job.Kind), job.FileName, QueryEnum.Name(job.Status), job.Phase, job.GoodRowsOnly, job.RowsRead, job.RowsProcessed,
            job.Created, job.Updated, job.Unchanged, job.Rejected, job.Skipped, job.FailureCode, job.Failure, job.CreatedBy, job.CreatedAt, job.StartedAt,
            job.FinishedAt, errors.Take(MaxErrors).ToList(), errors.Count > MaxErrors, pageRows);
    }
}

/// <summary>A line of the import history.</summary>
public sealed record ImportJobSummary(Guid Id, string Kind, string FileName, string Status, string RegionCode, string CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt, int RowsRead, int Created, int Updated, int Unchanged, int Rejected, int Skipped, string? Failure);
