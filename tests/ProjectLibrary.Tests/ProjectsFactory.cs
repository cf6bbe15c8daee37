using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;

namespace ProjectLibrary.Tests;

/// <summary>Real time shifted by an offset the tests move, so deadlines can pass without waiting days.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}

/// <summary>The project library in-process on its own database and the real broker, with a movable clock and a fast deadline scan.</summary>
public sealed class ProjectsFactory() : ServiceFactory<Program>("projects_it")
{
    public ShiftedClock Clock { get; } = new();

    /// <summary>Completed consumptions per message id, so a test knows a duplicate was delivered and handled.</summary>
    public ConcurrentDictionary<Guid, int> Consumed { get; } = new();

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Problems:ScanInterval"] = "00:00:00.300",
        ["Problems:ReminderDays"] = "3",
        ["Platform:SeedDemoData"] = "false",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    int _observing;

    /// <summary>Starts counting consumptions (once, however often it is called).</summary>
    public void ObserveConsumption()
    {
        if (Interlocked.Exchange(ref _observing, 1) == 0)
            Services.GetRequiredService<IBus>().ConnectConsumeObserver(new CountingObserver(Consumed));
    }

    public HttpClient Office(string region = "140522") => ClientFor("project-office", region);

    sealed class CountingObserver(ConcurrentDictionary<Guid, int> counts) : IConsumeObserver
    {
        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (context.MessageId is { } id) counts.AddOrUpdate(id, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class ProjectsCollection : ICollectionFixture<ProjectsFactory>
{
    public const string Name = "projects-service";
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

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body);

    public static Dictionary<string, object?> Project(string region = "140522", string? township = null, decimal annual = 12000m) => new()
    {
        ["name"] = $"阳城县东部片区一体化供水工程 {Guid.NewGuid().ToString("N")[..6]}",
        ["regionCode"] = region,
        ["township"] = township,
        ["category"] = "infrastructure",
        ["nature"] = "new",
        ["totalInvestment"] = 60000m,
        ["annualPlannedInvestment"] = annual,
        ["year"] = 2025,
        ["leaderInCharge"] = "王副县长",
    };

    public static async Task<Guid> CreateProject(this HttpClient client, Dictionary<string, object?> body) =>
        (await (await client.PostJson("/api/projects", body)).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    /// <summary>Polls until the condition holds or the deadline passes.</summary>
    public static async Task<bool> Eventually(Func<Task<bool>> condition, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return true;
            await Task.Delay(100);
        }
        return await condition();
    }
}

static class Outbox
{
    /// <summary>How many events of a type about the given project or problem are in the outbox.</summary>
    public static async Task<long> Count(this ProjectsFactory factory, string eventType, Guid about) =>
        await factory.Database.ScalarAsync<long>(
            """
            select count(*) from outbox_messages where message_type = @type
            and (body->>'projectId' = @id or body->'project'->>'projectId' = @id or body->>'problemId' = @id)
            """,
            ("type", "Platform.Contracts.ProjectLibrary." + eventType), ("id", about.ToString()));

    public static async Task<System.Text.Json.JsonElement> LatestBody(this ProjectsFactory factory, string eventType, Guid about) =>
        System.Text.Json.JsonDocument.Parse(await factory.Database.ScalarAsync<string>(
            """
            select body::text from outbox_messages where message_type = @type
            and (body->>'projectId' = @id or body->'project'->>'projectId' = @id or body->>'problemId' = @id) order by id desc limit 1
            """,
            ("type", "Platform.Contracts.ProjectLibrary." + eventType), ("id", about.ToString())) ?? "null").RootElement.Clone();
}
