using MassTransit;
using Platform.Contracts.ProjectLibrary;
using ProjectUpdatedConsumer = Approvals.Api.Features.Checklists.ProjectUpdatedConsumer;

namespace Approvals.Tests;

/// <summary>
/// A ProjectUpdated the project library could never have published is refused: it goes to the error queue with its
/// reason, and neither the project's view nor its checklist items move (no county sees another county's checklist).
/// </summary>
[Collection(ApprovalsCollection.Name)]
public sealed class ForgedEventTests(ApprovalsFactory factory)
{
    public static TheoryData<string, string> Forgeries() => ProjectUpdateForgeries.For("140522");

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_ProjectUpdated_lands_in_the_error_queue_and_changes_neither_view_nor_checklist(string forgery, string reason)
    {
        var project = ApprovalsFactory.Snapshot(region: "140522");
        await factory.Register(project);
        await factory.Checklist(project.ProjectId);
        var forged = forgery switch
        {
            "unknown region" => Update(project with { RegionCode = "999999" }),
            "another county" => Update(project with { RegionCode = "140581" }),
            "huge amount" => Update(project with { TotalInvestment = 99_999_999_999m }),
            _ => Update(project with { Nature = "expansion" }, int.MaxValue),
        };
        var messageId = NewId.NextGuid();
        await factory.PublishRefused<ProjectUpdatedConsumer, ProjectUpdated>(forged, messageId, reason);
        Assert.Equal(("140522", 32_000m, 1L), (
            await factory.Database.ScalarAsync<string>("select region_code from projects where project_id = @id", ("id", project.ProjectId)),
            await factory.Database.ScalarAsync<decimal>("select total_investment from projects where project_id = @id", ("id", project.ProjectId)),
            await factory.Database.ScalarAsync<long>("select source_version from projects where project_id = @id", ("id", project.ProjectId))));
        Assert.Equal(0, await factory.Database.ScalarAsync<long>(
            "select count(*) from checklist_items where project_id = @id and region_code <> '140522'", ("id", project.ProjectId)));
        Assert.Equal(0, await factory.Database.ScalarAsync<long>("select count(*) from inbox_messages where message_id = @m", ("m", messageId)));
    }

    static ProjectUpdated Update(ProjectSnapshot snapshot, long version = 2) =>
        new() { Project = snapshot, Version = version, OccurredAt = DateTimeOffset.UtcNow };
}
