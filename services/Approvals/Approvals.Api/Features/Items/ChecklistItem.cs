using Approvals.Api.Features.Calendar;
using Approvals.Api.Features.Catalogue;

namespace Approvals.Api.Features.Items;

/// <summary>notStarted → submitted → accepted → approved | rejected | acceptedWithDeficiency (容缺受理) → supplemented → approved.</summary>
public enum ItemStatus { NotStarted, Submitted, Accepted, Approved, Rejected, AcceptedWithDeficiency }

/// <summary>A refused transition, with a stable code for the problem answer.</summary>

/// <summary>
/// One procedure on one project's checklist. Name, agency, time limit and the required flag are copied from
/// the catalogue when the item is created, so a later catalogue edit does not rewrite what was applied for.
/// </summary>
public sealed class ChecklistItem : IAudited, ITownshipScoped
{
    public Guid Id { get; init; }
    public Guid ProjectId { get; init; }
    public string RegionCode { get; private set; } = "";
    public string? Township { get; private set; }
    public string ProcedureCode { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary>For the 立项 item: 审批, 核准 or 备案.</summary>
    public string? Variant { get; private set; }
    public string Agency { get; init; } = "";
    public int TimeLimitWorkingDays { get; init; }
    public bool RequiredBeforeStart { get; init; }
    public ItemStatus Status { get; private set; }
    /// <summary>帮办代办: the user who may submit for the applicant.</summary>
    public string? Agent { get; private set; }
    public DateOnly? SubmittedOn { get; private set; }
    public DateOnly? AcceptedOn { get; private set; }
    /// <summary>Accepted day plus the statutory limit in working days.</summary>
    public DateOnly? DueDate { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    public string? DocumentNumber { get; private set; }
    public string? RejectionReason { get; private set; }
    public List<string> MissingDocuments { get; private set; } = [];
    /// <summary>容缺受理: the day by which the applicant promised the missing papers.</summary>
    public DateOnly? CommitDueDate { get; private set; }
    public DateOnly? SupplementedOn { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public long Version { get; private set; }

    public bool IsThrough => Status is ItemStatus.Approved or ItemStatus.AcceptedWithDeficiency;
    public bool IsActedOn => Status != ItemStatus.NotStarted || Agent is not null;

    public static ChecklistItem For(Guid projectId, string regionCode, string? township, Procedure procedure, string? variant, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), ProjectId = projectId, RegionCode = regionCode, Township = township,
        ProcedureCode = procedure.Code, Name = procedure.Name, Variant = variant, Agency = procedure.Agency,
        TimeLimitWorkingDays = procedure.TimeLimitWorkingDays, RequiredBeforeStart = procedure.RequiredBeforeStart,
        Status = ItemStatus.NotStarted, CreatedAt = now, UpdatedAt = now, Version = 1,
    };

    /// <summary>The applicant (or its agent) hands in the application; a rejected item may be handed in again.</summary>
    public Refusal? Submit(DateOnly on, IEnumerable<ChecklistItem> dependencies, DateTimeOffset now)
    {
        if (Status is not (ItemStatus.NotStarted or ItemStatus.Rejected)) return Illegal("submit");
        var pending = dependencies.Where(d => !d.IsThrough).Select(d => d.ProcedureCode).ToList();
        if (pending.Count > 0)
            return new("dependencies_pending", $"{Name} can be submitted only after {string.Join(", ", pending)} is approved.");
        Status = ItemStatus.Submitted;
        SubmittedOn = on;
        AcceptedOn = DueDate = DecidedOn = null;
        RejectionReason = null;
        return Changed(now);
    }

    /// <summary>受理: the statutory clock starts; the limit ends <see cref="TimeLimitWorkingDays"/> working days later.</summary>
    public Refusal? Accept(DateOnly on, WorkingCalendar calendar, DateTimeOffset now)
    {
        if (Status != ItemStatus.Submitted) return Illegal("accept");
        if (on < SubmittedOn) return Before("accepted", "submitted", SubmittedOn!.Value);
        Status = ItemStatus.Accepted;
        AcceptedOn = on;
        DueDate = calendar.AddWorkingDays(on, TimeLimitWorkingDays);
        return Changed(now);
    }

    public Refusal? Approve(DateOnly on, string? documentNumber, DateTimeOffset now)
    {
        if (Status != ItemStatus.Accepted) return Illegal("approve");
        if (on < AcceptedOn) return Before("approved", "accepted", AcceptedOn!.Value);
        Status = ItemStatus.Approved;
        DecidedOn = on;
        DocumentNumber = documentNumber;
        return Changed(now);
    }

    public Refusal? Reject(DateOnly on, string reason, DateTimeOffset now)
    {
        if (Status is not (ItemStatus.Submitted or ItemStatus.Accepted)) return Illegal("reject");
        if (on < (AcceptedOn ?? SubmittedOn)) return Before("rejected", "handed in", (AcceptedOn ?? SubmittedOn)!.Value);
        Status = ItemStatus.Rejected;
        DecidedOn = on;
        RejectionReason = reason;
        return Changed(now);
    }

    /// <summary>容缺受理: work goes on while the applicant supplies <paramref name="missing"/> by <paramref name="commitDueDate"/>.</summary>
    public Refusal? AcceptWithDeficiency(DateOnly on, IReadOnlyList<string> missing, DateOnly commitDueDate, WorkingCalendar calendar, DateTimeOffset now)
    {
        if (Status is not (ItemStatus.Submitted or ItemStatus.Accepted)) return Illegal("acceptWithDeficiency");
        if (on < (AcceptedOn ?? SubmittedOn)) return Before("accepted", "handed in", (AcceptedOn ?? SubmittedOn)!.Value);
        if (commitDueDate < on) return new("commitment_in_the_past", "The date to supply the missing documents cannot be before the acceptance.");
        if (AcceptedOn is null)
        {
            AcceptedOn = on;
            DueDate = calendar.AddWorkingDays(on, TimeLimitWorkingDays);
        }
        Status = ItemStatus.AcceptedWithDeficiency;
        DecidedOn = on;
        MissingDocuments = [.. missing];
        CommitDueDate = commitDueDate;
        return Changed(now);
    }

    /// <summary>The missing papers arrived: the item is approved.</summary>
    public Refusal? Supplement(DateOnly on, string? documentNumber, DateTimeOffset now)
    {
        if (Status != ItemStatus.AcceptedWithDeficiency) return Illegal("supplement");
        if (on < DecidedOn) return Before("supplemented", "accepted with deficiency", DecidedOn!.Value);
        Status = ItemStatus.Approved;
        SupplementedOn = on;
        DecidedOn = on;
        DocumentNumber = documentNumber ?? DocumentNumber;
        return Changed(now);
    }

    public Refusal? AssignAgent(string? agent, DateTimeOffset now)
    {
        if (IsThrough) return Illegal("assign an agent to");
        Agent = agent;
        return Changed(now);
    }

    public void MoveTo(string regionCode, string? township, DateTimeOffset now)
    {
        if (RegionCode == regionCode && Township == township) return;
        RegionCode = regionCode;
        Township = township;
        Changed(now);
    }

    public void ChangeVariant(string? variant, DateTimeOffset now)
    {
        if (Variant == variant || IsActedOn) return;
        Variant = variant;
        Changed(now);
    }

    /// <summary>dueSoon, overdue (the statutory limit passed undecided) or commitmentOverdue (容缺 papers late); null when fine.</summary>
    public string? Warning(DateOnly today, WorkingCalendar calendar, int dueSoonWorkingDays) => Status switch
    {
        ItemStatus.Accepted when DueDate < today => "overdue",
        ItemStatus.Accepted when calendar.WorkingDaysBetween(today, DueDate!.Value) <= dueSoonWorkingDays => "dueSoon",
        ItemStatus.AcceptedWithDeficiency when CommitDueDate < today => "commitmentOverdue",
        _ => null,
    };

    Refusal? Changed(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
        return null;
    }

    Refusal Illegal(string action) =>
        new("illegal_transition", $"Cannot {action} {Name} while it is {QueryEnum.Name(Status)}.");

    static Refusal Before(string what, string previous, DateOnly previousOn) =>
        new("date_before_previous_step", $"The item cannot be {what} before it was {previous} ({previousOn:yyyy-MM-dd}).");
}
