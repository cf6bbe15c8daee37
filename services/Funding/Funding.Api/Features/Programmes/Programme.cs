namespace Funding.Api.Features.Programmes;

/// <summary>中央预算内投资, 地方政府专项债券, 超长期特别国债, 省市前期费 or another policy fund.</summary>
public enum ProgrammeKind { CentralBudget, SpecialBond, UltraLongBond, PreliminaryFee, Other }

/// <summary>
/// One call for applications: a kind of fund, a year and a batch, a window, the sectors it supports and
/// the share of a project's total investment it may fund. Owned by the region that runs it: 140500 for a
/// city-wide (or provincial/national, relayed by the city) programme every county applies to, a county code
/// for the county's own programme only that county sees. The owner's funding bureau records the decisions.
/// </summary>
public sealed class Programme : IAudited
{
    /// <summary>Project categories of the library (camelCase, as in its events).</summary>
    public static readonly IReadOnlyList<string> ProjectCategories =
        ["industry", "infrastructure", "livelihood", "ecology", "cultureTourism", "urbanRenewal", "ruralIndustry", "realEstate", "other"];

    public Guid Id { get; init; }
    public string RegionCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public ProgrammeKind Kind { get; private set; }
    public int Year { get; private set; }
    public string Batch { get; private set; } = "";
    public DateOnly OpensOn { get; private set; }
    public DateOnly ClosesOn { get; private set; }
    /// <summary>Empty means every sector may apply.</summary>
    public string[] EligibleCategories { get; private set; } = [];
    /// <summary>The largest share of a project's total investment this programme may fund, e.g. 0.8.</summary>
    public decimal MaxShare { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public long Version { get; private set; }

    public bool IsCityWide => RegionCode == Regions.City;

    public static Programme Create(ProgrammeInput input, string ownerRegion, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        RegionCode = ownerRegion,
        Name = input.Name!.Trim(),
        Kind = input.Kind!.Value,
        Year = input.Year!.Value,
        Batch = input.Batch!.Trim(),
        OpensOn = input.OpensOn!.Value,
        ClosesOn = input.ClosesOn!.Value,
        EligibleCategories = (input.EligibleCategories ?? []).Distinct().ToArray(),
        MaxShare = input.MaxShare!.Value,
        CreatedAt = now,
        UpdatedAt = now,
        Version = 1,
    };

    public bool IsOpenOn(DateOnly day) => day >= OpensOn && day <= ClosesOn;

    public bool HasClosedBy(DateOnly day) => day > ClosesOn;

    public bool Supports(string category) => EligibleCategories.Length == 0 || EligibleCategories.Contains(category);

    /// <summary>The most a project of this total investment may ask for (rounded down to the 万元 cent).</summary>
    public decimal MaxRequestFor(decimal totalInvestment) => Math.Floor(totalInvestment * MaxShare * 100m) / 100m;
}
