using Funding.Api.Features.Applications;
using Funding.Api.Features.Bonds;
using Funding.Api.Features.Programmes;
using Funding.Api.Features.Projects;

namespace Funding.Tests;

public sealed class ApplicationRulesTests
{
    static FundingApplication Draft(KnownProject project, Programme programme, decimal requested = 5000m)
    {
        var (application, refusal) = FundingApplication.Draft(project, programme, requested, ["可行性研究报告批复"], Samples.Today, Samples.Now);
        Assert.Null(refusal);
        return application!;
    }

    static FundingApplication Recommended(decimal requested = 5000m, KnownProject? project = null, Programme? programme = null)
    {
        project ??= Samples.Project();
        programme ??= Samples.Programme();
        var application = Draft(project, programme, requested);
        Assert.Null(application.Submit(project, programme, Samples.Today, Samples.Now));
        Assert.Null(application.Review(Samples.Now));
        Assert.Null(application.Recommend(Samples.Now));
        return application;
    }

    static FundingApplication Approved(decimal approved = 4000m)
    {
        var application = Recommended();
        Assert.Null(application.Approve(approved, Samples.Today, null, Samples.Now));
        return application;
    }

    [Fact]
    public void An_application_moves_from_draft_through_review_and_recommendation_to_approval_raising_its_version_each_time()
    {
        var project = Samples.Project();
        var programme = Samples.Programme();
        var application = Draft(project, programme);
        Assert.Equal((ApplicationStatus.Draft, 1L), (application.Status, application.Version));
        Assert.Null(application.Submit(project, programme, Samples.Today, Samples.Now));
        Assert.Equal((ApplicationStatus.Submitted, Samples.Today), (application.Status, application.SubmittedOn!.Value));
        Assert.Null(application.Review(Samples.Now));
        Assert.Equal(ApplicationStatus.CountyReview, application.Status);
        Assert.Null(application.Recommend(Samples.Now));
        Assert.Equal(ApplicationStatus.Recommended, application.Status);
        Assert.Null(application.Approve(4500m, Samples.Today, "第一批下达", Samples.Now));
        Assert.Equal((ApplicationStatus.Approved, 4500m, 5L), (application.Status, application.ApprovedAmount!.Value, application.Version));
    }

    [Fact]
    public void Steps_out_of_order_are_refused_as_illegal_transitions()
    {
        var project = Samples.Project();
        var programme = Samples.Programme();
        var application = Draft(project, programme);
        Assert.Equal("illegal_transition", application.Review(Samples.Now)?.Code);
        Assert.Equal("illegal_transition", application.Recommend(Samples.Now)?.Code);
        Assert.Equal("illegal_transition", application.Approve(100m, Samples.Today, null, Samples.Now)?.Code);
        Assert.Equal("illegal_transition", application.Reject("不符合", Samples.Today, Samples.Now)?.Code);
        Assert.Equal("illegal_transition", application.Allocate(100m, Samples.Today, null, Samples.Now)?.Code);
        Assert.Null(application.Submit(project, programme, Samples.Today, Samples.Now));
        var again = application.Submit(project, programme, Samples.Today, Samples.Now);
        Assert.Equal((409, "illegal_transition"), (again!.Status, again.Code));
        Assert.Equal(2, application.Version);
    }

    [Fact]
    public void A_rejected_application_is_final()
    {
        var application = Recommended();
        Assert.Null(application.Reject("资金规模有限", Samples.Today, Samples.Now));
        Assert.Equal(ApplicationStatus.Rejected, application.Status);
        Assert.Equal("illegal_transition", application.Approve(100m, Samples.Today, null, Samples.Now)?.Code);
        Assert.Equal("illegal_transition", application.Reject("again", Samples.Today, Samples.Now)?.Code);
    }

    [Fact]
    public void The_request_may_not_exceed_the_programme_share_of_the_total_investment()
    {
        var project = Samples.Project(totalInvestment: 10000m);
        var programme = Samples.Programme(maxShare: 0.8m);
        Assert.Null(FundingApplication.Draft(project, programme, 8000m, [], Samples.Today, Samples.Now).Refusal);
        var refusal = FundingApplication.Draft(project, programme, 8000.01m, [], Samples.Today, Samples.Now).Refusal;
        Assert.Equal((422, "exceeds_programme_share"), (refusal!.Status, refusal.Code));
    }

    [Fact]
    public void A_project_outside_the_programme_sectors_cannot_apply()
    {
        var refusal = FundingApplication.Draft(Samples.Project(category: "realEstate"), Samples.Programme(categories: ["infrastructure"]),
            100m, [], Samples.Today, Samples.Now).Refusal;
        Assert.Equal((422, "ineligible_category"), (refusal!.Status, refusal.Code));
        Assert.Null(FundingApplication.Draft(Samples.Project(category: "realEstate"), Samples.Programme(categories: []),
            100m, [], Samples.Today, Samples.Now).Refusal);
    }

    [Fact]
    public void A_draft_may_be_prepared_before_the_window_opens_but_is_submitted_only_inside_it()
    {
        var project = Samples.Project();
        var programme = Samples.Programme(opensOn: Samples.Today.AddDays(1), closesOn: Samples.Today.AddDays(30));
        var application = Draft(project, programme);
        var early = application.Submit(project, programme, Samples.Today, Samples.Now);
        Assert.Equal((409, "window_closed"), (early!.Status, early.Code));
        Assert.Null(application.Submit(project, programme, Samples.Today.AddDays(1), Samples.Now));
    }

    [Fact]
    public void Nobody_applies_after_the_window_closed()
    {
        var programme = Samples.Programme(opensOn: Samples.Today.AddDays(-30), closesOn: Samples.Today.AddDays(-1));
        var refusal = FundingApplication.Draft(Samples.Project(), programme, 100m, [], Samples.Today, Samples.Now).Refusal;
        Assert.Equal((409, "window_closed"), (refusal!.Status, refusal.Code));
    }

    [Fact]
    public void The_approved_amount_may_not_exceed_the_requested_amount()
    {
        var application = Recommended(requested: 5000m);
        Assert.Equal("exceeds_requested", application.Approve(5000.01m, Samples.Today, null, Samples.Now)?.Code);
        Assert.Equal(ApplicationStatus.Recommended, application.Status);
        Assert.Null(application.Approve(5000m, Samples.Today, null, Samples.Now));
    }

    [Fact]
    public void Allocations_never_pass_the_approved_amount_and_disbursements_never_pass_the_allocations()
    {
        var application = Approved(approved: 4000m);
        Assert.Equal("exceeds_allocated", application.Disburse(0.01m, Samples.Today, null, Samples.Now)?.Code);
        Assert.Null(application.Allocate(2500m, new DateOnly(2025, 5, 1), "晋财建〔2025〕45号", Samples.Now));
        Assert.Null(application.Allocate(1500m, new DateOnly(2025, 6, 1), null, Samples.Now));
        Assert.Equal("exceeds_approved", application.Allocate(0.01m, Samples.Today, null, Samples.Now)?.Code);
        Assert.Null(application.Disburse(3000m, new DateOnly(2025, 6, 10), null, Samples.Now));
        Assert.Equal("exceeds_allocated", application.Disburse(1000.01m, Samples.Today, null, Samples.Now)?.Code);
        Assert.Null(application.Disburse(1000m, new DateOnly(2025, 7, 10), null, Samples.Now));
        Assert.Equal((4000m, 4000m, 4), (application.AllocatedAmount, application.DisbursedAmount, application.Transfers.Count));
    }

    [Fact]
    public void A_special_bond_cannot_be_submitted_without_a_passing_revenue_and_financing_balance()
    {
        var project = Samples.Project();
        var programme = Samples.Programme(kind: ProgrammeKind.SpecialBond);
        var application = Draft(project, programme, requested: 5000m);
        Assert.Equal("bond_balance_insufficient", application.Submit(project, programme, Samples.Today, Samples.Now)?.Code);

        // 5,000 万 at 3 % for 10 years: 6,500 万 of principal and interest; 650 万 a year covers exactly 1.0 < 1.1.
        Assert.Null(application.RecordBondBalance(new BondTerms(Enumerable.Repeat(650m, 10).ToList(), 0m, 5000m, 10, 0.03m), 1.1m, Samples.Now));
        var refusal = application.Submit(project, programme, Samples.Today, Samples.Now);
        Assert.Equal((422, "bond_balance_insufficient"), (refusal!.Status, refusal.Code));

        Assert.Null(application.RecordBondBalance(new BondTerms(Enumerable.Repeat(800m, 10).ToList(), 0m, 5000m, 10, 0.03m), 1.1m, Samples.Now));
        Assert.Null(application.Submit(project, programme, Samples.Today, Samples.Now));
        Assert.Equal("illegal_transition", application.RecordBondBalance(new BondTerms([1m], 0m, 1m, 1, 0m), 1.1m, Samples.Now)?.Code);
    }

    [Fact]
    public void Only_special_bond_applications_carry_a_bond_balance()
    {
        var application = Draft(Samples.Project(), Samples.Programme(kind: ProgrammeKind.CentralBudget));
        var refusal = application.RecordBondBalance(new BondTerms([800m], 0m, 500m, 1, 0.03m), 1.1m, Samples.Now);
        Assert.Equal((422, "not_a_special_bond"), (refusal!.Status, refusal.Code));
    }
}
