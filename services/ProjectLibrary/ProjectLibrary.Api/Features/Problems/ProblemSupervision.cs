namespace ProjectLibrary.Api.Features.Problems;

/// <summary>
/// Problems:Supervision: the 13710 clocks in days from the day supervision starts — 1 day to arrange (安排), 3 for
/// measures (措施), 7 for progress (进展), 10 for an answer (答复).
/// </summary>
public sealed class SupervisionOptions
{
    public int ArrangeDays { get; set; } = 1;
    public int MeasuresDays { get; set; } = 3;
    public int ProgressDays { get; set; } = 7;
    public int AnswerDays { get; set; } = 10;

    public SupervisionClocks ClocksFrom(DateOnly start) =>
        new(start.AddDays(ArrangeDays), start.AddDays(MeasuresDays), start.AddDays(ProgressDays), start.AddDays(AnswerDays));
}

/// <summary>The four 13710 deadlines of one supervised problem.</summary>
public sealed record SupervisionClocks(DateOnly ArrangeBy, DateOnly MeasuresBy, DateOnly ProgressBy, DateOnly AnswerBy);

/// <summary>
/// One 13710 clock in the API: its deadline, when it was met (安排: accepted or reassigned; 措施: the first progress note;
/// 进展: the next one; 答复: the close request) and whether it is overdue (not met and past its deadline). Once answered,
/// the earlier clocks no longer run: the answer covers them.
/// </summary>
public sealed record SupervisionClock(DateOnly Due, DateTimeOffset? MetAt, bool Overdue)
{
    public static SupervisionClock Of(DateOnly due, DateTimeOffset? metAt, DateTimeOffset? answeredAt, DateOnly today) =>
        new(due, metAt, metAt is null && answeredAt is null && due < today);
}

public sealed record SupervisionResponse(string System, string Reference, DateTimeOffset StartedAt, SupervisionClock Arrange,
    SupervisionClock Measures, SupervisionClock Progress, SupervisionClock Answer, bool Overdue)
{
    public static SupervisionResponse? From(ProjectProblem p, DateOnly today)
    {
        if (p.SupervisedAt is not { } started) return null;
        var arrange = SupervisionClock.Of(p.ArrangeBy!.Value, p.ArrangedAt, p.AnsweredAt, today);
        var measures = SupervisionClock.Of(p.MeasuresBy!.Value, p.MeasuresAt, p.AnsweredAt, today);
        var progress = SupervisionClock.Of(p.ProgressBy!.Value, p.ProgressAt, p.AnsweredAt, today);
        var answer = SupervisionClock.Of(p.AnswerBy!.Value, p.AnsweredAt, p.AnsweredAt, today);
        return new(p.SupervisionSystem!, p.SupervisionReference!, started, arrange, measures, progress, answer,
            arrange.Overdue || measures.Overdue || progress.Overdue || answer.Overdue);
    }
}

/// <summary>督办: POST /api/problems/{id}/supervise. Only the 13710 system is known.</summary>
public sealed record SuperviseRequest(string? System, string? Reference) : IValidatable
{
    public const string System13710 = "13710";

    public void Validate(ValidationErrors errors) => errors
        .Required(System, "system").When(System is not null && System != System13710, "system", FieldErrors.OneOf([System13710]))
        .Required(Reference, "reference").MaxLength(Reference, 100, "reference");
}
