namespace Attraction.Api.Features.Deals;

/// <summary>资金到位: money that actually arrived for a deal on a date. Recorded once, never edited.</summary>
public sealed class FundsArrival : IAudited, IRegional
{
    public Guid Id { get; init; }
    public Guid DealId { get; init; }
    public string RegionCode { get; init; } = "";
    public decimal Amount { get; init; }
    public DateOnly ArrivedOn { get; init; }
    public string? Note { get; init; }
    public string RecordedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}
