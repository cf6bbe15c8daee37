using ProjectLibrary.Api.Features.Problems;

namespace ProjectLibrary.Tests;

public sealed class ProblemRulesTests
{
    static readonly DateTimeOffset Now = new(2025, 6, 1, 1, 0, 0, TimeSpan.Zero);

    static ProjectProblem Found() => ProjectProblem.Raise(Guid.NewGuid(), "140522", null, "施工用电接入滞后", null,
        ProblemCategory.Utilities, ProblemLevel.County, "project-office@140522", Now);

    [Fact]
    public void Escalation_raises_the_level_from_county_to_city_to_provincial_and_no_further()
    {
        var problem = Found();
        Assert.Null(problem.Escalate(Now));
        Assert.Equal(ProblemLevel.City, problem.Level);
        Assert.Null(problem.Escalate(Now));
        Assert.Equal(ProblemLevel.Provincial, problem.Level);
        Assert.NotNull(problem.Escalate(Now));
        Assert.Equal(ProblemLevel.Provincial, problem.Level);
        Assert.Equal(ProblemStatus.Escalated, problem.Status);
        Assert.Equal(3, problem.Version);
    }

    [Fact]
    public void A_closed_problem_cannot_be_closed_assigned_or_escalated_again()
    {
        var problem = Found();
        Assert.Null(problem.Close("已协调解决", Now));
        Assert.NotNull(problem.Close("again", Now));
        Assert.NotNull(problem.Assign("县审批局", "张三", new DateOnly(2025, 7, 1), Now));
        Assert.NotNull(problem.Escalate(Now));
        Assert.Equal(ProblemStatus.Closed, problem.Status);
    }

    [Fact]
    public void The_automatic_escalation_and_the_reminder_each_happen_once_per_deadline()
    {
        var problem = Found();
        problem.Assign("县自然资源局", "李四", new DateOnly(2025, 6, 3), Now);
        Assert.True(problem.MarkReminded(Now));
        Assert.False(problem.MarkReminded(Now));
        Assert.True(problem.EscalateAutomatically(Now));
        Assert.False(problem.EscalateAutomatically(Now));
        Assert.Equal(ProblemLevel.City, problem.Level);

        // A new deadline is a new chance to remind and escalate.
        problem.Assign("县自然资源局", "李四", new DateOnly(2025, 7, 3), Now);
        Assert.Equal(ProblemStatus.Escalated, problem.Status);
        Assert.True(problem.MarkReminded(Now));
        Assert.True(problem.EscalateAutomatically(Now));
        Assert.Equal(ProblemLevel.Provincial, problem.Level);
    }

    [Fact]
    public void A_problem_is_overdue_after_its_deadline_until_it_is_closed()
    {
        var problem = Found();
        problem.Assign("县住建局", "王五", new DateOnly(2025, 6, 10), Now);
        Assert.False(problem.IsOverdue(new DateOnly(2025, 6, 10)));
        Assert.True(problem.IsOverdue(new DateOnly(2025, 6, 11)));
        problem.Close("已完成", Now);
        Assert.False(problem.IsOverdue(new DateOnly(2025, 6, 11)));
    }
}
