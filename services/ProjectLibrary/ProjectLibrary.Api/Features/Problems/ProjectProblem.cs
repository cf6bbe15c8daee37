namespace ProjectLibrary.Api.Features.Problems;

/// <summary>The loop 发现 → 交办 → 办理中 → 申请销号 → 销号; 退回 goes back to 办理中, 重新打开 reopens a closed one.</summary>
public enum ProblemStatus { Found, Assigned, InProgress, CloseRequested, Closed }

/// <summary>Level of authority that must solve it: 县级, 市级, 省级事权. It decides who handles the problem (<see cref="ProblemAuthority"/>).</summary>
public enum ProblemLevel { County, City, Provincial }

/// <summary>A major problem goes to the region's principal leaders (重大问题报主要领导专题调度).</summary>
public enum ProblemSeverity { Normal, Major }

/// <summary>What blocks the project (项目问题大起底 categories).</summary>
public enum ProblemCategory { Land, Approvals, Funding, Demolition, Utilities, Environment, Energy, Construction, Other }

/// <summary>A row of the problem ledger (问题台账), on one project.</summary>
public sealed class ProjectProblem : IAudited, ITownshipScoped
{
    /// <summary>The 409 code of every step the loop does not allow from the current state.</summary>
    public const string InvalidTransition = "invalid_transition";

    public Guid Id { get; init; }
    public Guid ProjectId { get; init; }
    public string RegionCode { get; init; } = "";
    public string? Township { get; init; }
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public ProblemCategory Category { get; private set; }
    public ProblemLevel Level { get; private set; }
    public ProblemSeverity Severity { get; private set; }
    public ProblemStatus Status { get; private set; }
    /// <summary>牵头单位 (kept under its first name, department, which the filters and the events use).</summary>
    public string? Department { get; private set; }
    /// <summary>分管领导.</summary>
    public string? ResponsibleLeader { get; private set; }
    /// <summary>责任科室.</summary>
    public string? ResponsibleSection { get; private set; }
    public string? Assignee { get; private set; }
    /// <summary>办结时限.</summary>
    public DateOnly? DueDate { get; private set; }
    /// <summary>How it was solved, as the handling unit reported it when it asked to close (申请销号).</summary>
    public string? Resolution { get; private set; }
    public string? Evidence { get; private set; }
    /// <summary>The reviewing level's last word: why it was returned, or its closing opinion.</summary>
    public string? Opinion { get; private set; }
    public string RaisedBy { get; init; } = "";
    public DateTimeOffset RaisedAt { get; init; }
    public DateTimeOffset? AssignedAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public DateTimeOffset? EscalatedAt { get; private set; }
    public DateTimeOffset? CloseRequestedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>Set once when the deadline came near, so the reminder goes out once.</summary>
    public DateTimeOffset? ReminderSentAt { get; private set; }
    /// <summary>Set once when the deadline passed and the job escalated it, so that happens once.</summary>
    public DateTimeOffset? AutoEscalatedAt { get; private set; }
    /// <summary>督办 from outside (13710): the system, its reference, when it started and its four clocks (see <see cref="SupervisionOptions"/>).</summary>
    public string? SupervisionSystem { get; private set; }
    public string? SupervisionReference { get; private set; }
    public DateTimeOffset? SupervisedAt { get; private set; }
    public DateOnly? ArrangeBy { get; private set; }
    public DateOnly? MeasuresBy { get; private set; }
    public DateOnly? ProgressBy { get; private set; }
    public DateOnly? AnswerBy { get; private set; }
    public DateTimeOffset? ArrangedAt { get; private set; }
    public DateTimeOffset? MeasuresAt { get; private set; }
    public DateTimeOffset? ProgressAt { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public long Version { get; private set; }

    public List<ProblemNote> Notes { get; init; } = [];

    /// <summary>Open and being worked on: the states whose deadline counts.</summary>
    public bool IsOpen => Status is ProblemStatus.Assigned or ProblemStatus.InProgress or ProblemStatus.CloseRequested;

    public bool IsOverdue(DateOnly today) => Status != ProblemStatus.Closed && DueDate < today;

    public static ProjectProblem Raise(Guid projectId, string regionCode, string? township, string title, string? description,
        ProblemCategory category, ProblemLevel level, string by, DateTimeOffset now, ProblemSeverity severity = ProblemSeverity.Normal) => new()
        {
            Id = Guid.CreateVersion7(), ProjectId = projectId, RegionCode = regionCode, Township = township,
            Title = title.Trim(), Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            Category = category, Level = level, Severity = severity, Status = ProblemStatus.Found, RaisedBy = by, RaisedAt = now,
            UpdatedAt = now, Version = 1,
        };

    /// <summary>
    /// 交办: who solves it by when. Allowed while found or not yet asked to close; reassigning (e.g. by city-hq after an
    /// escalation) gives a new unit and deadline, so it must be accepted again and its reminder and escalation can happen again.
    /// </summary>
    public string? Assign(ProblemAssignment to, DateTimeOffset now)
    {
        if (Status is ProblemStatus.CloseRequested or ProblemStatus.Closed) return Refused("assigned");
        Department = to.LeadUnit.Trim();
        ResponsibleLeader = Clean(to.ResponsibleLeader);
        ResponsibleSection = Clean(to.ResponsibleSection);
        Assignee = to.Assignee.Trim();
        DueDate = to.DueDate;
        AssignedAt = now;
        ReminderSentAt = null;
        AutoEscalatedAt = null;
        Status = ProblemStatus.Assigned;
        if (SupervisedAt is not null) ArrangedAt ??= now;
        Touch(now);
        return null;
    }

    /// <summary>签收: the assigned unit takes the problem on.</summary>
    public string? Accept(DateTimeOffset now)
    {
        if (Status != ProblemStatus.Assigned) return Refused("accepted");
        Status = ProblemStatus.InProgress;
        AcceptedAt = now;
        if (SupervisedAt is not null) ArrangedAt ??= now;
        Touch(now);
        return null;
    }

    /// <summary>办理情况: a progress note; the first one on an assigned problem accepts it.</summary>
    public string? AddNote(string text, string by, DateTimeOffset now) =>
        Status is ProblemStatus.Found or ProblemStatus.Closed ? Refused("given a progress note") : Record(ProblemNoteKind.Progress, text, by, now, () =>
        {
            if (Status == ProblemStatus.Assigned) (Status, AcceptedAt) = (ProblemStatus.InProgress, now);
            if (SupervisedAt is null) return;
            ArrangedAt ??= now;
            // Under 13710 the first note after supervision reports the measures, the next one the progress.
            if (MeasuresAt is null) MeasuresAt = now;
            else ProgressAt ??= now;
        });

    /// <summary>申请销号: the handling unit reports it solved.</summary>
    public string? RequestClose(string resolution, string? evidence, string by, DateTimeOffset now) =>
        Status != ProblemStatus.InProgress ? Refused("asked to be closed") : Record(ProblemNoteKind.CloseRequest, resolution, by, now, () =>
        {
            (Resolution, Evidence, CloseRequestedAt, Status) = (resolution.Trim(), Clean(evidence), now, ProblemStatus.CloseRequested);
            if (SupervisedAt is not null) AnsweredAt ??= now;
        });

    /// <summary>审核销号, agreed: closed, with the reviewer's opinion if any.</summary>
    public string? Close(string? opinion, string by, DateTimeOffset now)
    {
        if (Status != ProblemStatus.CloseRequested) return Refused("closed");
        Opinion = Clean(opinion);
        Status = ProblemStatus.Closed;
        ClosedAt = now;
        if (Opinion is null) { Touch(now); return null; }
        return Record(ProblemNoteKind.Closing, Opinion, by, now, () => { });
    }

    /// <summary>退回: the reviewer does not accept the close request; back to 办理中 with the opinion kept.</summary>
    public string? Return(string opinion, string by, DateTimeOffset now) =>
        Status != ProblemStatus.CloseRequested ? Refused("returned") : Record(ProblemNoteKind.Return, opinion, by, now, () =>
        {
            (Opinion, Status, CloseRequestedAt) = (opinion.Trim(), ProblemStatus.InProgress, null);
        });

    /// <summary>重新打开: a closed problem came back; handled again from 办理中.</summary>
    public string? Reopen(string reason, string by, DateTimeOffset now) =>
        Status != ProblemStatus.Closed ? Refused("reopened") : Record(ProblemNoteKind.Reopen, reason, by, now, () =>
        {
            (Status, ClosedAt, CloseRequestedAt, ReminderSentAt, AutoEscalatedAt) = (ProblemStatus.InProgress, null, null, null, null);
        });

    /// <summary>帮办/督办: hands the problem to the next level of authority (县级 → 市级 → 省级); the state stays.</summary>
    public string? Escalate(DateTimeOffset now)
    {
        if (Status == ProblemStatus.Closed) return Refused("escalated");
        if (Level == ProblemLevel.Provincial) return "The problem is already at the provincial level, the highest there is.";
        Level = Level + 1;
        EscalatedAt = now;
        Touch(now);
        return null;
    }

    /// <summary>督办 (13710): starts the four clocks from today. Once per problem; a closed problem cannot be supervised.</summary>
    public string? Supervise(string system, string reference, SupervisionClocks clocks, DateTimeOffset now)
    {
        if (Status == ProblemStatus.Closed) return Refused("supervised");
        if (SupervisedAt is not null) return $"The problem is already supervised ({SupervisionSystem} {SupervisionReference}).";
        (SupervisionSystem, SupervisionReference, SupervisedAt) = (system, reference.Trim(), now);
        (ArrangeBy, MeasuresBy, ProgressBy, AnswerBy) = (clocks.ArrangeBy, clocks.MeasuresBy, clocks.ProgressBy, clocks.AnswerBy);
        Touch(now);
        return null;
    }

    /// <summary>The deadline is near: remember that the reminder went out.</summary>
    public bool MarkReminded(DateTimeOffset now)
    {
        if (ReminderSentAt is not null || !IsOpen) return false;
        ReminderSentAt = now;
        Touch(now);
        return true;
    }

    /// <summary>Overdue: escalate once, automatically.</summary>
    public bool EscalateAutomatically(DateTimeOffset now)
    {
        if (AutoEscalatedAt is not null || !IsOpen) return false;
        if (Escalate(now) is not null) return false;
        AutoEscalatedAt = now;
        return true;
    }

    string Refused(string what) => $"A problem that is {Status} cannot be {what}.";

    string? Record(ProblemNoteKind kind, string text, string by, DateTimeOffset now, Action change)
    {
        change();
        Notes.Add(new ProblemNote { Id = Guid.CreateVersion7(), ProblemId = Id, Kind = kind, Text = text.Trim(), Author = by, At = now });
        Touch(now);
        return null;
    }

    static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>交办 in one value: 牵头单位, 分管领导, 责任科室, the person and 办结时限.</summary>
public sealed record ProblemAssignment(string LeadUnit, string? ResponsibleLeader, string? ResponsibleSection, string Assignee, DateOnly DueDate);

public enum ProblemNoteKind { Progress, CloseRequest, Return, Closing, Reopen }

/// <summary>One entry of the loop's record: a progress note (办理情况), a close request, a return or closing opinion, a reopening.</summary>
public sealed class ProblemNote
{
    public Guid Id { get; init; }
    public Guid ProblemId { get; init; }
    public ProblemNoteKind Kind { get; init; }
    public string Text { get; init; } = "";
    public string Author { get; init; } = "";
    public DateTimeOffset At { get; init; }
}
