namespace Statistics.Api.Features;

/// <summary>Configuration section "Statistics".</summary>
public sealed class StatisticsOptions
{
    /// <summary>统计起点: a started project with a total investment at or above this (万元) must be included.</summary>
    public decimal ThresholdWan { get; set; } = 500m;
    /// <summary>A gap between 调度数 and 统计数 above this percentage of the 统计数 is flagged.</summary>
    public decimal GapWarnPercent { get; set; } = 20m;
    /// <summary>pg_trgm similarity of normalised names from which two projects of one region are duplicate candidates.</summary>
    public double NameSimilarity { get; set; } = 0.7;
}

/// <summary>Who may do what in this context.</summary>
public static class StatisticsRoles
{
    /// <summary>The statistics bureau decides inclusions, enters figures and judges duplicates.</summary>
    static readonly string[] Deciders = [BureauRoles.Statistics, BureauRoles.Admin];

    public static readonly WriteRule EnterFigures = new("enter official statistics", Deciders);
    public static readonly WriteRule DecideInclusions = new("decide statistical inclusions", Deciders);
    public static readonly WriteRule ScanDuplicates = new("run a duplicate scan", Deciders);
    public static readonly WriteRule JudgeDuplicates = new("judge duplicates", Deciders);

    /// <summary>Applications come from the project office, a township for its own projects, or the bureau itself.</summary>
    public static readonly WriteRule ApplyForInclusion = new("apply for statistical inclusion",
        BureauRoles.ProjectOffice, BureauRoles.Township, BureauRoles.Statistics, BureauRoles.Admin);
}
