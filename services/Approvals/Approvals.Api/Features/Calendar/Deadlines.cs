using Approvals.Api.Features.Items;

namespace Approvals.Api.Features.Calendar;

/// <summary>Today's view of the time limits: the business day, the calendar and the warning window, in one place.</summary>
public sealed class Deadlines(WorkingCalendar calendar, ApprovalsOptions options, TimeProvider clock)
{
    public WorkingCalendar Calendar => calendar;
    public DateOnly Today => BusinessDay.Today(clock);
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The last due date that still counts as "due soon" today (for queries).</summary>
    public DateOnly DueSoonUntil => calendar.AddWorkingDays(Today, options.DueSoonWorkingDays);

    public string? WarningFor(ChecklistItem item) => item.Warning(Today, calendar, options.DueSoonWorkingDays);

    /// <summary>Working days left until the due date of an item under review (negative once overdue).</summary>
    public int? WorkingDaysLeft(ChecklistItem item) =>
        item.Status == ItemStatus.Accepted && item.DueDate is { } due ? calendar.WorkingDaysBetween(Today, due) : null;
}
