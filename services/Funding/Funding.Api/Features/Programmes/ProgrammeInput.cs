namespace Funding.Api.Features.Programmes;

/// <summary>The body of POST /api/funding/programmes. Nullable value types so a missing field is reported.</summary>
public sealed record ProgrammeInput : IValidatable
{
    public string? Name { get; init; }
    public ProgrammeKind? Kind { get; init; }
    public int? Year { get; init; }
    /// <summary>The batch within the year, e.g. "2025-1" or "第二批".</summary>
    public string? Batch { get; init; }
    public DateOnly? OpensOn { get; init; }
    public DateOnly? ClosesOn { get; init; }
    public string[]? EligibleCategories { get; init; }
    public decimal? MaxShare { get; init; }

    public void Validate(ValidationErrors errors)
    {
        errors.Required(Name, "name").MaxLength(Name, 200, "name")
            .Required(Kind, "kind")
            .Required(Year, "year").Range(Year, 2000, 2100, "year")
            .Required(Batch, "batch").MaxLength(Batch, 50, "batch")
            .Required(OpensOn, "opensOn")
            .Required(ClosesOn, "closesOn")
            .When(OpensOn > ClosesOn, "closesOn", FieldErrors.BeforeOpensOn)
            .Required(MaxShare, "maxShare")
            .When(MaxShare is <= 0 or > 1, "maxShare", FieldErrors.ShareRange)
            .When(MaxShare is { } s && decimal.Round(s, 4) != s, "maxShare", FieldErrors.Decimals(4));
        foreach (var category in EligibleCategories ?? [])
            if (!Programme.ProjectCategories.Contains(category))
                errors.Add("eligibleCategories", FieldErrors.OneOf(Programme.ProjectCategories)
                    .Saying($"'{category}' is not a project category: {string.Join(", ", Programme.ProjectCategories)}"));
    }
}
