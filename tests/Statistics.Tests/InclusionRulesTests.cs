using Statistics.Api.Features.Inclusions;
using Statistics.Api.Features.Projects;
using static Statistics.Tests.StatisticsFactory;

namespace Statistics.Tests;

public sealed class InclusionRulesTests
{
    static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    static readonly InclusionFacts Nothing = new(false, false, false);

    static ProjectView Started(decimal total, string stage = "reserve")
    {
        var view = new ProjectView { Id = Guid.NewGuid() };
        view.ApplySnapshot(Snapshot(view.Id, "阳城县东部片区一体化供水工程", total: total, stage: stage), 1, Now);
        view.ApplyStarted(new DateOnly(2025, 3, 1), total, 2, Now);
        return view;
    }

    [Theory]
    [InlineData(499.99, false)]
    [InlineData(500, true)]
    [InlineData(32000.5, true)]
    public void A_started_project_is_pending_from_the_500_wan_threshold_up(decimal total, bool pending) =>
        Assert.Equal(pending, InclusionRules.IsPending(Started(total), 500m, included: false, duplicateIncluded: false));

    [Fact]
    public void The_threshold_is_configurable() =>
        Assert.False(InclusionRules.IsPending(Started(800m), 1000m, included: false, duplicateIncluded: false));

    [Fact]
    public void A_project_not_yet_started_is_not_pending()
    {
        var view = new ProjectView { Id = Guid.NewGuid() };
        view.ApplySnapshot(Snapshot(view.Id, "未开工项目", total: 9000m, stage: "preparation"), 1, Now);
        Assert.False(view.IsStarted);
        Assert.False(InclusionRules.IsPending(view, 500m, false, false));
        Assert.Equal("not_started", Code(InclusionRules.Refusal(view, 500m, Nothing)));
    }

    [Fact]
    public void An_included_project_or_one_counted_through_a_confirmed_duplicate_is_not_pending()
    {
        Assert.False(InclusionRules.IsPending(Started(900m), 500m, included: true, duplicateIncluded: false));
        Assert.False(InclusionRules.IsPending(Started(900m), 500m, included: false, duplicateIncluded: true));
    }

    [Fact]
    public void A_terminated_project_is_not_pending_even_if_it_had_started()
    {
        var view = Started(900m);
        view.ApplyStageChanged("terminated", new DateOnly(2025, 5, 1), 3, Now);
        Assert.False(InclusionRules.IsPending(view, 500m, false, false));
    }

    [Fact]
    public void Applications_are_refused_below_the_threshold_when_included_when_open_or_when_a_duplicate_is_included()
    {
        Assert.Equal("below_threshold", Code(InclusionRules.Refusal(Started(300m), 500m, Nothing)));
        Assert.Equal("already_included", Code(InclusionRules.Refusal(Started(900m), 500m, Nothing with { AlreadyIncluded = true })));
        Assert.Equal("application_pending", Code(InclusionRules.Refusal(Started(900m), 500m, Nothing with { ApplicationOpen = true })));
        Assert.Equal("duplicate_already_included", Code(InclusionRules.Refusal(Started(900m), 500m, Nothing with { DuplicateIncluded = true })));
        Assert.Null(InclusionRules.Refusal(Started(900m), 500m, Nothing with { ApplicationOpen = true }, approving: true));
    }

    [Fact]
    public void An_older_snapshot_does_not_undo_a_newer_one()
    {
        var view = new ProjectView { Id = Guid.NewGuid() };
        view.ApplySnapshot(Snapshot(view.Id, "新名称", total: 900m, stage: "underConstruction"), 3, Now);
        Assert.False(view.ApplySnapshot(Snapshot(view.Id, "旧名称", total: 100m), 2, Now));
        Assert.Equal("新名称", view.Name);
        Assert.Equal(900m, view.TotalInvestment);
        Assert.Equal(3, view.Version);
    }

    [Fact]
    public void A_start_that_overtook_the_registration_keeps_its_facts_and_the_late_registration_fills_in_the_name()
    {
        var view = ProjectView.Placeholder(Guid.NewGuid(), "140522");
        view.ApplyStarted(new DateOnly(2025, 4, 2), 1200m, 2, Now);
        view.ApplySnapshot(Snapshot(view.Id, "阳城县东部片区一体化供水工程", total: 1000m), 1, Now);

        Assert.True(view.HasDetails);
        Assert.Equal("阳城县东部片区一体化供水工程", view.Name);
        Assert.Equal(new DateOnly(2025, 4, 2), view.ActualStartDate);
        Assert.Equal(1200m, view.TotalInvestment);
        Assert.True(view.IsStarted);
        Assert.Equal(2, view.Version);
    }

    [Fact]
    public void A_stage_change_and_a_start_of_the_same_version_both_apply_but_an_older_one_does_not()
    {
        var view = new ProjectView { Id = Guid.NewGuid() };
        view.ApplySnapshot(Snapshot(view.Id, "项目", total: 900m), 1, Now);
        Assert.True(view.ApplyStageChanged("underConstruction", new DateOnly(2025, 4, 2), 2, Now));
        Assert.True(view.ApplyStarted(new DateOnly(2025, 4, 2), 900m, 2, Now));
        Assert.True(view.ApplyStageChanged("suspended", new DateOnly(2025, 6, 1), 3, Now));
        Assert.False(view.ApplyStarted(new DateOnly(2025, 4, 2), 900m, 2, Now));
        Assert.Equal("suspended", view.Stage);
        Assert.True(view.IsStarted);
    }

    static string? Code(Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? problem) =>
        problem?.ProblemDetails.Extensions["code"] as string;
}
