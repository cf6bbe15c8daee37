namespace Attraction.Api.Features.Deals;

/// <summary>An investor as sent: an enterprise of the library (its name is taken from there) or a name.</summary>
public sealed record DealInvestorInput(Guid? EnterpriseId, string? Name);

/// <summary>The body of POST /api/attraction/deals. Money in 万元.</summary>
public sealed record DealInput : IValidatable
{
    public string? Name { get; init; }
    public List<DealInvestorInput>? Investors { get; init; }
    public decimal? Amount { get; init; }
    public DateOnly? SignedOn { get; init; }
    /// <summary>The county the deal was signed for; the caller's own region when omitted.</summary>
    public string? RegionCode { get; init; }
    public string? Industry { get; init; }
    public DateOnly? PlannedStartOn { get; init; }
    /// <summary>The lead that became this deal; it is marked signed and linked.</summary>
    public Guid? LeadId { get; init; }

    public void Validate(ValidationErrors errors)
    {
        errors.Required(Name, "name").MaxLength(Name, 200, "name")
            .When(Investors is null || Investors.Count == 0, "investors", FieldErrors.EmptyList("must name at least one investor"))
            .When(Investors is { Count: > 20 }, "investors", FieldErrors.TooMany(20, "must list at most 20 investors"))
            .Required(Amount, "amount").Amount(Amount, "amount")
            .When(Amount is 0, "amount", FieldErrors.NotPositive)
            .When(Amount is { } a && decimal.Round(a, 2) != a, "amount", FieldErrors.MoneyDecimals)
            .Required(SignedOn, "signedOn")
            .When(RegionCode is not null && !Regions.IsKnown(RegionCode), "regionCode",
                FieldErrors.UnknownRegion.Saying("is not a region of the city (GB/T 2260 code, 开发区 140571)"))
            .MaxLength(Industry, 100, "industry")
            .When(PlannedStartOn < SignedOn, "plannedStartOn", FieldErrors.BeforeSigningDate);
        for (var i = 0; i < (Investors?.Count ?? 0); i++)
        {
            var investor = Investors![i];
            errors.When(investor is null || investor.EnterpriseId is null && string.IsNullOrWhiteSpace(investor.Name),
                    $"investors[{i}]", FieldErrors.Required.Saying("needs an enterpriseId or a name"))
                .MaxLength(investor?.Name, 200, $"investors[{i}].name");
        }
    }
}

/// <summary>POST /api/attraction/deals/{id}/commitments.</summary>
public sealed record CommitmentInput(CommitmentSide? Side, string? Kind, string? Content, decimal? Amount, DateOnly? DueOn) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors
        .Required(Side, "side")
        .Required(Kind, "kind").MaxLength(Kind, 30, "kind")
        .Required(Content, "content").MaxLength(Content, 1000, "content")
        .Amount(Amount, "amount")
        .When(Amount is { } a && decimal.Round(a, 2) != a, "amount", FieldErrors.MoneyDecimals)
        .Required(DueOn, "dueOn");
}

/// <summary>POST /api/attraction/deals/{id}/commitments/{cid}/fulfil.</summary>
public sealed record FulfilmentInput(DateOnly? FulfilledOn, string? Note) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors.Required(FulfilledOn, "fulfilledOn").MaxLength(Note, 1000, "note");
}

/// <summary>POST /api/attraction/deals/{id}/funds: 资金到位 in 万元.</summary>
public sealed record FundsInput(decimal? Amount, DateOnly? ArrivedOn, string? Note) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors
        .Required(Amount, "amount").Amount(Amount, "amount")
        .When(Amount is 0, "amount", FieldErrors.NotPositive)
        .When(Amount is { } a && decimal.Round(a, 2) != a, "amount", FieldErrors.MoneyDecimals)
        .Required(ArrivedOn, "arrivedOn")
        .MaxLength(Note, 500, "note");
}

public sealed record DealFilter(string? RegionCode, int? Year, bool? Converted, bool? Started, bool? HasOverdueCommitments,
    string? Industry, string? Q, string? Sort, int? Page, int? PageSize);
