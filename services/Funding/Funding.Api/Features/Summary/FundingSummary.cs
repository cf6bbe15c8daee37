using Funding.Api.Features.Applications;
using Funding.Api.Features.Programmes;

namespace Funding.Api.Features.Summary;

/// <summary>One application reduced to what the summary adds up (万元).</summary>
public sealed record SummaryRow(ProgrammeKind Kind, int Year, ApplicationStatus Status, decimal Requested, decimal? Approved, decimal Allocated, decimal Disbursed);

public sealed record KindTotals(ProgrammeKind Kind, decimal Requested, decimal Approved, decimal Allocated, decimal Disbursed);

public sealed record TargetProgress(decimal SecuredMin, decimal Secured, decimal ProgressPercent, bool SecuredMet,
    decimal? GrowthMinPercent, bool? GrowthMet, string Source);

public sealed record FundingSummaryResponse(int Year, string? RegionCode, decimal Requested, decimal Approved, decimal Allocated,
    decimal Disbursed, IReadOnlyList<KindTotals> ByKind, decimal PreviousYearApproved, decimal? GrowthPercent, TargetProgress? Target);

/// <summary>
/// The arithmetic of GET /api/funding/summary. A year's money is the money of that year's programmes.
/// Requested counts applications once submitted (drafts are not requests yet); approved counts approved ones.
/// Growth compares all approved policy funds with the previous year's; the target's "secured" counts the three
/// channels the county plan names: 中央预算内投资, 地方政府专项债券, 超长期特别国债.
/// </summary>
public static class FundingSummary
{
    public static readonly ProgrammeKind[] TargetedKinds = [ProgrammeKind.CentralBudget, ProgrammeKind.SpecialBond, ProgrammeKind.UltraLongBond];

    public static FundingSummaryResponse Compute(IReadOnlyCollection<SummaryRow> rows, int year, string? regionCode, FundingTarget? target)
    {
        var current = rows.Where(r => r.Year == year).ToList();
        var byKind = Enum.GetValues<ProgrammeKind>().Select(kind => Totals(kind, current.Where(r => r.Kind == kind))).ToList();
        var approved = byKind.Sum(k => k.Approved);
        var previousApproved = rows.Where(r => r.Year == year - 1).Sum(ApprovedOf);
        decimal? growth = previousApproved == 0 ? null : Percent(approved - previousApproved, previousApproved);
        return new FundingSummaryResponse(year, regionCode, byKind.Sum(k => k.Requested), approved, byKind.Sum(k => k.Allocated),
            byKind.Sum(k => k.Disbursed), byKind, previousApproved, growth, Progress(target, byKind, growth));
    }

    static KindTotals Totals(ProgrammeKind kind, IEnumerable<SummaryRow> rows)
    {
        var list = rows.ToList();
        return new KindTotals(kind, list.Where(r => r.Status != ApplicationStatus.Draft).Sum(r => r.Requested), list.Sum(ApprovedOf),
            list.Sum(r => r.Allocated), list.Sum(r => r.Disbursed));
    }

    static decimal ApprovedOf(SummaryRow row) => row.Status == ApplicationStatus.Approved ? row.Approved ?? 0m : 0m;

    static TargetProgress? Progress(FundingTarget? target, IReadOnlyList<KindTotals> byKind, decimal? growth)
    {
        if (target is null || target.SecuredMin <= 0) return null;
        var secured = byKind.Where(k => TargetedKinds.Contains(k.Kind)).Sum(k => k.Approved);
        decimal? growthMin = target.GrowthMin is { } g ? decimal.Round(g * 100m, 2) : null;
        bool? growthMet = growthMin is null ? null : growth is not null && growth >= growthMin;
        return new TargetProgress(target.SecuredMin, secured, Percent(secured, target.SecuredMin), secured >= target.SecuredMin,
            growthMin, growthMet, "configuration Funding:Targets (until the city service owns targets)");
    }

    static decimal Percent(decimal part, decimal whole) => decimal.Round(part / whole * 100m, 2, MidpointRounding.AwayFromZero);
}
