namespace Attraction.Api.Features.Deals;

/// <summary>投资方 promises investment, scale and dates; 政府方 promises policies and factor supply (land, power, water …).</summary>
public enum CommitmentSide { Investor, Government }

/// <summary>One promise of the two-way commitments (双向承诺), with its due date and whether it was kept.</summary>
public sealed class Commitment : IAudited, IRegional
{
    public Guid Id { get; init; }
    public Guid DealId { get; init; }
    public string RegionCode { get; init; } = "";
    public CommitmentSide Side { get; init; }
    /// <summary>investment, scale, schedule, policy, land, power, water, gas, finance, talent, other …</summary>
    public string Kind { get; init; } = "";
    public string Content { get; init; } = "";
    public decimal? Amount { get; init; }
    public DateOnly DueOn { get; init; }
    public DateOnly? FulfilledOn { get; private set; }
    public string? FulfilmentNote { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public long Version { get; private set; } = 1;

    public static Commitment Promise(Guid dealId, string regionCode, CommitmentInput input, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), DealId = dealId, RegionCode = regionCode, Side = input.Side!.Value, Kind = input.Kind!.Trim(),
        Content = input.Content!.Trim(), Amount = input.Amount, DueOn = input.DueOn!.Value, CreatedAt = now, UpdatedAt = now,
    };

    /// <summary>Overdue: not kept and the due date has passed (a promise due today is still on time).</summary>
    public bool IsOverdue(DateOnly today) => FulfilledOn is null && DueOn < today;

    /// <summary>Kept late: fulfilled after the due date.</summary>
    public bool FulfilledLate => FulfilledOn is { } on && on > DueOn;

    public Refusal? Fulfil(DateOnly on, string? note, DateTimeOffset now)
    {
        if (FulfilledOn is not null) return new("already_fulfilled", $"The commitment was already fulfilled on {FulfilledOn:yyyy-MM-dd}.");
        FulfilledOn = on;
        FulfilmentNote = AttractionAccess.Blank(note);
        UpdatedAt = now;
        Version++;
        return null;
    }
}
