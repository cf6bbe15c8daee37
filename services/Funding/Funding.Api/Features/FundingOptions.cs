namespace Funding.Api.Features;

/// <summary>Configuration section "Funding".</summary>
public sealed class FundingOptions
{
    /// <summary>The least revenue coverage of a special bond's principal, interest and costs (收益覆盖倍数).</summary>
    public decimal BondCoverageMin { get; set; } = 1.1m;

    /// <summary>
    /// Targets per region code and year, e.g. Targets:140522:2025 = 4.0 亿 (40,000 万) secured from central budget
    /// investment, special bonds and ultra-long bonds, and 30 % growth (阳政办发〔2025〕19号). Read from configuration
    /// until the city service, which owns targets, publishes them.
    /// </summary>
    public Dictionary<string, Dictionary<string, FundingTarget>> Targets { get; set; } = [];

    public FundingTarget? TargetFor(string regionCode, int year) =>
        Targets.TryGetValue(regionCode, out var years) && years.TryGetValue(year.ToString(System.Globalization.CultureInfo.InvariantCulture), out var target)
            ? target : null;
}

public sealed class FundingTarget
{
    /// <summary>万元 to secure from 中央预算内投资 + 地方政府专项债券 + 超长期特别国债 (approved amounts).</summary>
    public decimal SecuredMin { get; set; }
    /// <summary>Least growth of all approved policy funds over the previous year, as a fraction (0.30 = 30 %).</summary>
    public decimal? GrowthMin { get; set; }
}
