using Funding.Api.Features;
using Funding.Api.Features.Applications;
using Funding.Api.Features.Programmes;
using Funding.Api.Features.Summary;

namespace Funding.Tests;

public sealed class FundingSummaryTests
{
    static SummaryRow Row(ProgrammeKind kind, int year, ApplicationStatus status, decimal requested, decimal? approved = null,
        decimal allocated = 0m, decimal disbursed = 0m) => new(kind, year, status, requested, approved, allocated, disbursed);

    static readonly SummaryRow[] Rows =
    [
        Row(ProgrammeKind.CentralBudget, 2025, ApplicationStatus.Approved, 20000m, 15000m, 10000m, 6000m),
        Row(ProgrammeKind.SpecialBond, 2025, ApplicationStatus.Approved, 30000m, 20000m, 20000m, 5000m),
        Row(ProgrammeKind.UltraLongBond, 2025, ApplicationStatus.Recommended, 8000m),
        Row(ProgrammeKind.PreliminaryFee, 2025, ApplicationStatus.Approved, 500m, 300m),
        Row(ProgrammeKind.Other, 2025, ApplicationStatus.Draft, 700m),
        Row(ProgrammeKind.CentralBudget, 2025, ApplicationStatus.Rejected, 1000m),
        Row(ProgrammeKind.CentralBudget, 2024, ApplicationStatus.Approved, 30000m, 25000m, 25000m, 25000m),
        Row(ProgrammeKind.SpecialBond, 2024, ApplicationStatus.Submitted, 9000m),
    ];

    [Fact]
    public void Totals_count_submitted_requests_approved_amounts_and_the_dated_transfers_of_the_year()
    {
        var summary = FundingSummary.Compute(Rows, 2025, "140522", null);
        Assert.Equal(20000m + 30000m + 8000m + 500m + 1000m, summary.Requested); // the draft is not a request yet
        Assert.Equal(35300m, summary.Approved);
        Assert.Equal(30000m, summary.Allocated);
        Assert.Equal(11000m, summary.Disbursed);
        var central = summary.ByKind.Single(k => k.Kind == ProgrammeKind.CentralBudget);
        Assert.Equal((21000m, 15000m, 10000m, 6000m), (central.Requested, central.Approved, central.Allocated, central.Disbursed));
        Assert.Equal(5, summary.ByKind.Count);
        Assert.Equal(0m, summary.ByKind.Single(k => k.Kind == ProgrammeKind.Other).Requested);
    }

    [Fact]
    public void Growth_compares_approved_policy_funds_with_the_previous_year_in_percent()
    {
        var summary = FundingSummary.Compute(Rows, 2025, "140522", null);
        Assert.Equal(25000m, summary.PreviousYearApproved);
        Assert.Equal(41.2m, summary.GrowthPercent); // (35,300 − 25,000) / 25,000 = 41.2 %
        Assert.Null(FundingSummary.Compute(Rows, 2024, "140522", null).GrowthPercent); // nothing in 2023 to compare with
    }

    [Fact]
    public void Progress_to_target_counts_only_central_budget_special_bond_and_ultra_long_bond_money()
    {
        var target = new FundingTarget { SecuredMin = 40000m, GrowthMin = 0.30m };
        var progress = FundingSummary.Compute(Rows, 2025, "140522", target).Target!;
        Assert.Equal(35000m, progress.Secured); // the 300 万 of 前期费 does not count
        Assert.Equal(87.5m, progress.ProgressPercent);
        Assert.False(progress.SecuredMet);
        Assert.Equal(30m, progress.GrowthMinPercent);
        Assert.True(progress.GrowthMet);
    }

    [Fact]
    public void Without_a_configured_target_there_is_no_progress()
    {
        Assert.Null(FundingSummary.Compute(Rows, 2025, "140524", null).Target);
        Assert.Equal(0m, FundingSummary.Compute([], 2025, null, null).Approved);
    }

    [Fact]
    public void Targets_are_read_per_region_and_year_from_configuration()
    {
        var options = new FundingOptions { Targets = new() { ["140522"] = new() { ["2025"] = new FundingTarget { SecuredMin = 40000m } } } };
        Assert.Equal(40000m, options.TargetFor("140522", 2025)!.SecuredMin);
        Assert.Null(options.TargetFor("140522", 2024));
        Assert.Null(options.TargetFor("140521", 2025));
    }
}
