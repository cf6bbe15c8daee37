using Platform.Contracts.ProjectLibrary;
using Platform.Messaging;

namespace Statistics.Api.Features.Projects;

/// <summary>
/// This context's copy of a project, built only from the project library's events. <see cref="Version"/> is
/// the project's version last applied; older events are ignored, so redelivery and reordering are harmless.
/// </summary>
public sealed class ProjectView : IAudited, ITownshipScoped
{
    public const string UnderConstruction = "underConstruction";
    public const string Terminated = "terminated";
    /// <summary>Stages that come after the start of construction.</summary>
    public static readonly string[] StartedStages = [UnderConstruction, "completed", "operating"];

    public Guid Id { get; init; }
    public string Name { get; private set; } = "";
    /// <summary>The name reduced for comparison (see <see cref="ProjectNames"/>), indexed with pg_trgm.</summary>
    public string NormalizedName { get; private set; } = "";
    public string RegionCode { get; private set; } = "";
    public string? Township { get; private set; }
    public string Stage { get; private set; } = "reserve";
    public decimal TotalInvestment { get; private set; }
    public string? NationalCode { get; private set; }
    public string? StatisticsCode { get; private set; }
    public DateOnly? ActualStartDate { get; private set; }
    /// <summary>False while only a lifecycle event has arrived (it came before the registration).</summary>
    public bool HasDetails { get; private set; }
    public long Version { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>已开工: an actual start date, or a stage that comes after it. A terminated project is not counted.</summary>
    public bool IsStarted => Stage != Terminated && (ActualStartDate is not null || StartedStages.Contains(Stage));

    public static ProjectView Placeholder(Guid id, string regionCode) => new() { Id = id, RegionCode = regionCode };

    /// <summary>A whole snapshot (registered, updated). Returns whether the view changed in a way that matters for duplicates.</summary>
    public bool ApplySnapshot(ProjectSnapshot snapshot, long version, DateTimeOffset at)
    {
        if (!EventVersion.IsNewer(version, Version == 0 ? null : Version))
        {
            // Stale, but a placeholder still lacks the name and codes: take them, keep the newer lifecycle facts.
            if (HasDetails) return false;
            Describe(snapshot);
            UpdatedAt = at;
            return true;
        }
        var nameOrCodeChanged = !HasDetails || Name != snapshot.Name.Trim() || NationalCode != snapshot.NationalCode || RegionCode != snapshot.RegionCode;
        Describe(snapshot);
        Stage = snapshot.Stage;
        TotalInvestment = snapshot.TotalInvestment;
        ActualStartDate = snapshot.ActualStartDate;
        Version = version;
        UpdatedAt = at;
        return nameOrCodeChanged;
    }

    void Describe(ProjectSnapshot snapshot)
    {
        Name = snapshot.Name.Trim();
        NormalizedName = ProjectNames.Normalize(Name);
        RegionCode = snapshot.RegionCode;
        Township = snapshot.Township;
        NationalCode = string.IsNullOrWhiteSpace(snapshot.NationalCode) ? null : snapshot.NationalCode.Trim();
        StatisticsCode = string.IsNullOrWhiteSpace(snapshot.StatisticsCode) ? null : snapshot.StatisticsCode.Trim();
        if (Version == 0) TotalInvestment = snapshot.TotalInvestment;
        HasDetails = true;
    }

    // ProjectStarted and ProjectStageChanged may be written in one transaction with the same version, so
    // these accept an equal version too: both state the same facts, and the inbox already drops true duplicates.

    public bool ApplyStarted(DateOnly startDate, decimal totalInvestment, long version, DateTimeOffset at)
    {
        EventVersion.EnsurePlausible(version, Version);
        if (version < Version) return false;
        ActualStartDate = startDate;
        TotalInvestment = totalInvestment;
        if (!IsStarted) Stage = UnderConstruction;
        Version = version;
        UpdatedAt = at;
        return true;
    }

    public bool ApplyStageChanged(string toStage, DateOnly date, long version, DateTimeOffset at)
    {
        EventVersion.EnsurePlausible(version, Version);
        if (version < Version) return false;
        Stage = toStage;
        if (toStage == UnderConstruction && ActualStartDate is null) ActualStartDate = date;
        Version = version;
        UpdatedAt = at;
        return true;
    }
}
