namespace Attraction.Api.Features.Summary;

/// <summary>What the summary needs of a deal.</summary>
public sealed record DealFacts(string RegionCode, decimal Amount, DateOnly SignedOn, DateOnly? StartedOn, decimal? ProjectTotalInvestment);

/// <summary>What the summary needs of funds in place.</summary>
public sealed record FundsFacts(string RegionCode, decimal Amount, DateOnly ArrivedOn);

public sealed record RegionSummary(
    string RegionCode, string RegionName,
    int SignedCount, decimal SignedTotalInvestment,
    int NewStartCount, decimal NewStartPlannedTotalInvestment,
    decimal FundsInPlace,
    int SignedInYearToDate, int StartedInSigningYear, decimal? SameYearStartRate);

public sealed record AttractionSummary(string Period, DateOnly From, DateOnly To, string StartRateBasis,
    IReadOnlyList<RegionSummary> Regions, RegionSummary Total);

/// <summary>
/// The actuals the plans measure, per region for a period:
/// 新签约项目总投资 = deals signed in the period; 新开工项目计划总投资 = total investment of converted deals'
/// projects that started in the period; 资金到位 = funds that arrived in the period; 签约项目当年开工率 = of the
/// deals signed from 1 January to the period's end, the share whose project started in the same year by then.
/// </summary>
public static class SummaryCalculator
{
    public const string StartRateBasis = "deals signed from 1 January of the period's year to its end, started in that same year by the period's end";

    public static AttractionSummary Calculate(Period period, IReadOnlyCollection<string> regionCodes,
        IReadOnlyCollection<DealFacts> deals, IReadOnlyCollection<FundsFacts> funds)
    {
        var regions = regionCodes.Select(code => For(code, Regions.NameOf(code), period,
            deals.Where(d => d.RegionCode == code).ToList(), funds.Where(f => f.RegionCode == code).ToList())).ToList();
        var inRegions = regionCodes.ToHashSet();
        var total = For("total", "合计", period, deals.Where(d => inRegions.Contains(d.RegionCode)).ToList(),
            funds.Where(f => inRegions.Contains(f.RegionCode)).ToList());
        return new AttractionSummary(period.ToString(), period.Start, period.End, StartRateBasis, regions, total);
    }

    static RegionSummary For(string code, string name, Period period, List<DealFacts> deals, List<FundsFacts> funds)
    {
        var signed = deals.Where(d => period.Contains(d.SignedOn)).ToList();
        var started = deals.Where(d => d.StartedOn is { } s && period.Contains(s)).ToList();
        var yearToDate = deals.Where(d => d.SignedOn >= period.YearStart && d.SignedOn <= period.End).ToList();
        var sameYear = yearToDate.Count(d => d.StartedOn is { } s && s.Year == d.SignedOn.Year && s <= period.End);
        return new RegionSummary(code, name,
            signed.Count, signed.Sum(d => d.Amount),
            started.Count, started.Sum(d => d.ProjectTotalInvestment ?? 0m),
            funds.Where(f => period.Contains(f.ArrivedOn)).Sum(f => f.Amount),
            yearToDate.Count, sameYear,
            yearToDate.Count == 0 ? null : Math.Round((decimal)sameYear / yearToDate.Count, 4));
    }
}
