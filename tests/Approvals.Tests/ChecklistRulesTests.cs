using Approvals.Api.Features.Catalogue;
using Approvals.Api.Features.Checklists;
using static Approvals.Api.Features.Checklists.ChecklistRules.Codes;

namespace Approvals.Tests;

public sealed class ChecklistRulesTests
{
    static ChecklistFacts Facts(string category = "infrastructure", string nature = "new", decimal total = 32_000m, bool isPrivate = false,
        bool industrial = false, string? industry = null, decimal? tce = null) =>
        new(category, nature, total, isPrivate, industrial, industry, tce);

    static IReadOnlyList<string> Codes(ChecklistFacts facts) => ChecklistRules.For(facts).Select(e => e.Code).ToList();

    [Fact]
    public void A_new_government_infrastructure_project_needs_the_full_list_and_is_approved_by_审批()
    {
        var facts = Facts();
        Assert.Equal([ProjectApproval, LandPreSite, LandPlanningPermit, WorksPlanningPermit, Eia, EnergyCommitment, SoilWater, ConstructionPermit], Codes(facts));
        Assert.Equal("审批", ChecklistRules.For(facts).Single(e => e.Code == ProjectApproval).Variant);
    }

    [Fact]
    public void An_enterprise_project_is_filed_by_备案()
    {
        Assert.Equal("备案", ChecklistRules.ApprovalForm(Facts(category: "industry", isPrivate: true, industrial: true, industry: "新材料")));
        Assert.Equal("备案", ChecklistRules.ApprovalForm(Facts(category: "cultureTourism")));
    }

    [Fact]
    public void A_private_investor_in_public_works_is_an_enterprise_and_files_by_备案() =>
        Assert.Equal("备案", ChecklistRules.ApprovalForm(Facts(category: "infrastructure", isPrivate: true)));

    [Theory]
    [InlineData("煤矿")]
    [InlineData("煤电")]
    [InlineData("抽水蓄能水电")]
    public void An_enterprise_project_in_an_industry_of_the_government_approval_list_needs_核准(string industry) =>
        Assert.Equal("核准", ChecklistRules.ApprovalForm(Facts(category: "industry", isPrivate: true, industrial: true, industry: industry)));

    [Fact]
    public void A_renovation_on_land_the_project_holds_skips_the_land_items_and_soil_water()
    {
        var codes = Codes(Facts(nature: "renovation"));
        Assert.DoesNotContain(LandPreSite, codes);
        Assert.DoesNotContain(LandPlanningPermit, codes);
        Assert.DoesNotContain(SoilWater, codes);
        Assert.Contains(WorksPlanningPermit, codes);
        Assert.Contains(ConstructionPermit, codes);
    }

    [Theory]
    [InlineData(999.99, false)]
    [InlineData(1000, true)]
    public void A_small_project_below_1000_wan_needs_no_soil_and_water_plan(decimal total, bool needed) =>
        Assert.Equal(needed, Codes(Facts(total: total)).Contains(SoilWater));

    [Theory]
    [InlineData(9_999.99, EnergyCommitment)]
    [InlineData(10_000, EnergyReview)]
    [InlineData(250_000, EnergyReview)]
    public void The_estimated_energy_use_decides_between_review_and_commitment(decimal tce, string expected)
    {
        var codes = Codes(Facts(tce: tce));
        Assert.Contains(expected, codes);
        Assert.DoesNotContain(expected == EnergyReview ? EnergyCommitment : EnergyReview, codes);
    }

    [Theory]
    [InlineData(true, 100_000, EnergyReview)]
    [InlineData(true, 99_999, EnergyCommitment)]
    [InlineData(false, 800_000, EnergyCommitment)]
    public void Without_an_estimate_a_large_industrial_project_is_taken_to_need_energy_review(bool industrial, decimal total, string expected) =>
        Assert.Contains(expected, Codes(Facts(category: "industry", industrial: industrial, total: total)));

    [Fact]
    public void The_catalogue_supplies_the_items_and_an_administrators_own_procedure_applies_to_every_project()
    {
        var catalogue = Catalogue.Standard().Append(Catalogue.Make("fire-safety", "消防设计审查", "住建局", 15)).ToList();
        var wanted = ChecklistBuilder.WantedFor(Facts(nature: "renovation"), catalogue).Select(w => w.Procedure.Code).ToList();
        Assert.Contains("fire-safety", wanted);
        Assert.DoesNotContain(LandPreSite, wanted);
    }

    [Fact]
    public void An_inactive_procedure_goes_into_no_new_checklist()
    {
        var catalogue = Catalogue.Standard().Select(p => p.Code == SoilWater ? Catalogue.Make(SoilWater, "水土保持", "水务局", 20, active: false) : p).ToList();
        Assert.DoesNotContain(ChecklistBuilder.WantedFor(Facts(), catalogue), w => w.Procedure.Code == SoilWater);
    }
}

/// <summary>A catalogue like the seeded one, built in memory for the rule tests.</summary>
static class Catalogue
{
    public static Procedure Make(string code, string name, string agency, int days, bool active = true, params string[] dependsOn) =>
        Procedure.Create(new ProcedureInput
        {
            Code = code, Name = name, Agency = agency, TimeLimitWorkingDays = days, RequiredBeforeStart = true,
            DependsOn = [.. dependsOn], Active = active,
        }, DateTimeOffset.UtcNow);

    public static IEnumerable<Procedure> Standard() =>
    [
        Make(ProjectApproval, "审批/核准/备案", "发改局", 20),
        Make(LandPreSite, "用地预审与选址", "自然资源局", 20),
        Make(LandPlanningPermit, "建设用地规划许可", "自然资源局", 20, true, LandPreSite),
        Make(WorksPlanningPermit, "建设工程规划许可", "自然资源局", 20, true, LandPlanningPermit),
        Make(Eia, "环评批复", "生态环境局", 30),
        Make(EnergyReview, "节能审查", "发改局", 20),
        Make(EnergyCommitment, "节能承诺备案", "发改局", 5),
        Make(SoilWater, "水土保持方案审批", "水务局", 20),
        Make(ConstructionPermit, "施工许可", "住建局", 7, true, WorksPlanningPermit, Eia),
    ];
}
