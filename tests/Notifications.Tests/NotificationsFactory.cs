using System.Text.Json;
using Platform.Contracts.ProjectLibrary;

namespace Notifications.Tests;

/// <summary>The notifications service in-process on its own database and the real broker, shared by the integration tests.</summary>
public sealed class NotificationsFactory() : ServiceFactory<Program>("notifications_tests")
{
    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?> { ["Notifications:HeartbeatSeconds"] = "1" };

    /// <summary>Tells the service about a project as the library would (its name and township), and waits until it is stored.</summary>
    public async Task<Guid> KnownProject(string region, string? township = null)
    {
        var id = Guid.NewGuid();
        await Deliver(new ProjectRegistered
        {
            Project = new ProjectSnapshot
            {
                ProjectId = id, Name = "通知测试项目" + id.ToString("N")[..6], RegionCode = region, Township = township, Category = "infrastructure",
                Nature = "new", Stage = "reserve", TotalInvestment = 10000m, AnnualPlannedInvestment = 2000m, Year = 2025,
            },
            Version = 1,
            OccurredAt = DateTimeOffset.UtcNow,
        });
        return id;
    }

    /// <summary>The notifications about one object (subject) that this caller sees.</summary>
    public static async Task<List<JsonElement>> About(HttpClient client, Guid subjectId)
    {
        var page = await (await client.GetAsync("/api/notifications?pageSize=200")).ShouldBe(System.Net.HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().Where(n => n.GetProperty("subjectId").GetGuid() == subjectId).ToList();
    }
}

[CollectionDefinition(Name)]
public sealed class NotificationsCollection : ICollectionFixture<NotificationsFactory>
{
    public const string Name = "notifications service";
}
