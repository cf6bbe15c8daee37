using Funding.Api.Features.Programmes;
using Funding.Api.Features.Projects;
using Platform.Contracts.ProjectLibrary;

namespace Funding.Tests;

/// <summary>Projects and programmes the rule tests start from.</summary>
static class Samples
{
    public static readonly DateOnly Today = new(2025, 4, 15);
    public static readonly DateTimeOffset Now = new(2025, 4, 15, 2, 0, 0, TimeSpan.Zero);

    public static ProjectSnapshot Snapshot(Guid? id = null, string region = "140522", string category = "infrastructure",
        decimal totalInvestment = 10000m, string? name = null) => new()
        {
            ProjectId = id ?? Guid.NewGuid(),
            Name = name ?? "阳城县东部片区一体化供水工程",
            RegionCode = region,
            Category = category,
            Nature = "new",
            Stage = "reserve",
            TotalInvestment = totalInvestment,
            AnnualPlannedInvestment = Math.Min(totalInvestment, 3000m),
            Year = 2025,
        };

    public static KnownProject Project(string category = "infrastructure", decimal totalInvestment = 10000m) =>
        KnownProject.From(Snapshot(category: category, totalInvestment: totalInvestment), 1, Now);

    public static ProgrammeInput ProgrammeInput(ProgrammeKind kind = ProgrammeKind.CentralBudget, decimal maxShare = 0.8m,
        string[]? categories = null, DateOnly? opensOn = null, DateOnly? closesOn = null, string? batch = null) => new()
        {
            Name = "2025年中央预算内投资 第一批",
            Kind = kind,
            Year = 2025,
            Batch = batch ?? "2025-1",
            OpensOn = opensOn ?? new DateOnly(2025, 3, 1),
            ClosesOn = closesOn ?? new DateOnly(2025, 5, 31),
            EligibleCategories = categories ?? ["infrastructure", "livelihood"],
            MaxShare = maxShare,
        };

    public static Programme Programme(ProgrammeKind kind = ProgrammeKind.CentralBudget, decimal maxShare = 0.8m,
        string[]? categories = null, DateOnly? opensOn = null, DateOnly? closesOn = null) =>
        Funding.Api.Features.Programmes.Programme.Create(ProgrammeInput(kind, maxShare, categories, opensOn, closesOn), "140500", Now);
}
