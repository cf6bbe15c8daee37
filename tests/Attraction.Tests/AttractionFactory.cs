using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;

namespace Attraction.Tests;

/// <summary>
/// The attraction service in-process on its own database and the real broker. The project library is not
/// running here (its address points at a closed port): conversion against the real library is an end-to-end test.
/// </summary>
public sealed class AttractionFactory() : ServiceFactory<Program>("attraction_test")
{
    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Services:projects"] = "http://127.0.0.1:9/",
    };

    /// <summary>Publishes through the real broker, as the project library would; the same message id is a redelivery.</summary>
    public async Task Publish<T>(T message, Guid messageId) where T : class
    {
        await UntilReady();
        await Services.GetRequiredService<IBus>().Publish(message, ctx => ctx.MessageId = messageId);
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
        throw new Xunit.Sdk.XunitException("The attraction service did not become ready.");
    }

    /// <summary>Waits until every message id went through the consumer's inbox.</summary>
    public async Task UntilHandled(params Guid[] messageIds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var handled = await Database.ScalarAsync<long>("select count(distinct message_id) from inbox_messages where message_id = any(@ids)", ("ids", messageIds));
            if (handled == messageIds.Length) return;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("The messages were not handled in time.");
    }

    public static string UniqueName(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    public static object Deal(string region = "140522", decimal amount = 120_000m, string signedOn = "2024-03-18", string? plannedStartOn = null,
        object[]? investors = null, Guid? leadId = null) => new
    {
        name = UniqueName("年产5万吨光伏玻璃项目"),
        investors = investors ?? [new { name = "某光伏科技有限公司" }],
        amount,
        signedOn,
        regionCode = region,
        industry = "新材料",
        plannedStartOn,
        leadId,
    };

    /// <summary>Signs a deal as the region's investment promotion centre and returns its id.</summary>
    public async Task<Guid> SignDeal(string region = "140522", decimal amount = 120_000m, string signedOn = "2024-03-18")
    {
        using var client = ClientFor("attraction", region);
        var body = await (await client.PostAsJsonAsync("/api/attraction/deals", Deal(region, amount, signedOn))).ShouldBe(HttpStatusCode.Created);
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>Links a deal to a project as a successful conversion would (the library itself is not running here).</summary>
    public Task LinkProject(Guid dealId, Guid projectId) =>
        Database.ExecuteAsync($"update deals set project_id = '{projectId}', converted_at = now(), version = version + 1 where id = '{dealId}'");
}

[CollectionDefinition(Name)]
public sealed class AttractionCollection : ICollectionFixture<AttractionFactory>
{
    public const string Name = "attraction-service";
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
