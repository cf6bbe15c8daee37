using Platform.Contracts.ProjectLibrary;

namespace City.Tests;

/// <summary>Events as the other services publish them, with sensible defaults.</summary>
public static class Events
{
    public static ProjectSnapshot Snapshot(string region = "140522", int year = 2030, decimal total = 20_000m, decimal annual = 6_000m,
        string stage = "reserve", string keyLevel = "county", bool industrial = false, bool isPrivate = false, DateOnly? plannedStart = null,
        DateOnly? actualStart = null, string? leader = null, string? township = null, string? name = null) => new()
        {
            ProjectId = Guid.NewGuid(),
            Name = name ?? "测试项目 " + Guid.NewGuid().ToString("N")[..6],
            RegionCode = region,
            Township = township,
            Category = "industry",
            Nature = "new",
            Stage = stage,
            TotalInvestment = total,
            AnnualPlannedInvestment = annual,
            Year = year,
            KeyLevel = keyLevel,
            IsIndustrial = industrial,
            IsPrivateInvestment = isPrivate,
            PlannedStartDate = plannedStart,
            ActualStartDate = actualStart,
            PlannedFinishDate = plannedStart?.AddYears(2),
            LeaderInCharge = leader,
            ResponsibleUnit = "县发改局",
        };

    public static ProjectRegistered Registered(ProjectSnapshot s, long version = 1) => new() { Project = s, Version = version, OccurredAt = DateTimeOffset.UtcNow };
    public static ProjectUpdated Updated(ProjectSnapshot s, long version) => new() { Project = s, Version = version, OccurredAt = DateTimeOffset.UtcNow };

    public static ProjectStarted Started(ProjectSnapshot s, DateOnly on, long version = 2) => new()
    {
        ProjectId = s.ProjectId, RegionCode = s.RegionCode, ActualStartDate = on, TotalInvestment = s.TotalInvestment, Version = version, OccurredAt = DateTimeOffset.UtcNow,
    };

    public static ProgressReported Progress(ProjectSnapshot s, string period, decimal completed, long version = 3) => new()
    {
        ProjectId = s.ProjectId, RegionCode = s.RegionCode, Period = period, CompletedInvestment = completed, YearToDateInvestment = completed,
        Version = version, OccurredAt = DateTimeOffset.UtcNow,
    };
}
