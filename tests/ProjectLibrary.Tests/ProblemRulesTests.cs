using ProjectLibrary.Api.Features.Problems;

namespace ProjectLibrary.Tests;

public sealed class ProblemRulesTests
{
    static readonly DateTimeOffset Now = new(2025, 6, 1, 1, 0, 0, TimeSpan.Zero);

    static ProjectProblem Found() => ProjectProblem.Raise(Guid.NewGuid(), "140522", null, "施工用电接入滞后", null,
        ProblemCategory.Utilities, ProblemLevel.County, "project-office@140522", Now);

    static ProblemAssignment To(string unit, string person, DateOnly due) => new(unit, "分管副县长", "用地科", person, due);

    [Fact]
    public void Escalation_raises_the_level_from_county_to_city_to_provincial_and_no_further_and_keeps_the_state()
    {
        var problem = Found();
        Assert.Null(problem.Escalate(Now));
        Assert.Equal(ProblemLevel.City, problem.Level);
        Assert.Null(problem.Escalate(Now));
        Assert.Equal(ProblemLevel.Provincial, problem.Level);
        Assert.NotNull(problem.Escalate(Now));
        Assert.Equal(ProblemLevel.Provincial, problem.Level);
        Assert.Equal(ProblemStatus.Found, problem.Status);
        Assert.Equal(3, problem.Version);
    }

    [Fact]
    public void A_closed_problem_cannot_be_closed_assigned_or_escalated_again()
    {
        var problem = ProblemLoopTests.InState(ProblemStatus.Closed);
        Assert.NotNull(problem.Close("again", "city-hq", Now));
        Assert.NotNull(problem.Assign(To("县审批局", "张三", new DateOnly(2025, 7, 1)), Now));
        Assert.NotNull(problem.Escalate(Now));
        Assert.Equal(ProblemStatus.Closed, problem.Status);
    }

    [Fact]
    public void The_automatic_escalation_and_the_reminder_each_happen_once_per_deadline()
    {
        var problem = Found();
        problem.Assign(To("县自然资源局", "李四", new DateOnly(2025, 6, 3)), Now);
        Assert.True(problem.MarkReminded(Now));
        Assert.False(problem.MarkReminded(Now));
        Assert.True(problem.EscalateAutomatically(Now));
        Assert.False(problem.EscalateAutomatically(Now));
        Assert.Equal(ProblemLevel.City, problem.Level);

        // A new deadline (city-hq reassigns after the escalation) is a new chance to remind and escalate.
        problem.Assign(To("市自然资源局", "李四", new DateOnly(2025, 7, 3)), Now);
        Assert.Equal(ProblemStatus.Assigned, problem.Status);
        Assert.True(problem.MarkReminded(Now));
        Assert.True(problem.EscalateAutomatically(Now));
        Assert.Equal(ProblemLevel.Provincial, problem.Level);
    }

    [Fact]
    public void A_problem_is_overdue_after_its_deadline_until_it_is_closed()
    {
        var problem = Found();
        problem.Assign(To("县住建局", "王五", new DateOnly(2025, 6, 10)), Now);
        Assert.False(problem.IsOverdue(new DateOnly(2025, 6, 10)));
        Assert.True(problem.IsOverdue(new DateOnly(2025, 6, 11)));
        problem.AddNote("已协调", "project-office@140522", Now);
        problem.RequestClose("已完成", null, "project-office@140522", Now);
        problem.Close(null, "project-office@140522", Now);
        Assert.False(problem.IsOverdue(new DateOnly(2025, 6, 11)));
    }
}

/// <summary>The loop 发现 → 交办 → 办理中 → 申请销号 → 销号 (退回, 重新打开): every step from every state, allowed or refused.</summary>
public sealed class ProblemLoopTests
{
    static readonly DateTimeOffset Now = new(2025, 6, 1, 1, 0, 0, TimeSpan.Zero);
    const string Office = "project-office@140522";

    public enum Step { Assign, Accept, Note, RequestClose, Close, Return, Reopen }

    /// <summary>A problem driven through the loop to the state.</summary>
    public static ProjectProblem InState(ProblemStatus status)
    {
        var problem = ProjectProblem.Raise(Guid.NewGuid(), "140522", null, "环评批复未取得", null, ProblemCategory.Environment,
            ProblemLevel.County, Office, Now);
        var path = new[] { ProblemStatus.Assigned, ProblemStatus.InProgress, ProblemStatus.CloseRequested, ProblemStatus.Closed };
        foreach (var next in path.TakeWhile(s => s <= status))
            Assert.Null(Apply(problem, next switch
            {
                ProblemStatus.Assigned => Step.Assign,
                ProblemStatus.InProgress => Step.Accept,
                ProblemStatus.CloseRequested => Step.RequestClose,
                _ => Step.Close,
            }));
        Assert.Equal(status, problem.Status);
        return problem;
    }

    static string? Apply(ProjectProblem p, Step step) => step switch
    {
        Step.Assign => p.Assign(new ProblemAssignment("县生态环境局", "分管副县长", "环评科", "赵科长", new DateOnly(2025, 7, 1)), Now),
        Step.Accept => p.Accept(Now),
        Step.Note => p.AddNote("已与省厅对接", Office, Now),
        Step.RequestClose => p.RequestClose("已取得环评批复", "晋环审〔2025〕12号", Office, Now),
        Step.Close => p.Close("同意销号", Office, Now),
        Step.Return => p.Return("批复文号不全，请补充", Office, Now),
        Step.Reopen => p.Reopen("批复被撤销", Office, Now),
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    /// <summary>The allowed steps and where they lead; every pair not listed is refused.</summary>
    static readonly Dictionary<(ProblemStatus, Step), ProblemStatus> Allowed = new()
    {
        [(ProblemStatus.Found, Step.Assign)] = ProblemStatus.Assigned,
        [(ProblemStatus.Assigned, Step.Assign)] = ProblemStatus.Assigned,
        [(ProblemStatus.Assigned, Step.Accept)] = ProblemStatus.InProgress,
        [(ProblemStatus.Assigned, Step.Note)] = ProblemStatus.InProgress,
        [(ProblemStatus.InProgress, Step.Assign)] = ProblemStatus.Assigned,
        [(ProblemStatus.InProgress, Step.Note)] = ProblemStatus.InProgress,
        [(ProblemStatus.InProgress, Step.RequestClose)] = ProblemStatus.CloseRequested,
        [(ProblemStatus.CloseRequested, Step.Note)] = ProblemStatus.CloseRequested,
        [(ProblemStatus.CloseRequested, Step.Close)] = ProblemStatus.Closed,
        [(ProblemStatus.CloseRequested, Step.Return)] = ProblemStatus.InProgress,
        [(ProblemStatus.Closed, Step.Reopen)] = ProblemStatus.InProgress,
    };

    public static TheoryData<ProblemStatus, Step> Every()
    {
        var data = new TheoryData<ProblemStatus, Step>();
        foreach (var status in Enum.GetValues<ProblemStatus>())
            foreach (var step in Enum.GetValues<Step>())
                data.Add(status, step);
        return data;
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Each_step_from_each_state_is_allowed_only_where_the_loop_has_it(ProblemStatus from, Step step)
    {
        var problem = InState(from);
        var version = problem.Version;
        var refusal = Apply(problem, step);
        if (Allowed.TryGetValue((from, step), out var to))
        {
            Assert.Null(refusal);
            Assert.Equal(to, problem.Status);
            Assert.Equal(version + 1, problem.Version);
        }
        else
        {
            Assert.NotNull(refusal);
            Assert.Equal(from, problem.Status);
            Assert.Equal(version, problem.Version);
        }
    }

    [Fact]
    public void Closing_straight_from_found_is_refused()
    {
        var problem = InState(ProblemStatus.Found);
        Assert.NotNull(problem.Close("已解决", Office, Now));
        Assert.Equal(ProblemStatus.Found, problem.Status);
        Assert.Null(problem.ClosedAt);
    }

    [Fact]
    public void A_return_keeps_the_opinion_and_the_whole_loop_is_recorded_in_the_notes()
    {
        var problem = InState(ProblemStatus.CloseRequested);
        Assert.Null(problem.Return("批复文号不全，请补充", Office, Now));
        Assert.Equal("批复文号不全，请补充", problem.Opinion);
        Assert.Null(problem.AddNote("已补充批复文号", Office, Now));
        Assert.Null(problem.RequestClose("已取得环评批复", "晋环审〔2025〕12号", Office, Now));
        Assert.Null(problem.Close(null, Office, Now));
        Assert.Equal(
            [ProblemNoteKind.CloseRequest, ProblemNoteKind.Return, ProblemNoteKind.Progress, ProblemNoteKind.CloseRequest],
            problem.Notes.Select(n => n.Kind));
        Assert.Equal("晋环审〔2025〕12号", problem.Evidence);
        Assert.NotNull(problem.ClosedAt);
    }
}

/// <summary>13710 督办: four clocks from the day it starts, each met by its step of the loop.</summary>
public sealed class SupervisionRulesTests
{
    static readonly DateTimeOffset Now = new(2025, 6, 2, 1, 0, 0, TimeSpan.Zero);
    static readonly DateOnly Start = new(2025, 6, 2);
    const string Office = "project-office@140522";

    static ProjectProblem Supervised()
    {
        var problem = ProblemLoopTests.InState(ProblemStatus.Found);
        Assert.Null(problem.Supervise("13710", "晋13710〔2025〕二季度-3", new SupervisionOptions().ClocksFrom(Start), Now));
        return problem;
    }

    [Fact]
    public void The_clocks_run_1_3_7_and_10_days_by_default_and_are_configurable()
    {
        Assert.Equal(new SupervisionClocks(new(2025, 6, 3), new(2025, 6, 5), new(2025, 6, 9), new(2025, 6, 12)),
            new SupervisionOptions().ClocksFrom(Start));
        Assert.Equal(new DateOnly(2025, 6, 4), new SupervisionOptions { ArrangeDays = 2 }.ClocksFrom(Start).ArrangeBy);
    }

    [Fact]
    public void Each_clock_is_overdue_only_while_unmet_past_its_deadline()
    {
        var problem = Supervised();
        Assert.False(SupervisionResponse.From(problem, new DateOnly(2025, 6, 3))!.Overdue);
        var late = SupervisionResponse.From(problem, new DateOnly(2025, 6, 4))!;
        Assert.True(late.Arrange.Overdue);
        Assert.False(late.Measures.Overdue);

        problem.Assign(new ProblemAssignment("县自然资源局", null, null, "李科长", new DateOnly(2025, 7, 1)), Now);
        Assert.False(SupervisionResponse.From(problem, new DateOnly(2025, 6, 4))!.Overdue);
        Assert.True(SupervisionResponse.From(problem, new DateOnly(2025, 6, 6))!.Measures.Overdue);
        problem.AddNote("措施：成立专班", Office, Now);
        problem.AddNote("进展：已完成组卷", Office, Now);
        var onTrack = SupervisionResponse.From(problem, new DateOnly(2025, 6, 12))!;
        Assert.False(onTrack.Overdue);
        Assert.True(SupervisionResponse.From(problem, new DateOnly(2025, 6, 13))!.Answer.Overdue);
        problem.RequestClose("已答复", null, Office, Now);
        Assert.False(SupervisionResponse.From(problem, new DateOnly(2025, 6, 13))!.Overdue);
    }

    [Fact]
    public void A_closed_or_already_supervised_problem_cannot_be_supervised()
    {
        var problem = Supervised();
        Assert.NotNull(problem.Supervise("13710", "again", new SupervisionOptions().ClocksFrom(Start), Now));
        var closed = ProblemLoopTests.InState(ProblemStatus.Closed);
        Assert.NotNull(closed.Supervise("13710", "x", new SupervisionOptions().ClocksFrom(Start), Now));
        Assert.Null(closed.SupervisedAt);
    }
}
