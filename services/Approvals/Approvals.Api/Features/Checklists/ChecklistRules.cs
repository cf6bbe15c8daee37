namespace Approvals.Api.Features.Checklists;

/// <summary>What decides a project's checklist (一项目一清单). A change to any of these re-evaluates it.</summary>
public sealed record ChecklistFacts(
    string Category, string Nature, decimal TotalInvestment, bool IsPrivateInvestment, bool IsIndustrial, string? Industry,
    decimal? EnergyConsumptionTce = null);

/// <summary>One procedure a project needs; <see cref="Variant"/> says which form (审批, 核准 or 备案 for the 立项 item).</summary>
public sealed record ChecklistEntry(string Code, string? Variant = null);

/// <summary>
/// Which pre-construction procedures a project needs, from its nature, category and size. Pure, so the rules
/// are tested on their own; the catalogue supplies names, agencies and time limits.
/// </summary>
public static class ChecklistRules
{
    public static class Codes
    {
        public const string ProjectApproval = "project-approval";
        public const string LandPreSite = "land-presite";
        public const string LandPlanningPermit = "land-planning-permit";
        public const string WorksPlanningPermit = "works-planning-permit";
        public const string Eia = "eia";
        public const string EnergyReview = "energy-review";
        public const string EnergyCommitment = "energy-commitment";
        public const string SoilWater = "soil-water";
        public const string ConstructionPermit = "construction-permit";

        /// <summary>The codes these rules decide; any other active catalogue procedure applies to every project.</summary>
        public static readonly IReadOnlySet<string> RuleGoverned = new HashSet<string>
        {
            ProjectApproval, LandPreSite, LandPlanningPermit, WorksPlanningPermit, Eia, EnergyReview, EnergyCommitment, SoilWater, ConstructionPermit,
        };
    }

    /// <summary>节能审查 is needed from 10,000 tce of annual comprehensive energy use; below it a 节能承诺 is filed.</summary>
    public const decimal EnergyReviewThresholdTce = 10_000m;

    /// <summary>Without an energy estimate, an industrial project of ≥ 10 亿 (100,000 万) is taken to reach the threshold.</summary>
    public const decimal EnergyReviewInvestmentWithoutEstimate = 100_000m;

    /// <summary>Below 1,000 万 a project disturbs too little land to need a 水土保持方案 of its own.</summary>
    public const decimal SoilWaterMinimumInvestment = 1_000m;

    /// <summary>Government investment in public works is 审批制; enterprises' projects are 核准 or 备案.</summary>
    static readonly HashSet<string> PublicWorksCategories = ["infrastructure", "livelihood", "ecology", "urbanRenewal"];

    /// <summary>Industries of the 政府核准的投资项目目录 this city meets most: coal, thermal and hydro power, grids, oil and gas, reservoirs.</summary>
    static readonly string[] ApprovalListIndustries = ["煤矿", "煤电", "火电", "水电", "电网", "油气", "炼油", "水库"];

    public static IReadOnlyList<ChecklistEntry> For(ChecklistFacts facts)
    {
        var entries = new List<ChecklistEntry> { new(Codes.ProjectApproval, ApprovalForm(facts)) };
        // 改建 works on land the project already holds: no new land, so no land pre-review or land-use planning permit.
        var newLand = facts.Nature != "renovation";
        if (newLand)
        {
            entries.Add(new(Codes.LandPreSite));
            entries.Add(new(Codes.LandPlanningPermit));
        }
        entries.Add(new(Codes.WorksPlanningPermit));
        entries.Add(new(Codes.Eia));
        entries.Add(new(NeedsEnergyReview(facts) ? Codes.EnergyReview : Codes.EnergyCommitment));
        if (newLand && facts.TotalInvestment >= SoilWaterMinimumInvestment) entries.Add(new(Codes.SoilWater));
        entries.Add(new(Codes.ConstructionPermit));
        return entries;
    }

    /// <summary>审批 (government-invested public works), 核准 (listed industries) or 备案 (every other enterprise project).</summary>
    public static string ApprovalForm(ChecklistFacts facts)
    {
        if (!facts.IsPrivateInvestment && PublicWorksCategories.Contains(facts.Category)) return "审批";
        if (facts.Industry is { } industry && ApprovalListIndustries.Any(industry.Contains)) return "核准";
        return "备案";
    }

    public static bool NeedsEnergyReview(ChecklistFacts facts) => facts.EnergyConsumptionTce is { } tce
        ? tce >= EnergyReviewThresholdTce
        : facts.IsIndustrial && facts.TotalInvestment >= EnergyReviewInvestmentWithoutEstimate;
}
