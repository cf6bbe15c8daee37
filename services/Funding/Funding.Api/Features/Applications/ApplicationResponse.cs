using Funding.Api.Features.Bonds;
using Funding.Api.Features.Programmes;

namespace Funding.Api.Features.Applications;

public sealed record TransferResponse(Guid Id, TransferKind Kind, decimal Amount, DateOnly Date, string? Document, DateTimeOffset RecordedAt);

public sealed record BondBalanceResponse(decimal[] AnnualRevenue, decimal FinancingCost, decimal Principal, int Years, decimal Rate,
    decimal RevenueOverTerm, decimal Interest, decimal DebtService, decimal Coverage, decimal MinCoverage, bool Passes)
{
    public static BondBalanceResponse From(BondBalance b) => new(b.Terms.AnnualRevenue.ToArray(), b.Terms.FinancingCost, b.Terms.Principal,
        b.Terms.Years, b.Terms.Rate, b.RevenueOverTerm, b.Interest, b.DebtService, b.Coverage, b.MinCoverage, b.Passes);
}

public sealed record ApplicationResponse(
    Guid Id, Guid ProjectId, Guid ProgrammeId, string ProjectName, string RegionCode, string? Township, ProgrammeKind ProgrammeKind,
    int Year, decimal RequestedAmount, string[] Materials, ApplicationStatus Status, DateOnly? SubmittedOn, decimal? ApprovedAmount,
    DateOnly? ApprovedOn, string? DecisionNote, decimal AllocatedAmount, decimal DisbursedAmount, BondBalanceResponse? BondBalance,
    IReadOnlyList<TransferResponse> Transfers, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version)
{
    public static ApplicationResponse From(FundingApplication a) => new(
        a.Id, a.ProjectId, a.ProgrammeId, a.ProjectName, a.RegionCode, a.Township, a.ProgrammeKind, a.Year, a.RequestedAmount,
        a.Materials, a.Status, a.SubmittedOn, a.ApprovedAmount, a.ApprovedOn, a.DecisionNote, a.AllocatedAmount, a.DisbursedAmount,
        a.BondBalance is { } b ? BondBalanceResponse.From(b) : null,
        a.Transfers.OrderBy(t => t.OnDate).ThenBy(t => t.RecordedAt)
            .Select(t => new TransferResponse(t.Id, t.Kind, t.Amount, t.OnDate, t.Document, t.RecordedAt)).ToList(),
        a.CreatedAt, a.UpdatedAt, a.Version);
}

/// <summary>The filters of GET /api/funding/applications, bound from the query string.</summary>
public sealed record ApplicationFilter(
    string? Status, Guid? ProgrammeId, Guid? ProjectId, string? RegionCode, string? Kind, int? Year, string? Q,
    string? Sort, int? Page, int? PageSize) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors
        .When(!QueryEnum.IsValid<ApplicationStatus>(Status), "status", QueryEnum.Invalid<ApplicationStatus>())
        .When(!QueryEnum.IsValid<ProgrammeKind>(Kind), "kind", QueryEnum.Invalid<ProgrammeKind>());
}

public static class ApplicationQueries
{
    public static IQueryable<FundingApplication> Filter(this IQueryable<FundingApplication> q, ApplicationFilter f)
    {
        if (QueryEnum.Parse<ApplicationStatus>(f.Status) is { } status) q = q.Where(a => a.Status == status);
        if (f.ProgrammeId is not null) q = q.Where(a => a.ProgrammeId == f.ProgrammeId);
        if (f.ProjectId is not null) q = q.Where(a => a.ProjectId == f.ProjectId);
        if (f.RegionCode is not null) q = q.Where(a => a.RegionCode == f.RegionCode);
        if (QueryEnum.Parse<ProgrammeKind>(f.Kind) is { } kind) q = q.Where(a => a.ProgrammeKind == kind);
        if (f.Year is not null) q = q.Where(a => a.Year == f.Year);
        if (!string.IsNullOrWhiteSpace(f.Q)) q = q.Where(a => a.ProjectName.Contains(f.Q.Trim()));
        return q;
    }

    public static IQueryable<FundingApplication> Sort(this IQueryable<FundingApplication> q, string? sort) => sort switch
    {
        "-requestedAmount" => q.OrderByDescending(a => a.RequestedAmount).ThenBy(a => a.Id),
        "requestedAmount" => q.OrderBy(a => a.RequestedAmount).ThenBy(a => a.Id),
        "-updatedAt" => q.OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Id),
        "projectName" => q.OrderBy(a => a.ProjectName).ThenBy(a => a.Id),
        _ => q.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id),
    };
}
