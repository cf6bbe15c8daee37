using Platform.Contracts.ProjectLibrary;

namespace Approvals.Api.Features.Checklists;

/// <summary>
/// This service's own copy of what it needs to know about a project, kept from the project library's events
/// (no shared database), plus the checklist's state: its version and when it became complete (手续完备).
/// </summary>
public sealed class ProjectView : IAudited
{
    public Guid ProjectId { get; init; }
    public string Name { get; private set; } = "";
    public string RegionCode { get; private set; } = "";
    public string? Township { get; private set; }
    public string Category { get; private set; } = "";
    public string Nature { get; private set; } = "";
    public string Stage { get; private set; } = "";
    public string? Industry { get; private set; }
    public decimal TotalInvestment { get; private set; }
    public bool IsPrivateInvestment { get; private set; }
    public bool IsIndustrial { get; private set; }
    public int Year { get; private set; }
    public DateOnly? PlannedStartDate { get; private set; }
    /// <summary>Estimated annual energy use in tce, when known; otherwise the rules decide by size.</summary>
    public decimal? EnergyConsumptionTce { get; private set; }
    /// <summary>The project library's version last applied (events older than it are ignored).</summary>
    public long SourceVersion { get; private set; }
    /// <summary>Grows with every change to the checklist: the concurrency token and the version of this service's events.</summary>
    public long ChecklistVersion { get; private set; }
    /// <summary>手续完备: the day every required-before-start item was through; ApprovalsCompleted is published once, then.</summary>
    public DateOnly? CompletedOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public ChecklistFacts Facts => new(Category, Nature, TotalInvestment, IsPrivateInvestment, IsIndustrial, Industry, EnergyConsumptionTce);

    public static ProjectView From(ProjectSnapshot snapshot, long version, DateTimeOffset now)
    {
        var view = new ProjectView { ProjectId = snapshot.ProjectId, CreatedAt = now };
        view.Apply(snapshot, version, now);
        return view;
    }

    public void Apply(ProjectSnapshot snapshot, long version, DateTimeOffset now)
    {
        Name = snapshot.Name;
        RegionCode = snapshot.RegionCode;
        Township = snapshot.Township;
        Category = snapshot.Category;
        Nature = snapshot.Nature;
        Stage = snapshot.Stage;
        Industry = snapshot.Industry;
        TotalInvestment = snapshot.TotalInvestment;
        IsPrivateInvestment = snapshot.IsPrivateInvestment;
        IsIndustrial = snapshot.IsIndustrial;
        Year = snapshot.Year;
        PlannedStartDate = snapshot.PlannedStartDate;
        SourceVersion = version;
        Touch(now);
    }

    /// <summary>The 发改局's estimate of annual energy use (tce); null withdraws it and size decides again.</summary>
    public void EstimateEnergy(decimal? tce, DateTimeOffset now)
    {
        EnergyConsumptionTce = tce;
        Touch(now);
    }

    /// <summary>Every change to the project or one of its items goes through here, so concurrent changes conflict.</summary>
    public void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        ChecklistVersion++;
    }

    /// <summary>True the first time the project is complete: the caller publishes ApprovalsCompleted then, and never again.</summary>
    public bool MarkCompleted(DateOnly on)
    {
        if (CompletedOn is not null) return false;
        CompletedOn = on;
        return true;
    }
}
