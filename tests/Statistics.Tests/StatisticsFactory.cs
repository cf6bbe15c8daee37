using System.Net;
using System.Net.Http.Json;
using Platform.Contracts.ProjectLibrary;

namespace Statistics.Tests;

/// <summary>The statistics service in-process on its own database and the real broker, with helpers to feed it events.</summary>
public sealed class StatisticsFactory() : ServiceFactory<Program>("statistics")
{
    public static ProjectSnapshot Snapshot(Guid id, string name, string region = "140522", decimal total = 3200m, string stage = "reserve",
        DateOnly? started = null, string? nationalCode = null, string? township = null) => new()
        {
            ProjectId = id, Name = name, RegionCode = region, Township = township, Category = "infrastructure", Nature = "new", Stage = stage,
            TotalInvestment = total, AnnualPlannedInvestment = Math.Min(total, 1000m), Year = 2025, NationalCode = nationalCode, ActualStartDate = started,
        };

    public Task Register(ProjectSnapshot snapshot, long version = 1) =>
        Deliver(new ProjectRegistered { Project = snapshot, Version = version, OccurredAt = DateTimeOffset.UtcNow });

    public Task Start(Guid id, DateOnly date, decimal total = 3200m, string region = "140522", long version = 2) =>
        Deliver(new ProjectStarted { ProjectId = id, RegionCode = region, ActualStartDate = date, TotalInvestment = total, Version = version, OccurredAt = DateTimeOffset.UtcNow });

    /// <summary>A project registered and started (已开工), as the project library would announce it.</summary>
    public async Task<Guid> StartedProject(string name, string region = "140522", decimal total = 3200m, DateOnly? started = null, string? nationalCode = null)
    {
        var id = Guid.NewGuid();
        await Register(Snapshot(id, name, region, total, nationalCode: nationalCode));
        await Start(id, started ?? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30), total, region);
        return id;
    }

    public static object Materials(Guid projectId) => new
    {
        projectId,
        mainConstructionContent = "新建供水管网 45 公里，加压泵站 2 座",
        constructionContract = "阳城建施〔2025〕018号",
        sitePhotos = new[] { "photo/2025/03/site-1.jpg" },
        approvalDocument = "阳发改审批〔2025〕12号",
    };

    /// <summary>Applies and approves as the region's project office and statistics bureau; returns the inclusion id.</summary>
    public async Task<Guid> Include(Guid projectId, string region = "140522", string? statisticsCode = null)
    {
        using var office = ClientFor("project-office", region);
        var created = await office.PostAsJsonAsync("/api/statistics/inclusions", Materials(projectId));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadJson()).GetProperty("id").GetGuid();
        using var bureau = ClientFor("statistics", region);
        var approved = await bureau.PostAsJsonAsync($"/api/statistics/inclusions/{id}/approve", new { statisticsCode = statisticsCode ?? "TJ" + Guid.NewGuid().ToString("N")[..10] });
        Assert.True(approved.StatusCode == HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        return id;
    }
}
