using System.Net;

namespace ProjectLibrary.Tests;

/// <summary>The project library in-process on its own database and the real broker, with a fast deadline scan.</summary>
public class ProjectsFactory() : ServiceFactory<Program>("projects_it")
{
    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Problems:ScanInterval"] = "00:00:00.300",
        ["Problems:ReminderDays"] = "3",
        ["Platform:SeedDemoData"] = "false",
    };

    public HttpClient Office(string region = "140522") => ClientFor("project-office", region);
}

/// <summary>The project library on a clock the tests move forward (a deadline passes without waiting days).</summary>
public sealed class ProjectsOnAFakeClockFactory : ProjectsFactory
{
    public ProjectsOnAFakeClockFactory() => Clock = new(TimeProvider.System.GetUtcNow());
}

[CollectionDefinition(Name)]
public sealed class ProjectsCollection : ICollectionFixture<ProjectsFactory>
{
    public const string Name = "projects-service";
}

/// <summary>Projects as a county's project office enters them.</summary>
static class Samples
{
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
