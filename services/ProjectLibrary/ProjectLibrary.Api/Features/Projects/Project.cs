using Platform.Contracts.ProjectLibrary;

namespace ProjectLibrary.Api.Features.Projects;

/// <summary>A project in the library, from idea to operation. Money in 万元.</summary>
public sealed partial class Project : IAudited, ITownshipScoped
{
    /// <summary>重点项目 threshold for the county level: annual planned investment ≥ 5,000 万.</summary>
    public const decimal CountyKeyThreshold = 5_000m;

    public Guid Id { get; init; }
    public string Name { get; private set; } = "";
    public string RegionCode { get; private set; } = "";
    public string? Township { get; private set; }
    public ProjectCategory Category { get; private set; }
    public ProjectNature Nature { get; private set; }
    public string? Industry { get; private set; }
    public string? Description { get; private set; }
    public decimal TotalInvestment { get; private set; }
    public decimal AnnualPlannedInvestment { get; private set; }
    public int Year { get; private set; }
    public ProjectStage Stage { get; private set; }
    public DateOnly? PlannedStartDate { get; private set; }
    public DateOnly? PlannedFinishDate { get; private set; }
    public DateOnly? ActualStartDate { get; private set; }
    public DateOnly? ActualFinishDate { get; private set; }
    public bool IsPrivateInvestment { get; private set; }
    public bool IsIndustrial { get; private set; }
    public bool IsHighTech { get; private set; }
    public bool IsTransformation { get; private set; }
    public KeyLevel KeyLevel { get; private set; }
    public bool KeyLevelSetExplicitly { get; private set; }
    public string? LeaderInCharge { get; private set; }
    public string? ResponsibleUnit { get; private set; }
    public string? ContactPerson { get; private set; }
    public string? ContactPhone { get; private set; }
    public string? NationalCode { get; private set; }
    public string? StatisticsCode { get; private set; }
    public string? BondProjectId { get; private set; }
    public string? LocalNumber { get; private set; }
    /// <summary>手续完备: every required pre-construction procedure is approved (from the approvals service).</summary>
    public bool ReadyToStart { get; private set; }
    /// <summary>入库纳统: the statistics bureau approved the project's inclusion.</summary>
    public bool IsIncludedInStatistics { get; private set; }
    /// <summary>The signed deal (investment attraction) this project came from.</summary>
    public Guid? SourceDealId { get; private set; }
    /// <summary>The stage to return to when a suspension ends.</summary>
    public ProjectStage? StageBeforeSuspension { get; private set; }
    /// <summary>Date of the last lifecycle transition: a later one cannot be dated before it.</summary>
    public DateOnly? StageChangedOn { get; private set; }
    /// <summary>Maintained 调度数 sum for the plan year (<see cref="Year"/>), so laggards are found in SQL.</summary>
    public decimal YearToDateInvestment { get; private set; }
    /// <summary>Latest month of the plan year with a reported figure (0 when none).</summary>
    public int ReportedThroughMonth { get; private set; }
    // Versions of the other contexts' aggregates last applied, so a stale or reordered event changes nothing.
    public long? ApprovalsVersion { get; private set; }
    public long? InclusionVersion { get; private set; }
    public long? DealVersion { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>Grows by one with every change: the ETag, the concurrency token and the events' Version.</summary>
    public long Version { get; private set; }

    public string ETag => $"\"{Version}\"";

    public static Project Register(ProjectInput input, DateTimeOffset now)
    {
        var project = new Project { Id = Guid.CreateVersion7(), CreatedAt = now, Stage = ProjectStage.Reserve };
        project.Apply(input);
        project.UpdatedAt = now;
        project.Version = 1;
        return project;
    }

    /// <summary>Replaces the editable fields (PUT). Stage and actual dates change only through the lifecycle.</summary>
    public void Update(ProjectInput input, DateTimeOffset now)
    {
        Apply(input);
        Touch(now);
    }

    void Apply(ProjectInput input)
    {
        Name = input.Name!.Trim();
        RegionCode = input.RegionCode!;
        Township = Blank(input.Township);
        Category = input.Category!.Value;
        Nature = input.Nature!.Value;
        Industry = Blank(input.Industry);
        Description = Blank(input.Description);
        TotalInvestment = input.TotalInvestment!.Value;
        AnnualPlannedInvestment = input.AnnualPlannedInvestment!.Value;
        Year = input.Year!.Value;
        PlannedStartDate = input.PlannedStartDate;
        PlannedFinishDate = input.PlannedFinishDate;
        IsPrivateInvestment = input.IsPrivateInvestment ?? false;
        IsIndustrial = input.IsIndustrial ?? false;
        IsHighTech = input.IsHighTech ?? false;
        IsTransformation = input.IsTransformation ?? false;
        KeyLevelSetExplicitly = input.KeyLevel is not null;
        KeyLevel = input.KeyLevel ?? DefaultKeyLevel(AnnualPlannedInvestment);
        LeaderInCharge = Blank(input.LeaderInCharge);
        ResponsibleUnit = Blank(input.ResponsibleUnit);
        ContactPerson = Blank(input.ContactPerson);
        ContactPhone = Blank(input.ContactPhone);
        NationalCode = Blank(input.NationalCode);
        StatisticsCode = Blank(input.StatisticsCode);
        BondProjectId = Blank(input.BondProjectId);
        LocalNumber = Blank(input.LocalNumber);
    }

    /// <summary>The city headquarters' own call on the key level (null: back to the rule); see <see cref="KeyLevelRules"/>.</summary>
    public void SetKeyLevel(KeyLevel? level, DateTimeOffset now)
    {
        KeyLevelSetExplicitly = level is not null;
        KeyLevel = level ?? DefaultKeyLevel(AnnualPlannedInvestment);
        Touch(now);
    }

    public static KeyLevel DefaultKeyLevel(decimal annualPlannedInvestment) =>
        annualPlannedInvestment >= CountyKeyThreshold ? KeyLevel.County : KeyLevel.None;

    public void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    public ProjectSnapshot ToSnapshot() => new()
    {
        ProjectId = Id,
        Name = Name,
        RegionCode = RegionCode,
        Township = Township,
        Category = QueryEnum.Name(Category),
        Nature = QueryEnum.Name(Nature),
        Stage = QueryEnum.Name(Stage),
        Industry = Industry,
        TotalInvestment = TotalInvestment,
        AnnualPlannedInvestment = AnnualPlannedInvestment,
        Year = Year,
        NationalCode = NationalCode,
        StatisticsCode = StatisticsCode,
        KeyLevel = QueryEnum.Name(KeyLevel),
        IsPrivateInvestment = IsPrivateInvestment,
        IsIndustrial = IsIndustrial,
        IsHighTech = IsHighTech,
        IsTransformation = IsTransformation,
        PlannedStartDate = PlannedStartDate,
        ActualStartDate = ActualStartDate,
        PlannedFinishDate = PlannedFinishDate,
        ActualFinishDate = ActualFinishDate,
        LeaderInCharge = LeaderInCharge,
        ResponsibleUnit = ResponsibleUnit,
        ReadyToStart = ReadyToStart,
        IsIncludedInStatistics = IsIncludedInStatistics,
        SourceDealId = SourceDealId,
    };

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
