namespace Attraction.Api.Features.Deals;

public sealed record DealResponse(
    Guid Id, string RegionCode, string Name, IReadOnlyList<DealInvestor> Investors, decimal Amount, DateOnly SignedOn,
    string? Industry, DateOnly? PlannedStartOn, Guid? LeadId, Guid? ProjectId, DateTimeOffset? ConvertedAt,
    DateOnly? StartedOn, bool StartedInSigningYear, decimal? ProjectTotalInvestment, decimal FundsInPlace,
    int OverdueCommitments, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version)
{
    public static DealResponse From(Deal d, decimal fundsInPlace, int overdueCommitments) => new(
        d.Id, d.RegionCode, d.Name, d.Investors, d.Amount, d.SignedOn, d.Industry, d.PlannedStartOn, d.LeadId, d.ProjectId,
        d.ConvertedAt, d.StartedOn, d.StartedInSigningYear, d.ProjectTotalInvestment, fundsInPlace, overdueCommitments,
        d.CreatedAt, d.UpdatedAt, d.Version);
}

public sealed record CommitmentResponse(
    Guid Id, Guid DealId, CommitmentSide Side, string Kind, string Content, decimal? Amount, DateOnly DueOn,
    DateOnly? FulfilledOn, string? FulfilmentNote, bool Overdue, bool FulfilledLate, long Version)
{
    public static CommitmentResponse From(Commitment c, DateOnly today) => new(
        c.Id, c.DealId, c.Side, c.Kind, c.Content, c.Amount, c.DueOn, c.FulfilledOn, c.FulfilmentNote,
        c.IsOverdue(today), c.FulfilledLate, c.Version);
}

public sealed record FundsResponse(Guid Id, Guid DealId, decimal Amount, DateOnly ArrivedOn, string? Note, string RecordedBy, DateTimeOffset CreatedAt)
{
    public static FundsResponse From(FundsArrival f) => new(f.Id, f.DealId, f.Amount, f.ArrivedOn, f.Note, f.RecordedBy, f.CreatedAt);
}

/// <summary>What POST /api/attraction/deals/{id}/convert answers: the project the deal became.</summary>
public sealed record ConversionResponse(Guid DealId, Guid ProjectId, string LocalNumber);
