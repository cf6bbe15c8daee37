using System.Net;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Approvals;
using Platform.Contracts.Attraction;
using Platform.Contracts.Statistics;

namespace ProjectLibrary.Tests;

/// <summary>Events from other contexts, through the real broker. Each is delivered twice with one MessageId.</summary>
[Collection(ProjectsCollection.Name)]
public sealed class ConsumerTests(ProjectsFactory factory)
{
    async Task DeliverTwice<T>(T message) where T : class
    {
        var messageId = NewId.NextGuid();
        await factory.Publish(message, messageId);
        await factory.Publish(message, messageId);
        await Eventually.True(() => factory.Consumed.Count(messageId) >= 2, $"{typeof(T).Name} to be consumed twice");
    }

    async Task<(HttpClient Office, Guid Id)> NewProject()
    {
        var office = factory.Office();
        return (office, await office.CreateProject(Samples.Project()));
    }

    [Fact]
    public async Task ApprovalsCompleted_makes_the_project_ready_to_start_once_even_when_delivered_twice()
    {
        var (office, id) = await NewProject();
        using var owned = office;
        await DeliverTwice(new ApprovalsCompleted
        {
            ProjectId = id, RegionCode = "140522", CompletedOn = new DateOnly(2025, 3, 1), Version = 4, OccurredAt = DateTimeOffset.UtcNow,
        });
        var project = await (await office.GetAsync($"/api/projects/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.True(project.GetProperty("readyToStart").GetBoolean());
        Assert.Equal(2, project.GetProperty("version").GetInt64());
        Assert.Equal(1, await factory.Count("ProjectUpdated", id));

        // An older checklist version arriving late changes nothing.
        await DeliverTwice(new ApprovalsCompleted
        {
            ProjectId = id, RegionCode = "140522", CompletedOn = new DateOnly(2025, 2, 1), Version = 3, OccurredAt = DateTimeOffset.UtcNow,
        });
        Assert.Equal(1, await factory.Count("ProjectUpdated", id));
    }

    [Fact]
    public async Task InclusionApproved_records_the_inclusion_and_statistics_code_once_even_when_delivered_twice()
    {
        var (office, id) = await NewProject();
        using var owned = office;
        var code = "TJ" + Guid.NewGuid().ToString("N")[..10];
        await DeliverTwice(new InclusionApproved
        {
            InclusionId = Guid.NewGuid(), ProjectId = id, RegionCode = "140522", StatisticsCode = code,
            ApprovedOn = new DateOnly(2025, 4, 1), Version = 1, OccurredAt = DateTimeOffset.UtcNow,
        });
        var project = await (await office.GetAsync($"/api/projects/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.True(project.GetProperty("isIncludedInStatistics").GetBoolean());
        Assert.Equal(code, project.GetProperty("statisticsCode").GetString());
        Assert.Equal(2, project.GetProperty("version").GetInt64());
        Assert.Equal(1, await factory.Count("ProjectUpdated", id));
        Assert.True((await factory.LatestBody("ProjectUpdated", id)).GetProperty("project").GetProperty("isIncludedInStatistics").GetBoolean());
    }

    [Fact]
    public async Task DealConverted_links_the_deal_once_even_when_delivered_twice()
    {
        var (office, id) = await NewProject();
        using var owned = office;
        var deal = Guid.NewGuid();
        await DeliverTwice(new DealConverted
        {
            DealId = deal, ProjectId = id, RegionCode = "140522", Amount = 60000m, SignedOn = new DateOnly(2025, 1, 15),
            Version = 2, OccurredAt = DateTimeOffset.UtcNow,
        });
        var project = await (await office.GetAsync($"/api/projects/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(deal, project.GetProperty("sourceDealId").GetGuid());
        Assert.Equal(2, project.GetProperty("version").GetInt64());
        Assert.Equal(1, await factory.Count("ProjectUpdated", id));
    }

    [Fact]
    public async Task An_event_naming_another_region_than_the_projects_is_ignored()
    {
        var (office, id) = await NewProject();
        using var owned = office;
        await DeliverTwice(new ApprovalsCompleted
        {
            ProjectId = id, RegionCode = "140581", CompletedOn = new DateOnly(2025, 3, 1), Version = 9, OccurredAt = DateTimeOffset.UtcNow,
        });
        var project = await (await office.GetAsync($"/api/projects/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.False(project.GetProperty("readyToStart").GetBoolean());
    }
}
