using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.ProjectLibrary;
using Platform.Testing;

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

    /// <summary>Publishes through the real broker, as the project library would; the same message id is a redelivery.</summary>
    public async Task Publish<T>(T message, Guid? messageId = null) where T : class
    {
        await UntilReady();
        await Services.GetRequiredService<IBus>().Publish(message, ctx => ctx.MessageId = messageId ?? Guid.NewGuid());
    }

    bool _ready;

    /// <summary>Waits until the bus is up and the consumer queues are bound, so nothing published is lost.</summary>
    async Task UntilReady()
    {
        if (_ready) return;
        using var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
            {
                _ready = true;
                return;
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("The approvals service did not become ready.");
    }

    public Task Register(ProjectSnapshot project, long version = 1, Guid? messageId = null) =>
        Publish(new ProjectRegistered { Project = project, Version = version, OccurredAt = DateTimeOffset.UtcNow }, messageId);

    /// <summary>Polls the checklist until <paramref name="until"/> holds (the consumer runs asynchronously).</summary>
    public async Task<JsonElement> Checklist(Guid projectId, Func<JsonElement, bool>? until = null)
    {
        using var client = ClientFor("approvals", "140500");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            var response = await client.GetAsync($"/api/approvals/projects/{projectId}/checklist");
            last = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var body = JsonDocument.Parse(last).RootElement.Clone();
                if (until?.Invoke(body) ?? true) return body;
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"The checklist of {projectId} did not reach the expected state: {last}");
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

static class Http
{
    public static async Task<JsonElement> ShouldBe(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var problem = await response.ShouldBe(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    public static Task<HttpResponseMessage> Post(this HttpClient client, string url, object? body = null) =>
        client.PostAsJsonAsync(url, body ?? new { });
}
