namespace City.Api.Features.Targets;

/// <summary>One parent target against the sum of its children. Gap = parent − children (positive: not assigned to anyone).</summary>
public sealed record DecompositionCheck(string Metric, string Name, string Unit, TargetLevel ParentLevel, string RegionCode, string RegionName,
    decimal? ParentTarget, decimal ChildrenTotal, int Children, decimal? Gap, bool Balanced);

public sealed record DecompositionReport(string Period, IReadOnlyList<DecompositionCheck> Checks)
{
    public int Unbalanced => Checks.Count(c => !c.Balanced);
}

/// <summary>
/// Targets decompose: the city total across districts (市本级 is one of them), a county's target across its
/// townships. The notices do not always add up; every gap is reported, none is smoothed away.
/// </summary>
public static class Decomposition
{
    public static DecompositionReport Check(string period, IReadOnlyList<Target> targets, bool includeCity)
    {
        var checks = new List<DecompositionCheck>();
        foreach (var metric in Metrics.Targetable)
        {
            var ofMetric = targets.Where(t => t.Metric == metric.Code).ToList();
            var city = ofMetric.FirstOrDefault(t => t.Level == TargetLevel.City);
            var districts = ofMetric.Where(t => t.Level == TargetLevel.District).ToList();
            if (includeCity && (city is not null || districts.Count > 0))
                checks.Add(Compare(metric, TargetLevel.City, Regions.City, Regions.Names[Regions.City], city?.Amount, districts));

            foreach (var county in ofMetric.Where(t => t.Level == TargetLevel.Township).GroupBy(t => t.RegionCode).OrderBy(g => g.Key))
            {
                var parent = districts.FirstOrDefault(d => d.RegionCode == county.Key);
                checks.Add(Compare(metric, TargetLevel.District, county.Key, Regions.NameOf(county.Key), parent?.Amount, county.ToList()));
            }
        }
        return new DecompositionReport(period, checks);
    }

    static DecompositionCheck Compare(Metric metric, TargetLevel level, string region, string name, decimal? parent, IReadOnlyList<Target> children)
    {
        var total = children.Sum(c => c.Amount);
        decimal? gap = parent is null ? null : parent.Value - total;
        return new DecompositionCheck(metric.Code, metric.Name, metric.Unit, level, region, name, parent, total, children.Count, gap, gap == 0m);
    }
}
