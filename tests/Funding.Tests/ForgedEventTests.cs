using System.Net;
using MassTransit;
using Platform.Contracts.ProjectLibrary;
using ProjectUpdatedConsumer = Funding.Api.Features.Projects.ProjectUpdatedConsumer;

namespace Funding.Tests;

/// <summary>
/// A ProjectUpdated the project library could never have published is refused: it goes to the error queue with its
/// reason, and the funding service's view of the project (the scope of every application) stays as it was.
/// </summary>
[Collection(FundingCollection.Name)]
public sealed class ForgedEventTests(FundingFactory factory)
{
    public static TheoryData<string, string> Forgeries() => ProjectUpdateForgeries.For("140522");

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_ProjectUpdated_lands_in_the_error_queue_and_changes_nothing(string forgery, string reason)
    {
        var snapshot = await factory.KnownProject("140522", totalInvestment: 10000m);
        var forged = forgery switch
        {
            "unknown region" => Update(snapshot with { RegionCode = "999999" }),
            "another county" => Update(snapshot with { RegionCode = "140581" }),
            "huge amount" => Update(snapshot with { TotalInvestment = 99_999_999_999m }),
            _ => Update(snapshot with { Name = "冻结", TotalInvestment = 1m }, int.MaxValue),
        };
        var messageId = NewId.NextGuid();
        await factory.PublishRefused<ProjectUpdatedConsumer, ProjectUpdated>(forged, messageId, reason);
        await ViewIsUnchanged(snapshot);

        // The view is not frozen either: the library's genuine next version still applies.
        await factory.Bus.Publish(Update(snapshot with { TotalInvestment = 12000m }, 2));
        using var client = factory.ClientFor("funding", "140522");
        await Eventually.True(async () =>
            (await (await client.GetAsync($"/api/funding/projects/{snapshot.ProjectId}")).ShouldBe(HttpStatusCode.OK)).GetProperty("version").GetInt64() == 2,
            "the genuine update after the forged one was not applied");
    }

    static ProjectUpdated Update(ProjectSnapshot snapshot, long version = 2) =>
        new() { Project = snapshot, Version = version, OccurredAt = DateTimeOffset.UtcNow };

    async Task ViewIsUnchanged(ProjectSnapshot snapshot)
    {
        using var county = factory.ClientFor("funding", "140522");
        var known = await (await county.GetAsync($"/api/funding/projects/{snapshot.ProjectId}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal((snapshot.Name, "140522", 10000m, 1L), (known.GetProperty("name").GetString(), known.GetProperty("regionCode").GetString(),
            known.GetProperty("totalInvestment").GetDecimal(), known.GetProperty("version").GetInt64()));
        using var other = factory.ClientFor("funding", "140581");
        await (await other.GetAsync($"/api/funding/projects/{snapshot.ProjectId}")).ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal(0, await factory.Database.ScalarAsync<long>(
            "select count(*) from audit_log where entity_type = 'KnownProject' and entity_id = @id and action = 'updated'", ("id", snapshot.ProjectId.ToString())));
    }
}
