namespace Funding.Api.Features.Bonds;

/// <summary>The body of PUT /api/funding/applications/{id}/bond-balance.</summary>
public sealed record BondBalanceInput : IValidatable
{
    /// <summary>The project's own revenue per year of the bond's term, first year first (万元).</summary>
    public decimal[]? AnnualRevenue { get; init; }
    /// <summary>Issuance and other financing costs over the term (万元); 0 when omitted.</summary>
    public decimal? FinancingCost { get; init; }
    public decimal? Principal { get; init; }
    public int? Years { get; init; }
    /// <summary>Annual coupon as a fraction (0.0235 = 2.35 %).</summary>
    public decimal? Rate { get; init; }

    public BondTerms ToTerms() => new(AnnualRevenue!, FinancingCost ?? 0m, Principal!.Value, Years!.Value, Rate!.Value);

    public void Validate(ValidationErrors errors)
    {
        errors.Required(AnnualRevenue, "annualRevenue")
            .When(AnnualRevenue is { Length: 0 }, "annualRevenue", FieldErrors.EmptyList("must list at least one year"))
            .When(AnnualRevenue is { Length: > 50 }, "annualRevenue", FieldErrors.TooMany(50, "must list at most 50 years"))
            .When(AnnualRevenue?.Any(r => r < 0 || r > 999_999_999_999m || decimal.Round(r, 2) != r) == true, "annualRevenue",
                FieldErrors.MoneyDecimals.Saying("each year must be a non-negative amount in 万元 with at most two decimal places"))
            .NonNegative(FinancingCost, "financingCost")
            .Required(Principal, "principal")
            .When(Principal is <= 0, "principal", FieldErrors.NotPositive)
            .NonNegative(Principal, "principal")
            .Required(Years, "years").Range(Years, 1, 50, "years")
            .Required(Rate, "rate")
            .When(Rate is < 0 or > 0.2m, "rate", FieldErrors.OutOfRange(0m, 0.2m).Saying("must be a fraction between 0 and 0.2 (0.03 = 3 %)"));
        foreach (var (value, field) in new[] { (FinancingCost, "financingCost"), (Principal, "principal") })
            if (value is { } v && decimal.Round(v, 2) != v) errors.Add(field, FieldErrors.MoneyDecimals);
    }
}
