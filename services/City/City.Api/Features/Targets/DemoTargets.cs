namespace City.Api.Features.Targets;

/// <summary>
/// The city's demo targets: the 2023 winter plan as printed (<see cref="WinterPlanSeed"/>) and this year's, so the
/// overview opens on the current period with a target beside every actual. This year's are 阳城县's 2025 targets
/// (阳政办发〔2025〕19号, <c>shared/data/yangcheng-2025-targets.json</c>) for 阳城 and, for the other districts,
/// their share of the winter plan's Q4 targets scaled to 阳城's year: plausible, not published, and marked as demo
/// in every target's note. The city's target is the districts' sum. Keyed on (level, region, period, metric): a
/// target already there, even one someone changed since, is left alone.
/// </summary>
public sealed class DemoTargets(CityDb db, TimeProvider clock) : IDemoSeed
{
    public const string YearNote = "演示目标：阳城县取阳政办发〔2025〕19号2025年目标，其他县区按晋市政办函〔2023〕31号四季度目标比例推算";
    const string Yangcheng = "140522";

    /// <summary>阳城县's 2025 targets in 亿元 (阳政办发〔2025〕19号 二、主要目标).</summary>
    static readonly Dictionary<string, decimal> YangchengYear = new()
    {
        [Metrics.FixedAssetInvestment] = 167.5m,          // 全年固定资产投资完成167.5亿元
        [Metrics.SignedTotalInvestment] = 195m,           // 招商引资签约目标投资额达到195亿元
        [Metrics.FundsSecured] = 4.0m,                    // 争取中央预算内投资、地方政府专项债、超长期特别国债等资金4.0亿元以上
    };

    /// <summary>Metrics of the winter plan's Q4 that scale to a year, and the 阳城 figure each is scaled by (null: ×4 quarters).</summary>
    static readonly (string Metric, string? ScaledLike, bool Money)[] Scaled =
    [
        (Metrics.FixedAssetInvestment, Metrics.FixedAssetInvestment, true),
        (Metrics.IndustrialInvestment, Metrics.FixedAssetInvestment, true),
        (Metrics.PrivateInvestment, Metrics.FixedAssetInvestment, true),
        (Metrics.SignedTotalInvestment, Metrics.SignedTotalInvestment, true),
        (Metrics.FundsInPlace, Metrics.SignedTotalInvestment, true),
        (Metrics.NewStarts, null, false),
        (Metrics.Inclusions, null, false),
    ];

    public async Task<DemoSeedResult> SeedAsync(CancellationToken ct)
    {
        await using var tx = await DemoSeedLock.BeginAsync(db, nameof(DemoTargets), ct);
        var wanted = WinterPlanSeed.Targets().Select(t => (Target: t, Note: WinterPlanSeed.Document, SetBy: "seed:2023-winter-plan"))
            .Concat(ThisYear(clock.Today().Year).Select(t => (Target: t, Note: YearNote, SetBy: "seed:demo-year-targets")))
            .ToList();
        var periods = wanted.Select(w => w.Target.Period).Distinct().ToList();
        var existing = (await db.Targets.AsNoTracking().Where(t => periods.Contains(t.Period))
                .Select(t => new { t.Level, t.RegionCode, t.Period, t.Metric }).ToListAsync(ct))
            .Select(t => (t.Level, t.RegionCode, t.Period, t.Metric)).ToHashSet();
        var now = clock.GetUtcNow();
        foreach (var (t, note, setBy) in wanted.Where(w => !existing.Contains((w.Target.Level, w.Target.RegionCode, w.Target.Period, w.Target.Metric))))
            db.Targets.Add(Target.Create(t.Level, t.RegionCode, null, t.Period, t.Metric, t.Amount, note, setBy, now));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return DemoSeedResult.Done;
    }

    /// <summary>
    /// This year's demo targets per district and for the city (their sum), in 万元 and 个: for the year, and split
    /// evenly over its quarters and months (序时进度), since the overview opens on the current month.
    /// </summary>
    public static IReadOnlyList<WinterPlanSeed.SeedTarget> ThisYear(int year)
    {
        var annual = DistrictYear();
        var periods = new List<(string Period, int Parts)> { (year.ToString(), 1) };
        periods.AddRange(Enumerable.Range(1, 4).Select(q => ($"{year}-Q{q}", 4)));
        periods.AddRange(Enumerable.Range(1, 12).Select(m => ($"{year}-{m:00}", 12)));
        var result = new List<WinterPlanSeed.SeedTarget>();
        foreach (var (period, parts) in periods)
            foreach (var metric in annual.Select(a => a.Metric).Distinct())
            {
                var districts = annual.Where(a => a.Metric == metric)
                    .Select(a => new WinterPlanSeed.SeedTarget(TargetLevel.District, a.Region, period, metric,
                        Metrics.Get(metric).Unit == "个" ? Math.Max(1, decimal.Round(a.Amount / parts)) : decimal.Round(a.Amount / parts)))
                    .ToList();
                result.AddRange(districts);
                result.Add(new(TargetLevel.City, Regions.City, period, metric, districts.Sum(d => d.Amount)));
            }
        return result;
    }

    /// <summary>(region, metric, the year's amount) for every district.</summary>
    static List<(string Region, string Metric, decimal Amount)> DistrictYear()
    {
        var q4 = WinterPlanSeed.Targets().Where(t => t.Period == WinterPlanSeed.Q4 && t.Level == TargetLevel.District).ToList();
        decimal Q4Of(string region, string metric) => q4.FirstOrDefault(t => t.RegionCode == region && t.Metric == metric)?.Amount ?? 0m;
        var result = new List<(string Region, string Metric, decimal Amount)>();
        foreach (var (metric, like, money) in Scaled)
        {
            var factor = like is null ? 4m : YangchengYear[like] * WinterPlanSeed.WanPerYi / Q4Of(Yangcheng, like);
            foreach (var region in q4.Where(t => t.Metric == metric).Select(t => t.RegionCode).Distinct())
                result.Add((region, metric, region == Yangcheng && YangchengYear.TryGetValue(metric, out var own)
                    ? own * WinterPlanSeed.WanPerYi
                    : money ? Hundreds(Q4Of(region, metric) * factor) : decimal.Round(Q4Of(region, metric) * factor)));
        }
        // 争取上级资金 has no winter figure: each district's share of the fixed-asset target of 阳城's 4.0 亿.
        var yangchengFixed = YangchengYear[Metrics.FixedAssetInvestment] * WinterPlanSeed.WanPerYi;
        var funds = YangchengYear[Metrics.FundsSecured] * WinterPlanSeed.WanPerYi;
        foreach (var (region, _, amount) in result.Where(r => r.Metric == Metrics.FixedAssetInvestment).ToList())
            result.Add((region, Metrics.FundsSecured, region == Yangcheng ? funds : Hundreds(amount / yangchengFixed * funds)));
        return result;
    }

    /// <summary>Money targets rounded to the 百万 (100 万元), as a bureau would set them.</summary>
    static decimal Hundreds(decimal wan) => decimal.Round(wan / 100m) * 100m;
}
