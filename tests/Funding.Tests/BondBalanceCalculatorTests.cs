using Funding.Api.Features.Bonds;
using Platform.ServiceDefaults.Problems;

namespace Funding.Tests;

public sealed class BondBalanceCalculatorTests
{
    [Fact]
    public void Coverage_is_revenue_over_the_term_divided_by_principal_interest_and_costs()
    {
        // 10,000 万 at 3.2 % for 15 years: interest 4,800; costs 200; debt service 15,000; revenue 15 × 1,200 = 18,000.
        var balance = BondBalanceCalculator.Evaluate(new BondTerms(Enumerable.Repeat(1200m, 15).ToList(), 200m, 10000m, 15, 0.032m), 1.1m);
        Assert.Equal(18000m, balance.RevenueOverTerm);
        Assert.Equal(4800m, balance.Interest);
        Assert.Equal(15000m, balance.DebtService);
        Assert.Equal(1.2m, balance.Coverage);
        Assert.True(balance.Passes);
    }

    [Fact]
    public void Revenue_after_the_term_does_not_count_and_missing_years_count_as_nothing()
    {
        var longer = BondBalanceCalculator.Evaluate(new BondTerms([500m, 500m, 9000m], 0m, 1000m, 2, 0m), 1.0m);
        Assert.Equal((1000m, 1.0m, true), (longer.RevenueOverTerm, longer.Coverage, longer.Passes));
        var shorter = BondBalanceCalculator.Evaluate(new BondTerms([600m], 0m, 1000m, 5, 0m), 1.0m);
        Assert.Equal((600m, 0.6m, false), (shorter.RevenueOverTerm, shorter.Coverage, shorter.Passes));
    }

    [Fact]
    public void A_coverage_just_below_the_minimum_is_cut_not_rounded_up_and_fails()
    {
        // 1,099.99 / 1,000 = 1.09999 → 1.0999, below 1.1.
        var balance = BondBalanceCalculator.Evaluate(new BondTerms([1099.99m], 0m, 1000m, 1, 0m), 1.1m);
        Assert.Equal(1.0999m, balance.Coverage);
        Assert.False(balance.Passes);
        Assert.True(BondBalanceCalculator.Evaluate(new BondTerms([1100m], 0m, 1000m, 1, 0m), 1.1m).Passes);
    }

    [Fact]
    public void Bond_terms_are_validated_field_by_field()
    {
        var errors = new ValidationErrors();
        new BondBalanceInput { AnnualRevenue = [-1m], Principal = 0m, Years = 0, Rate = 0.5m, FinancingCost = -1m }.Validate(errors);
        var fields = errors.ToDictionary().Keys;
        foreach (var field in new[] { "annualRevenue", "principal", "years", "rate", "financingCost" }) Assert.Contains(field, fields);
    }
}
