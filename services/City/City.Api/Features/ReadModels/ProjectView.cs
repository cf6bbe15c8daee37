using Platform.Contracts.ProjectLibrary;
using Platform.Messaging;

namespace City.Api.Features.ReadModels;

/// <summary>
/// The city's copy of a project, from the project library's events plus what approvals, statistics and
/// attraction said about it. Not audited: it is derived data, and the journal (city_events) is its trail.
/// </summary>
public sealed class ProjectView
{
    public Guid ProjectId { get; init; }
    public string RegionCode { get; set; } = "";
    public string? Township { get; set; }
    /// <summary>False while only other services' events have been seen (a stub waiting for ProjectRegistered).</summary>
    public bool Registered { get; set; }
    public string Name { get; set; } = "";
    public string? Category { get; set; }
    public string? Nature { get; set; }
    public string Stage { get; set; } = Stages.Reserve;
    public string? Industry { get; set; }
    public decimal TotalInvestment { get; set; }
    public decimal AnnualPlannedInvestment { get; set; }
    public int Year { get; set; }
    public string KeyLevel { get; set; } = "none";
    public bool IsPrivateInvestment { get; set; }
    public bool IsIndustrial { get; set; }
    public DateOnly? PlannedStartDate { get; set; }
    public DateOnly? ActualStartDate { get; set; }
    public DateOnly? PlannedFinishDate { get; set; }
    public DateOnly? ActualFinishDate { get; set; }
    public string? LeaderInCharge { get; set; }
    public string? ResponsibleUnit { get; set; }
    public string? NationalCode { get; set; }
    public string? StatisticsCode { get; set; }
    public bool ReadyToStart { get; set; }
    public DateOnly? ApprovalsCompletedOn { get; set; }
    public DateOnly? IncludedOn { get; set; }
    public Guid? FromDealId { get; set; }
    /// <summary>The project library's version of the last snapshot applied (0 = none yet).</summary>
    public long Version { get; set; }
    /// <summary>The project library's version of the last lifecycle change applied (stage, actual dates).</summary>
    public long StageVersion { get; set; }
    public long ApprovalsVersion { get; set; }
    public long InclusionVersion { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsKey => KeyLevel != "none";
    public bool IsStarted => ActualStartDate is not null;

    public static ProjectView Stub(Guid id, string regionCode, DateTimeOffset at) =>
        new() { ProjectId = id, RegionCode = regionCode, UpdatedAt = at };

    /// <summary>
    /// Applies a full snapshot: its description when newer than the last snapshot (or the view is a stub), its
    /// lifecycle when newer than the last lifecycle event. Returns false when it is stale in both respects.
    /// </summary>
    public bool Apply(ProjectSnapshot s, long version, DateTimeOffset at)
    {
        EventVersion.EnsurePlausible(version, Math.Max(Version, StageVersion));
        var newerLifecycle = version > StageVersion;
        if (version <= Version && Registered && !newerLifecycle) return false;
        UpdatedAt = at;
        if (newerLifecycle)
        {
            Stage = s.Stage;
            ActualStartDate = s.ActualStartDate;
            ActualFinishDate = s.ActualFinishDate;
            StageVersion = version;
        }
        if (version <= Version && Registered) return true;
        Version = Math.Max(Version, version);
        Registered = true;
        RegionCode = s.RegionCode;
        Township = s.Township;
        Name = s.Name;
        Category = s.Category;
        Nature = s.Nature;
        Industry = s.Industry;
        TotalInvestment = s.TotalInvestment;
        AnnualPlannedInvestment = s.AnnualPlannedInvestment;
        Year = s.Year;
        KeyLevel = s.KeyLevel ?? "none";
        IsPrivateInvestment = s.IsPrivateInvestment;
        IsIndustrial = s.IsIndustrial;
        PlannedStartDate = s.PlannedStartDate;
        PlannedFinishDate = s.PlannedFinishDate;
        LeaderInCharge = s.LeaderInCharge;
        ResponsibleUnit = s.ResponsibleUnit;
        NationalCode = s.NationalCode;
        StatisticsCode = s.StatisticsCode ?? StatisticsCode;
        ReadyToStart = s.ReadyToStart || ApprovalsCompletedOn is not null;
        return true;
    }

    public bool ChangeStage(string stage, DateOnly date, long version, DateTimeOffset at)
    {
        EventVersion.EnsurePlausible(version, Math.Max(Version, StageVersion));
        if (version <= StageVersion) return false;
        Stage = stage;
        if (stage == Stages.UnderConstruction && ActualStartDate is null) ActualStartDate = date;
        if (stage == Stages.Completed && ActualFinishDate is null) ActualFinishDate = date;
        StageVersion = version;
        UpdatedAt = at;
        return true;
    }

    /// <summary>ProjectStarted may share its version with the StageChanged of the same change, so equal is not stale.</summary>
    public bool Start(DateOnly date, long version, DateTimeOffset at)
    {
        EventVersion.EnsurePlausible(version, Math.Max(Version, StageVersion));
        if (version < StageVersion || ActualStartDate == date && Stage == Stages.UnderConstruction) return false;
        ActualStartDate = date;
        if (Stages.BeforeStart.Contains(Stage)) Stage = Stages.UnderConstruction;
        StageVersion = version;
        UpdatedAt = at;
        return true;
    }
}

/// <summary>The project library's stage names on the wire (camelCase).</summary>
public static class Stages
{
    public const string Conceived = "conceived";
    public const string Reserve = "reserve";
    public const string Preparation = "preparation";
    public const string UnderConstruction = "underConstruction";
    public const string Completed = "completed";
    public const string Operating = "operating";
    public const string Suspended = "suspended";
    public const string Terminated = "terminated";

    public static readonly string[] BeforeStart = [Conceived, Reserve, Preparation];
}

/// <summary>A monthly figure of a project: 调度数 (progress) or the statistics bureau's 统计数.</summary>
public sealed class ProjectFigure
{
    public const string Progress = "progress";
    public const string Statistics = "statistics";

    public Guid ProjectId { get; init; }
    public string Source { get; init; } = "";
    public string Period { get; init; } = "";
    public decimal CompletedInvestment { get; set; }
    public decimal? YearToDate { get; set; }
    public long Version { get; set; }
}
