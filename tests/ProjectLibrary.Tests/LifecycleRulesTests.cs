using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Tests;

public sealed class LifecycleRulesTests
{
    static readonly DateOnly Today = new(2025, 6, 30);
    static readonly DateTimeOffset Now = new(2025, 6, 30, 2, 0, 0, TimeSpan.Zero);

    static Project NewProject() => Project.Register(new ProjectInput
    {
        Name = "阳城县东部片区一体化供水工程", RegionCode = "140522", Category = ProjectCategory.Infrastructure,
        Nature = ProjectNature.New, TotalInvestment = 32000m, AnnualPlannedInvestment = 8000m, Year = 2025,
    }, Now);

    static Project At(params ProjectStage[] path)
    {
        var project = NewProject();
        var date = new DateOnly(2025, 1, 1);
        foreach (var stage in path)
        {
            Assert.Null(project.TransitionTo(stage, date, Today, Now, out _));
            date = date.AddDays(10);
        }
        return project;
    }

    [Fact]
    public void A_project_moves_forward_one_stage_at_a_time_from_reserve_to_operating()
    {
        var project = At(ProjectStage.Preparation, ProjectStage.UnderConstruction, ProjectStage.Completed, ProjectStage.Operating);
        Assert.Equal(ProjectStage.Operating, project.Stage);
        Assert.Equal(new DateOnly(2025, 1, 11), project.ActualStartDate);
        Assert.Equal(new DateOnly(2025, 1, 21), project.ActualFinishDate);
    }

    [Theory]
    [InlineData(ProjectStage.UnderConstruction)]
    [InlineData(ProjectStage.Completed)]
    [InlineData(ProjectStage.Conceived)]
    [InlineData(ProjectStage.Suspended)]
    [InlineData(ProjectStage.Reserve)]
    public void Skipping_or_going_back_from_reserve_is_an_illegal_transition(ProjectStage target)
    {
        var project = NewProject();
        var refusal = project.TransitionTo(target, Today, Today, Now, out var change);
        Assert.Equal("illegal_transition", refusal?.Code);
        Assert.True(refusal!.IsConflict);
        Assert.Null(change);
        Assert.Equal(ProjectStage.Reserve, project.Stage);
        Assert.Equal(1, project.Version);
    }

    [Fact]
    public void Entering_construction_records_the_actual_start_and_says_the_project_started()
    {
        var project = At(ProjectStage.Preparation);
        Assert.Null(project.TransitionTo(ProjectStage.UnderConstruction, new DateOnly(2025, 3, 15), Today, Now, out var change));
        Assert.True(change!.Started);
        Assert.Equal(ProjectStage.Preparation, change.From);
        Assert.Equal(new DateOnly(2025, 3, 15), project.ActualStartDate);
        Assert.Equal(3, project.Version);
    }

    [Fact]
    public void A_suspended_project_returns_only_to_the_stage_it_was_in_and_resuming_is_not_a_second_start()
    {
        var project = At(ProjectStage.Preparation, ProjectStage.UnderConstruction, ProjectStage.Suspended);
        Assert.Equal("illegal_transition", project.TransitionTo(ProjectStage.Completed, Today, Today, Now, out _)?.Code);
        Assert.Equal("illegal_transition", project.TransitionTo(ProjectStage.Preparation, Today, Today, Now, out _)?.Code);
        Assert.Null(project.TransitionTo(ProjectStage.UnderConstruction, Today, Today, Now, out var change));
        Assert.False(change!.Started);
        Assert.Equal(new DateOnly(2025, 1, 11), project.ActualStartDate);
    }

    [Fact]
    public void Only_projects_in_preparation_or_under_construction_can_be_suspended()
    {
        Assert.Null(At(ProjectStage.Preparation).TransitionTo(ProjectStage.Suspended, Today, Today, Now, out _));
        Assert.NotNull(At(ProjectStage.Preparation, ProjectStage.UnderConstruction, ProjectStage.Completed)
            .TransitionTo(ProjectStage.Suspended, Today, Today, Now, out _));
    }

    [Fact]
    public void Any_stage_but_a_final_one_can_be_terminated_and_nothing_leaves_a_final_stage()
    {
        Assert.Null(NewProject().TransitionTo(ProjectStage.Terminated, Today, Today, Now, out _));
        Assert.Null(At(ProjectStage.Preparation, ProjectStage.Suspended).TransitionTo(ProjectStage.Terminated, Today, Today, Now, out _));
        var terminated = At(ProjectStage.Terminated);
        Assert.Equal("illegal_transition", terminated.TransitionTo(ProjectStage.Preparation, Today, Today, Now, out _)?.Code);
        var operating = At(ProjectStage.Preparation, ProjectStage.UnderConstruction, ProjectStage.Completed, ProjectStage.Operating);
        Assert.Equal("illegal_transition", operating.TransitionTo(ProjectStage.Terminated, Today, Today, Now, out _)?.Code);
    }

    [Fact]
    public void A_transition_cannot_be_dated_in_the_future_or_before_the_previous_one()
    {
        var project = At(ProjectStage.Preparation); // dated 2025-01-01
        Assert.Equal("date_in_future", project.TransitionTo(ProjectStage.UnderConstruction, Today.AddDays(1), Today, Now, out _)?.Code);
        Assert.Equal("date_before_previous_transition", project.TransitionTo(ProjectStage.UnderConstruction, new DateOnly(2024, 12, 31), Today, Now, out _)?.Code);
        Assert.Null(project.TransitionTo(ProjectStage.UnderConstruction, Today, Today, Now, out _));
    }

    [Theory]
    [InlineData(2025, 2025, StartKind.NewStart)]
    [InlineData(2024, 2025, StartKind.Continuing)]
    [InlineData(2026, 2025, null)]
    public void A_project_is_a_new_start_in_the_year_it_started_and_continuing_after(int startYear, int reportingYear, StartKind? expected) =>
        Assert.Equal(expected, Project.StartKindOf(new DateOnly(startYear, 5, 1), reportingYear));

    [Fact]
    public void An_approvals_event_older_than_the_one_applied_changes_nothing()
    {
        var project = NewProject();
        Assert.True(project.MarkReadyToStart(3, Now));
        Assert.False(project.MarkReadyToStart(2, Now));
        Assert.False(project.MarkReadyToStart(3, Now));
        Assert.True(project.ReadyToStart);
        Assert.Equal(2, project.Version);
    }
}
