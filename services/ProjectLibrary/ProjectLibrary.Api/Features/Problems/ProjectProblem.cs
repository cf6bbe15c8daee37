namespace ProjectLibrary.Api.Features.Problems;

/// <summary>发现 → 交办 → 帮办/督办 → 销号.</summary>
public enum ProblemStatus { Found, Assigned, Escalated, Closed }

/// <summary>Level of authority that must solve it: 县级, 市级, 省级事权.</summary>
public enum ProblemLevel { County, City, Provincial }

/// <summary>What blocks the project (项目问题大起底 categories).</summary>
public enum ProblemCategory { Land, Approvals, Funding, Demolition, Utilities, Environment, Energy, Construction, Other }

/// <summary>A row of the problem ledger (问题台账), on one project.</summary>
public sealed class ProjectProblem : IAudited, ITownshipScoped
{
    public Guid Id { get; init; }
    public Guid ProjectId { get; init; }
    public string RegionCode { get; init; } = "";
    public string? Township { get; init; }
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public ProblemCategory Category { get; private set; }
    public ProblemLevel Level { get; private set; }
    public ProblemStatus Status { get; private set; }
    public string? Department { get; private set; }
    public string? Assignee { get; private set; }
    public DateOnly? DueDate { get; private set; }
    public string? Resolution { get; private set; }
    public string RaisedBy { get; init; } = "";
    public DateTimeOffset RaisedAt { get; init; }
    public DateTimeOffset? AssignedAt { get; private set; }
    public DateTimeOffset? EscalatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>Set once when the deadline came near, so the reminder goes out once.</summary>
    public DateTimeOffset? ReminderSentAt { get; private set; }
    /// <summary>Set once when the deadline passed and the job escalated it, so that happens once.</summary>
    public DateTimeOffset? AutoEscalatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public long Version { get; private set; }

    public bool IsOverdue(DateOnly today) => Status != ProblemStatus.Closed && DueDate < today;

    public static ProjectProblem Raise(Guid projectId, string regionCode, string? township, string title, string? description,
        ProblemCategory category, ProblemLevel level, string by, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(), ProjectId = projectId, RegionCode = regionCode, Township = township,
            Title = title.Trim(), Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            Category = category, Level = level, Status = ProblemStatus.Found, RaisedBy = by, RaisedAt = now, UpdatedAt = now, Version = 1,
        };

    /// <summary>交办: who solves it by when. Reassigning gives a new deadline, so its reminder and escalation can happen again.</summary>
    public string? Assign(string department, string assignee, DateOnly dueDate, DateTimeOffset now)
    {
        if (Status == ProblemStatus.Closed) return "The problem is closed (销号); it cannot be assigned.";
        Department = department.Trim();
        Assignee = assignee.Trim();
        DueDate = dueDate;
        AssignedAt = now;
        ReminderSentAt = null;
        AutoEscalatedAt = null;
        if (Status == ProblemStatus.Found) Status = ProblemStatus.Assigned;
        Touch(now);
        return null;
    }

    /// <summary>帮办/督办: hands the problem to the next level of authority (县级 → 市级 → 省级).</summary>
    public string? Escalate(DateTimeOffset now)
    {
        if (Status == ProblemStatus.Closed) return "The problem is closed (销号); it cannot be escalated.";
        if (Level == ProblemLevel.Provincial) return "The problem is already at the provincial level, the highest there is.";
        Level = Level + 1;
        Status = ProblemStatus.Escalated;
        EscalatedAt = now;
        Touch(now);
        return null;
    }

    /// <summary>销号.</summary>
    public string? Close(string resolution, DateTimeOffset now)
    {
        if (Status == ProblemStatus.Closed) return "The problem is already closed (销号).";
        Resolution = resolution.Trim();
        Status = ProblemStatus.Closed;
        ClosedAt = now;
        Touch(now);
        return null;
    }

    /// <summary>The deadline is near: remember that the reminder went out.</summary>
    public bool MarkReminded(DateTimeOffset now)
    {
        if (ReminderSentAt is not null || Status == ProblemStatus.Closed) return false;
        ReminderSentAt = now;
        Touch(now);
        return true;
    }

    /// <summary>Overdue: escalate once, automatically.</summary>
    public bool EscalateAutomatically(DateTimeOffset now)
    {
        if (AutoEscalatedAt is not null) return false;
        if (Escalate(now) is not null) return false;
        AutoEscalatedAt = now;
        return true;
    }

    void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
