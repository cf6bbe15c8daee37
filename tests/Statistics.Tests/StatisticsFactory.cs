using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.ProjectLibrary;
using Platform.Testing;

namespace Statistics.Tests;

/// <summary>The statistics service in-process on its own database and the real broker, with helpers to feed it events.</summary>
public sealed class StatisticsFactory() : ServiceFactory<Program>("statistics")
{
    readonly ConsumedMessages _consumed = new();
    bool _observing;

    /// <summary>Publishes an event with the given message id and waits until the service's consumer has handled it (once more).</summary>
    public async Task Deliver<T>(T message, Guid? messageId = null) where T : class
    {
        var bus = Services.GetRequiredService<IBus>();
        if (!_observing)
        {
            // A message published before the receive endpoints are bound would be dropped by the exchange.
            var health = await Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
            Assert.Equal(BusHealthStatus.Healthy, health);
            lock (_consumed)
                if (!_observing) { bus.ConnectConsumeObserver(_consumed); _observing = true; }
        }
        var id = messageId ?? Guid.NewGuid();
        var before = _consumed.Count(id);
        await bus.Publish(message, ctx => ctx.MessageId = id);
        // A failed attempt may still succeed on retry, so a fault is only reported if the deadline passes.
        await Eventually(() => Task.FromResult(_consumed.Count(id) > before), $"{typeof(T).Name} {id} to be consumed",
            () => _consumed.Faults.TryGetValue(id, out var fault) ? fault : null);
    }

    /// <summary>Polls until the condition holds; the generous deadline allows for a loaded shared test machine.</summary>
    public static async Task Eventually(Func<Task<bool>> condition, string what, Func<string?>? lastFault = null, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        Assert.Fail($"timed out waiting for {what}" + (lastFault?.Invoke() is { } fault ? $"; the consumer failed: {fault}" : ""));
    }

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
        var id = (await Json(created)).GetProperty("id").GetGuid();
        using var bureau = ClientFor("statistics", region);
        var approved = await bureau.PostAsJsonAsync($"/api/statistics/inclusions/{id}/approve", new { statisticsCode = statisticsCode ?? "TJ" + Guid.NewGuid().ToString("N")[..10] });
        Assert.True(approved.StatusCode == HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        return id;
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static async Task<JsonElement> Expect(HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        var json = body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
        if (code is not null) Assert.Equal(code, json.GetProperty("code").GetString());
        return json;
    }

    sealed class ConsumedMessages : IConsumeObserver
    {
        readonly ConcurrentDictionary<Guid, int> _counts = new();
        public ConcurrentDictionary<Guid, string> Faults { get; } = new();

        public int Count(Guid id) => _counts.TryGetValue(id, out var n) ? n : 0;

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (context.MessageId is { } id) _counts.AddOrUpdate(id, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
        {
            if (context.MessageId is { } id) Faults[id] = exception.ToString();
            return Task.CompletedTask;
        }
    }
}
