namespace Approvals.Api.Features.Calendar;

/// <summary>
/// Statutory time limits count working days (工作日): weekends and public holidays are not counted, and the
/// 调休 Saturdays or Sundays the State Council declares working days are. Pure: the dates come from configuration.
/// </summary>
public sealed class WorkingCalendar
{
    readonly HashSet<DateOnly> _holidays;
    readonly HashSet<DateOnly> _extraWorkdays;

    public WorkingCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> extraWorkdays)
    {
        _holidays = [.. holidays];
        _extraWorkdays = [.. extraWorkdays];
    }

    public static WorkingCalendar WeekendsOnly { get; } = new([], []);

    public bool IsWorkingDay(DateOnly day)
    {
        if (_extraWorkdays.Contains(day)) return true;
        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) return false;
        return !_holidays.Contains(day);
    }

    /// <summary>
    /// The day on which a limit of <paramref name="workingDays"/> ends when counting starts the day after
    /// <paramref name="start"/> (the day of acceptance is not counted). Zero days: the start itself.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        return day;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            if (IsWorkingDay(day)) count++;
        return count;
    }
}

/// <summary>Configuration section "Approvals".</summary>
public sealed class ApprovalsOptions
{
    /// <summary>Public holidays (法定节假日, the days off of each 放假安排), as dates.</summary>
    public List<DateOnly> Holidays { get; set; } = [];
    /// <summary>Weekend days declared working days (调休上班).</summary>
    public List<DateOnly> ExtraWorkdays { get; set; } = [];
    /// <summary>An item is "due soon" when its due date is at most this many working days away.</summary>
    public int DueSoonWorkingDays { get; set; } = 3;
}
