using System.Net;
using System.Text.Json;
using Platform.Contracts.ProjectLibrary;

namespace Approvals.Tests;

/// <summary>The approvals service in-process on its own database and the real broker, shared by the integration tests.</summary>
public sealed class ApprovalsFactory() : ServiceFactory<Program>("approvals_test")
{
    public static ProjectSnapshot Snapshot(Guid? id = null, string region = "140522", string nature = "new", decimal total = 32_000m,
        string category = "infrastructure", DateOnly? plannedStart = null, string? township = null) => new()
        {
            ProjectId = id ?? Guid.NewGuid(),
            Name = $"阳城县东部片区一体化供水工程 {Guid.NewGuid().ToString("N")[..6]}",
            RegionCode = region,
            Township = township,
            Category = category,
            Nature = nature,
            Stage = "reserve",
            TotalInvestment = total,
            AnnualPlannedInvestment = 8_000m,
            Year = 2025,
            PlannedStartDate = plannedStart,
        };

    public Task Register(ProjectSnapshot project, long version = 1, Guid? messageId = null) =>
        Publish(new ProjectRegistered { Project = project, Version = version, OccurredAt = DateTimeOffset.UtcNow }, messageId);

    /// <summary>Polls the checklist until <paramref name="until"/> holds (the consumer runs asynchronously).</summary>
    public async Task<JsonElement> Checklist(Guid projectId, Func<JsonElement, bool>? until = null)
    {
        using var client = ClientFor("approvals", "140500");
        return (await Eventually.Value(async () =>
            {
                using var response = await client.GetAsync($"/api/approvals/projects/{projectId}/checklist");
                return response.StatusCode == HttpStatusCode.OK ? await response.ReadJson() : (JsonElement?)null;
            },
            body => body is { } checklist && (until?.Invoke(checklist) ?? true), $"the checklist of {projectId} to reach the expected state", 20))!.Value;
    }

    public static Guid ItemId(JsonElement checklist, string code) =>
        checklist.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();

    public static IReadOnlyList<string> Codes(JsonElement checklist) =>
        checklist.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
}

[CollectionDefinition(Name)]
public sealed class ApprovalsCollection : ICollectionFixture<ApprovalsFactory>
{
    public const string Name = "approvals-service";
}
