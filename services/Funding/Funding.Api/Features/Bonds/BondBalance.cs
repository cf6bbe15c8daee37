namespace Funding.Api.Features.Bonds;

/// <summary>What a special bond project states about its bond and its own revenue (万元; rate as a fraction, 0.03 = 3 %).</summary>
public sealed record BondTerms(IReadOnlyList<decimal> AnnualRevenue, decimal FinancingCost, decimal Principal, int Years, decimal Rate);

/// <summary>
/// 收益与融资自求平衡: does the project's own revenue over the bond's term cover what the bond costs?
/// Coverage = revenue in the term's years / (principal + interest + other financing costs).
/// </summary>
public sealed record BondBalance(BondTerms Terms, decimal RevenueOverTerm, decimal Interest, decimal DebtService, decimal Coverage, decimal MinCoverage)
{
    public bool Passes => Coverage >= MinCoverage;
}

public static class BondBalanceCalculator
{
    /// <summary>
    /// Special bonds pay interest every year on the whole principal and repay it at maturity, so interest is
    /// principal × rate × years. Revenue after the term does not count; missing years count as nothing.
    /// The ratio is cut (not rounded) to four places so a balance just short of the minimum never passes.
    /// </summary>
    public static BondBalance Evaluate(BondTerms terms, decimal minCoverage)
    {
        var revenue = terms.AnnualRevenue.Take(terms.Years).Sum();
        var interest = decimal.Round(terms.Principal * terms.Rate * terms.Years, 2, MidpointRounding.AwayFromZero);
        var debtService = terms.Principal + interest + terms.FinancingCost;
        var coverage = debtService <= 0 ? 0m : decimal.Round(revenue / debtService, 4, MidpointRounding.ToZero);
        return new BondBalance(terms, revenue, interest, debtService, coverage, minCoverage);
    }
}
