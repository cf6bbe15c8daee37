namespace City.Api.Features.Targets;

/// <summary>Who a target is for: the city as a whole, one district (市本级 included), or a township of a county.</summary>
public enum TargetLevel { City, District, Township }

/// <summary>One target: a region (or township), a period, a metric and an amount (万元, or a count).</summary>
public sealed class Target : IAudited
{
    public Guid Id { get; init; }
    public TargetLevel Level { get; init; }
    public string RegionCode { get; init; } = "";
    /// <summary>Empty unless the level is township (keeps the natural key unique in SQL).</summary>
    public string Township { get; init; } = "";
    public string Period { get; init; } = "";
    public string Metric { get; init; } = "";
    public decimal Amount { get; private set; }
    public string? Note { get; private set; }
    public string SetBy { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public long Version { get; private set; }

    public static Target Create(TargetLevel level, string regionCode, string? township, string period, string metric,
        decimal amount, string? note, string setBy, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(),
            Level = level,
            RegionCode = regionCode,
            Township = township ?? "",
            Period = period,
            Metric = metric,
            Amount = amount,
            Note = note,
            SetBy = setBy,
            UpdatedAt = now,
            Version = 1,
        };

    /// <summary>Sets a new amount; returns false (and changes nothing) when it is the same.</summary>
    public bool Change(decimal amount, string? note, string setBy, DateTimeOffset now)
    {
        if (amount == Amount && note == Note) return false;
        Amount = amount;
        Note = note;
        SetBy = setBy;
        UpdatedAt = now;
        Version++;
        return true;
    }

    /// <summary>
    /// City HQ (or the city's admin) sets the city total and the district targets; a county's project office
    /// (or its admin) sets the township targets of its own county only. Returns why not, or null.
    /// </summary>
    public static string? WhyCannotSet(CallerScope caller, TargetLevel level, string regionCode)
    {
        if (level is TargetLevel.City or TargetLevel.District)
            return caller.IsCity && caller.HasRole(BureauRoles.CityHq, BureauRoles.Admin)
                ? null
                : "Only the city HQ office sets the city and district targets.";
        if (caller.IsCity || caller.Township is not null || !caller.HasRole(BureauRoles.ProjectOffice, BureauRoles.Admin))
            return "Township targets are set by the county's project office.";
        return regionCode == caller.RegionCode ? null : $"You may only set township targets of region {caller.RegionCode}.";
    }
}
