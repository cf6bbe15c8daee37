using System.Text.Json;

namespace City.Api.Features.Targets;

/// <summary>
/// The targets of 晋城市's 2023 winter action plan (晋市政办函〔2023〕31号), typed in as they were printed
/// (money in 亿元) and converted to 万元. Q4 2023 figures go to period 2023-Q4, the 2024 reserve and
/// big-project figures to 2024. Seeded by <see cref="DemoTargets"/>.
/// </summary>
public static class WinterPlanSeed
{
    public sealed record SeedTarget(TargetLevel Level, string RegionCode, string Period, string Metric, decimal Amount);

    public const string Document = "晋市政办函〔2023〕31号";
    public const decimal WanPerYi = 10_000m;
    public const string Q4 = "2023-Q4";
    const string Y2024 = "2024";

    /// <summary>(section, period, field in the file, our metric, is money in 亿).</summary>
    static readonly (string Section, string Period, string? Field, string Metric, bool Money)[] Map =
    [
        ("q4_2023_investment", Q4, "fixedAsset", Metrics.FixedAssetInvestment, true),
        ("q4_2023_investment", Q4, "industrial", Metrics.IndustrialInvestment, true),
        ("q4_2023_investment", Q4, "private", Metrics.PrivateInvestment, true),
        ("reserve_2024", Y2024, "count", Metrics.ReserveCount, false),
        ("reserve_2024", Y2024, "annualInvestment", Metrics.ReserveAnnualInvestment, true),
        ("reserve_2024", Y2024, "industrialCount", Metrics.ReserveIndustrialCount, false),
        ("reserve_2024", Y2024, "industrialInvestment", Metrics.ReserveIndustrialInvestment, true),
        ("reserve_2024", Y2024, "privateCount", Metrics.ReservePrivateCount, false),
        ("reserve_2024", Y2024, "privateInvestment", Metrics.ReservePrivateInvestment, true),
        ("reserve_2024", Y2024, "provincialKeyCount", Metrics.ReserveProvincialKeyCount, false),
        ("reserve_2024", Y2024, "provincialKeyInvestment", Metrics.ReserveProvincialKeyInvestment, true),
        ("new_starts_q4_2023", Q4, null, Metrics.NewStarts, false),
        ("statistical_inclusion_q4_2023", Q4, null, Metrics.Inclusions, false),
        ("attraction_q4_2023", Q4, "signedTotalInvestment", Metrics.SignedTotalInvestment, true),
        ("attraction_q4_2023", Q4, "newStartPlannedTotalInvestment", Metrics.NewStartPlannedInvestment, true),
        ("attraction_q4_2023", Q4, "fundsInPlace", Metrics.FundsInPlace, true),
        ("big_new_starts_2024", Y2024, "50+", Metrics.BigNewStarts50Plus, false),
        ("big_new_starts_2024", Y2024, "10-50", Metrics.BigNewStarts10To50, false),
        ("big_new_starts_2024", Y2024, "5-10", Metrics.BigNewStarts5To10, false),
        ("lagging_key_projects_2023", Q4, null, Metrics.LaggingKeyProjects, false),
    ];

    public static IReadOnlyList<SeedTarget> Targets()
    {
        using var stream = typeof(WinterPlanSeed).Assembly.GetManifestResourceStream("City.Api.Seed.jincheng-2023-winter-targets.json")
            ?? throw new InvalidOperationException("The 2023 winter plan seed is not embedded.");
        using var doc = JsonDocument.Parse(stream);
        var result = new List<SeedTarget>();
        foreach (var (section, period, field, metric, money) in Map)
        {
            var node = doc.RootElement.GetProperty(section);
            if (Value(node.GetProperty("city"), field, money) is { } city)
                result.Add(new(TargetLevel.City, Regions.City, period, metric, city));
            foreach (var region in node.GetProperty("byRegion").EnumerateObject())
                if (Value(region.Value, field, money) is { } amount)
                    result.Add(new(TargetLevel.District, region.Name, period, metric, amount));
        }
        return result;
    }

    static decimal? Value(JsonElement node, string? field, bool money)
    {
        if (field is not null && !node.TryGetProperty(field, out node)) return null; // e.g. 陵川县 has no ≥ 50 亿 band
        var value = node.GetDecimal();
        return money ? value * WanPerYi : value;
    }
}
