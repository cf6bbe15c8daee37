namespace City.Api.Features.Targets;

/// <summary>Body of PUT /api/city/targets: several targets of one period at once (each upserted).</summary>
public sealed record TargetBatch : IValidatable
{
    public string? Period { get; init; }
    public IReadOnlyList<TargetItem>? Targets { get; init; }

    public void Validate(ValidationErrors errors)
    {
        errors.Required(Period, "period")
            .When(Period is not null && !global::Platform.ServiceDefaults.Period.TryParse(Period, out _), "period", FieldErrors.InvalidPeriod)
            .When(Targets is null || Targets.Count == 0, "targets", FieldErrors.EmptyList("must list at least one target"))
            .When(Targets is { Count: > 500 }, "targets", FieldErrors.TooMany(500, "must list at most 500 targets"));
        for (var i = 0; i < (Targets?.Count ?? 0); i++) Targets![i].Validate(errors, $"targets[{i}]");
        var keys = Targets?.Select(t => (t.Level, t.RegionCode, t.Township ?? "", t.Metric)).ToList() ?? [];
        if (keys.Count != keys.Distinct().Count()) errors.Add("targets", FieldErrors.DuplicateEntry("lists the same region, level and metric twice"));
    }
}

public sealed record TargetItem
{
    public TargetLevel? Level { get; init; }
    public string? RegionCode { get; init; }
    public string? Township { get; init; }
    public string? Metric { get; init; }
    public decimal? Amount { get; init; }
    public string? Note { get; init; }

    public void Validate(ValidationErrors errors, string at)
    {
        errors.Required(Level, $"{at}.level")
            .Required(RegionCode, $"{at}.regionCode")
            .When(RegionCode is not null && !Regions.IsKnown(RegionCode), $"{at}.regionCode", FieldErrors.UnknownRegion)
            .When(Level == TargetLevel.City && RegionCode is not null && RegionCode != Regions.City, $"{at}.regionCode", FieldErrors.CityTotalRegion)
            .When(Level == TargetLevel.Township && string.IsNullOrWhiteSpace(Township), $"{at}.township",
                FieldErrors.Required.Saying("is required for a township target"))
            .When(Level == TargetLevel.Township && RegionCode == Regions.City, $"{at}.regionCode", FieldErrors.CountyRequired)
            .When(Level is TargetLevel.City or TargetLevel.District && !string.IsNullOrEmpty(Township), $"{at}.township", FieldErrors.TownshipNotAllowed)
            .MaxLength(Township, 50, $"{at}.township")
            .Required(Metric, $"{at}.metric")
            .When(Metric is not null && Metrics.Find(Metric) is not { Targetable: true }, $"{at}.metric", FieldErrors.NotTargetable)
            .Required(Amount, $"{at}.amount").NonNegative(Amount, $"{at}.amount")
            .When(Amount is { } a && decimal.Round(a, 2) != a, $"{at}.amount", FieldErrors.Decimals(2))
            .When(Amount is { } c && Metrics.Find(Metric)?.Unit == "个" && decimal.Truncate(c) != c, $"{at}.amount",
                FieldErrors.WholeNumber.Saying("must be a whole number for a count"))
            .MaxLength(Note, 500, $"{at}.note");
    }
}

public sealed record TargetResponse(Guid Id, TargetLevel Level, string RegionCode, string RegionName, string? Township,
    string Period, string Metric, string Unit, decimal Amount, string? Note, string SetBy, DateTimeOffset UpdatedAt, long Version)
{
    public static TargetResponse From(Target t) => new(t.Id, t.Level, t.RegionCode,
        t.Level == TargetLevel.City ? Regions.Names[Regions.City] : Regions.NameOf(t.RegionCode),
        t.Township == "" ? null : t.Township, t.Period, t.Metric, Metrics.Find(t.Metric)?.Unit ?? "", t.Amount, t.Note, t.SetBy, t.UpdatedAt, t.Version);
}
