namespace City.Api.Features.Targets;

/// <summary>How a metric's actual is counted for a period.</summary>
public enum MetricKind
{
    /// <summary>Dated amounts (a start, a figure, a signing) summed over the period's months.</summary>
    Flow,
    /// <summary>The reserve library of a plan year: read at the year of the period, whatever month is asked.</summary>
    PlanYear,
    /// <summary>Key projects behind 序时进度 at the period's (as-of) month, kept per month in the aggregate; lower is better.</summary>
    Lagging,
}

public sealed record Metric(string Code, string Name, string Unit, MetricKind Kind, bool Targetable = true)
{
    public bool LowerIsBetter => Kind == MetricKind.Lagging;
}

/// <summary>The metrics the city sets targets for (the 2023 winter plan's figures), amounts in 万元, counts in 个.</summary>
public static class Metrics
{
    public const string FixedAssetInvestment = "fixedAssetInvestment";
    public const string IndustrialInvestment = "industrialInvestment";
    public const string PrivateInvestment = "privateInvestment";
    public const string NewStarts = "newStarts";
    public const string Inclusions = "inclusions";
    public const string ReserveCount = "reserveCount";
    public const string ReserveAnnualInvestment = "reserveAnnualInvestment";
    public const string ReserveIndustrialCount = "reserveIndustrialCount";
    public const string ReserveIndustrialInvestment = "reserveIndustrialInvestment";
    public const string ReservePrivateCount = "reservePrivateCount";
    public const string ReservePrivateInvestment = "reservePrivateInvestment";
    public const string ReserveProvincialKeyCount = "reserveProvincialKeyCount";
    public const string ReserveProvincialKeyInvestment = "reserveProvincialKeyInvestment";
    public const string BigNewStarts50Plus = "bigNewStarts50Plus";
    public const string BigNewStarts10To50 = "bigNewStarts10To50";
    public const string BigNewStarts5To10 = "bigNewStarts5To10";
    public const string SignedTotalInvestment = "signedTotalInvestment";
    public const string NewStartPlannedInvestment = "newStartPlannedInvestment";
    public const string FundsInPlace = "fundsInPlace";
    public const string FundsSecured = "fundsSecured";
    public const string LaggingKeyProjects = "laggingKeyProjects";
    /// <summary>调度数: the project offices' own monthly figures, shown beside the official 统计数; no target.</summary>
    public const string ScheduledInvestment = "scheduledInvestment";

    const string Wan = "万元";
    const string Count = "个";

    public static readonly IReadOnlyList<Metric> All =
    [
        new(FixedAssetInvestment, "固定资产投资", Wan, MetricKind.Flow),
        new(IndustrialInvestment, "工业投资", Wan, MetricKind.Flow),
        new(PrivateInvestment, "民间投资", Wan, MetricKind.Flow),
        new(NewStarts, "新开工项目", Count, MetricKind.Flow),
        new(Inclusions, "入库纳统项目", Count, MetricKind.Flow),
        new(ReserveCount, "储备项目", Count, MetricKind.PlanYear),
        new(ReserveAnnualInvestment, "储备项目年度计划投资", Wan, MetricKind.PlanYear),
        new(ReserveIndustrialCount, "储备工业项目", Count, MetricKind.PlanYear),
        new(ReserveIndustrialInvestment, "储备工业项目年度计划投资", Wan, MetricKind.PlanYear),
        new(ReservePrivateCount, "储备民间投资项目", Count, MetricKind.PlanYear),
        new(ReservePrivateInvestment, "储备民间投资项目年度计划投资", Wan, MetricKind.PlanYear),
        new(ReserveProvincialKeyCount, "储备省级重点项目", Count, MetricKind.PlanYear),
        new(ReserveProvincialKeyInvestment, "储备省级重点项目年度计划投资", Wan, MetricKind.PlanYear),
        new(BigNewStarts50Plus, "新开工50亿元以上项目", Count, MetricKind.Flow),
        new(BigNewStarts10To50, "新开工10-50亿元项目", Count, MetricKind.Flow),
        new(BigNewStarts5To10, "新开工5-10亿元项目", Count, MetricKind.Flow),
        new(SignedTotalInvestment, "招商引资签约总投资", Wan, MetricKind.Flow),
        new(NewStartPlannedInvestment, "招商项目新开工计划总投资", Wan, MetricKind.Flow),
        new(FundsInPlace, "招商引资资金到位", Wan, MetricKind.Flow),
        new(FundsSecured, "争取上级资金", Wan, MetricKind.Flow),
        new(LaggingKeyProjects, "未按序时进度重点项目", Count, MetricKind.Lagging),
        new(ScheduledInvestment, "调度完成投资", Wan, MetricKind.Flow, Targetable: false),
    ];

    static readonly Dictionary<string, Metric> ByCode = All.ToDictionary(m => m.Code, StringComparer.Ordinal);

    public static Metric? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var m) ? m : null;

    public static Metric Get(string code) => ByCode[code];

    public static IEnumerable<Metric> Targetable => All.Where(m => m.Targetable);
}
