namespace ProjectLibrary.Api.Features.Projects;

/// <summary>
/// What a project office types in for a project: the body of POST /api/projects and PUT /api/projects/{id}
/// (PUT replaces every field). Value types are nullable so a missing field is reported, not read as 0.
/// </summary>
public sealed record ProjectInput : IValidatable
{
    public string? Name { get; init; }
    public string? RegionCode { get; init; }
    public string? Township { get; init; }
    public ProjectCategory? Category { get; init; }
    public ProjectNature? Nature { get; init; }
    public string? Industry { get; init; }
    public string? Description { get; init; }
    public decimal? TotalInvestment { get; init; }
    public decimal? AnnualPlannedInvestment { get; init; }
    public int? Year { get; init; }
    public DateOnly? PlannedStartDate { get; init; }
    public DateOnly? PlannedFinishDate { get; init; }
    public bool? IsPrivateInvestment { get; init; }
    public bool? IsIndustrial { get; init; }
    public bool? IsHighTech { get; init; }
    public bool? IsTransformation { get; init; }
    /// <summary>Omit to let the rule decide (county key project when the annual plan is ≥ 5,000 万).</summary>
    public KeyLevel? KeyLevel { get; init; }
    public string? LeaderInCharge { get; init; }
    public string? ResponsibleUnit { get; init; }
    public string? ContactPerson { get; init; }
    public string? ContactPhone { get; init; }
    public string? NationalCode { get; init; }
    public string? StatisticsCode { get; init; }
    public string? BondProjectId { get; init; }
    public string? LocalNumber { get; init; }

    public void Validate(ValidationErrors errors)
    {
        errors.Required(Name, "name").MaxLength(Name, 200, "name")
            .Required(RegionCode, "regionCode")
            .When(RegionCode is not null && !Regions.IsKnown(RegionCode), "regionCode",
                FieldErrors.UnknownRegion.Saying("is not a region of the city (GB/T 2260 code, 开发区 140571)"))
            .MaxLength(Township, 50, "township")
            .Required(Category, "category")
            .Required(Nature, "nature")
            .MaxLength(Industry, 100, "industry")
            .MaxLength(Description, 4000, "description")
            .Required(TotalInvestment, "totalInvestment").Amount(TotalInvestment, "totalInvestment")
            .Required(AnnualPlannedInvestment, "annualPlannedInvestment").Amount(AnnualPlannedInvestment, "annualPlannedInvestment")
            .When(AnnualPlannedInvestment > TotalInvestment, "annualPlannedInvestment", FieldErrors.ExceedsTotalInvestment)
            .Required(Year, "year").Range(Year, 2000, 2100, "year")
            .When(PlannedStartDate > PlannedFinishDate, "plannedFinishDate", FieldErrors.BeforePlannedStart)
            .MaxLength(LeaderInCharge, 50, "leaderInCharge")
            .MaxLength(ResponsibleUnit, 100, "responsibleUnit")
            .MaxLength(ContactPerson, 50, "contactPerson")
            .MaxLength(ContactPhone, 30, "contactPhone")
            .MaxLength(StatisticsCode, 50, "statisticsCode")
            .MaxLength(BondProjectId, 50, "bondProjectId")
            .MaxLength(LocalNumber, 50, "localNumber");
        if (!string.IsNullOrEmpty(NationalCode) && NationalProjectCode.Error(NationalCode) is { } problem)
            errors.Add("nationalCode", problem);
        foreach (var (value, field) in new[] { (TotalInvestment, "totalInvestment"), (AnnualPlannedInvestment, "annualPlannedInvestment") })
            if (value is { } v && decimal.Round(v, 2) != v) errors.Add(field, FieldErrors.MoneyDecimals);
    }
}
