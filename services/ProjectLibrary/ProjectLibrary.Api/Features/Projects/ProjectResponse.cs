using ProjectLibrary.Api.Features.Progress;

namespace ProjectLibrary.Api.Features.Projects;

public sealed record ProjectResponse(
    Guid Id, string Name, string RegionCode, string? Township, ProjectCategory Category, ProjectNature Nature,
    string? Industry, string? Description, decimal TotalInvestment, decimal AnnualPlannedInvestment, int Year,
    ProjectStage Stage, DateOnly? StageChangedOn, DateOnly? PlannedStartDate, DateOnly? PlannedFinishDate, DateOnly? ActualStartDate,
    DateOnly? ActualFinishDate, StartKind? StartKind, bool IsPrivateInvestment, bool IsIndustrial, bool IsHighTech, bool IsTransformation,
    KeyLevel KeyLevel, string? LeaderInCharge, string? ResponsibleUnit, string? ContactPerson, string? ContactPhone,
    string? NationalCode, string? StatisticsCode, string? BondProjectId, string? LocalNumber, bool ReadyToStart,
    bool IsIncludedInStatistics, Guid? SourceDealId,
    int ScheduleMonth, decimal YearToDateInvestment, decimal ExpectedToDate, decimal GapPoints, ScheduleStatus ScheduleStatus,
    WarningLevel WarningLevel, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version)
{
    public static ProjectResponse From(Project p, ScheduleView view, decimal? yearToDateAsOf = null)
    {
        // asOf measures the plan year at that month; for a project of another plan year the latest report stands.
        var asOf = view.AsOf is { } period && period.Year == p.Year ? period : (Period?)null;
        var month = asOf?.Month ?? p.ReportedThroughMonth;
        var ytd = asOf is null ? p.YearToDateInvestment : yearToDateAsOf ?? 0m;
        var schedule = ScheduleRule.Assess(p.AnnualPlannedInvestment, ytd, month, view.Options);
        return new(
            p.Id, p.Name, p.RegionCode, p.Township, p.Category, p.Nature, p.Industry, p.Description, p.TotalInvestment,
            p.AnnualPlannedInvestment, p.Year, p.Stage, p.StageChangedOn, p.PlannedStartDate, p.PlannedFinishDate, p.ActualStartDate,
            p.ActualFinishDate, p.StartKindIn(view.ReportingYear), p.IsPrivateInvestment, p.IsIndustrial, p.IsHighTech, p.IsTransformation,
            p.KeyLevel, p.LeaderInCharge, p.ResponsibleUnit, p.ContactPerson, p.ContactPhone, p.NationalCode, p.StatisticsCode,
            p.BondProjectId, p.LocalNumber, p.ReadyToStart, p.IsIncludedInStatistics, p.SourceDealId,
            schedule.Month, schedule.YearToDate, schedule.ExpectedToDate, schedule.GapPoints, schedule.Status, schedule.WarningLevel,
            p.CreatedAt, p.UpdatedAt, p.Version);
    }

    /// <summary>Responses for a page of projects; with asOf, the months up to it are summed in one query.</summary>
    public static async Task<List<ProjectResponse>> ForAsync(ProjectsDb db, IReadOnlyList<Project> projects, ScheduleView view, CancellationToken ct)
    {
        var sums = new Dictionary<Guid, decimal>();
        if (view.AsOf is { } asOf)
        {
            var ids = projects.Where(p => p.Year == asOf.Year).Select(p => p.Id).ToList();
            sums = await db.Progress.AsNoTracking()
                .Where(x => ids.Contains(x.ProjectId) && x.Year == asOf.Year && x.Month <= asOf.Month)
                .GroupBy(x => x.ProjectId)
                .Select(g => new { g.Key, Sum = g.Sum(x => x.CompletedInvestment) })
                .ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
        }
        return projects.Select(p => From(p, view, sums.GetValueOrDefault(p.Id))).ToList();
    }
}

/// <summary>How a response measures a project: the reporting year (新开工/续建), an optional asOf month, the thresholds.</summary>
public sealed record ScheduleView(int ReportingYear, Period? AsOf, ScheduleOptions Options);
