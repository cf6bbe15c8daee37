using System.Net;
using System.Net.Http.Json;
using Platform.Contracts.ProjectLibrary;

namespace Funding.Tests;

/// <summary>The funding service in-process on its own database and the real broker, shared by the integration tests.</summary>
public sealed class FundingFactory() : ServiceFactory<Program>("funding_tests")
{
    /// <summary>A target for 高平市 so the summary's progress can be checked without touching other tests' regions.</summary>
    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Funding:Targets:140581:2025:SecuredMin"] = "10000",
        ["Funding:Targets:140581:2025:GrowthMin"] = "0.30",
    };

    /// <summary>Publishes ProjectRegistered as the library would and waits until the funding service knows the project.</summary>
    public async Task<ProjectSnapshot> KnownProject(string region = "140522", string category = "infrastructure", decimal totalInvestment = 10000m,
        string? township = null)
    {
        await ReadyAsync();
        var snapshot = Samples.Snapshot(region: region, category: category, totalInvestment: totalInvestment,
            name: "测试项目 " + Guid.NewGuid().ToString("N")[..6]) with
        { Township = township };
        await Bus.Publish(new ProjectRegistered { Project = snapshot, Version = 1, OccurredAt = DateTimeOffset.UtcNow });
        using var city = ClientFor("funding", "140500");
        await Eventually.True(async () => (await city.GetAsync($"/api/funding/projects/{snapshot.ProjectId}")).IsSuccessStatusCode,
            $"project {snapshot.ProjectId} never arrived");
        return snapshot;
    }

    /// <summary>Opens a programme (as the city's funding bureau unless told otherwise) whose window includes today.</summary>
    public async Task<Guid> Programme(string kind = "centralBudget", decimal maxShare = 0.8m, string owner = "140500",
        string[]? categories = null, int year = 2025, DateOnly? opensOn = null, DateOnly? closesOn = null)
    {
        using var client = ClientFor("funding", owner);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var response = await client.PostAsJsonAsync("/api/funding/programmes", new
        {
            name = $"{year}年 {kind} 测试批次",
            kind,
            year,
            batch = Guid.NewGuid().ToString("N")[..8],
            opensOn = opensOn ?? today.AddDays(-10),
            closesOn = closesOn ?? today.AddDays(30),
            eligibleCategories = categories ?? [],
            maxShare,
        });
        return (await response.ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }
}

[CollectionDefinition(Name)]
public sealed class FundingCollection : ICollectionFixture<FundingFactory>
{
    public const string Name = "funding service";
}
