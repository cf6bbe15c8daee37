using Platform.Spreadsheets;
using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Api.Features.Imports;

/// <summary>
/// The filtered list as a bureau prints it: a title, 序号, the import template's columns (so the file imports back
/// unchanged), units in the headers, a 合计 row and a frozen header.
/// </summary>
public static class ProjectExport
{
    /// <summary>Beyond this a workbook is no longer something a person reads; narrow the filter instead.</summary>
    public const int MaxRows = 100_000;

    public static async Task<Results<Ok<Platform.ServiceDefaults.Http.Paged<ProjectResponse>>, FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        IQueryable<Project> query, CallerScope caller, ScheduleView view, TimeProvider clock, CancellationToken ct)
    {
        var projects = await query.Take(MaxRows + 1).ToListAsync(ct);
        if (projects.Count > MaxRows)
            return Problem.Unprocessable("too_many_rows", $"The list has more than {MaxRows:N0} projects; narrow the filter (region, year, stage) and export again.");
        var today = clock.Today();
        var bytes = XlsxWriter.Write(new SheetDocument
        {
            SheetName = ProjectSheet.SheetName,
            Title = $"{ScopeName(caller)}项目库清单（{view.ReportingYear} 年，{today:yyyy-MM-dd} 导出）",
            Columns = [new SheetColumn(ProjectSheet.SerialHeader, ColumnKind.Integer) { Width = 6 }, .. ProjectSheet.Columns.Select(c => c.Sheet), .. ProjectSheet.ReadOnlyColumns],
            Rows = projects.Select((p, i) => Row(i + 1, p)).ToList(),
            TotalsLabel = "合计",
            Notes = ProjectSheet.Notes,
        });
        return TypedResults.File(bytes, ProjectSheet.ContentType, $"项目库-{today:yyyyMMdd}.xlsx");
    }

    static string ScopeName(CallerScope caller) =>
        caller.IsCity ? "晋城市" : Regions.NameOf(caller.RegionCode) + (caller.Township ?? "");

    static IReadOnlyList<object?> Row(int serial, Project p) =>
    [
        serial, p.Name, p.NationalCode, ProjectSheet.RegionLabel(p.RegionCode), p.Township, ProjectSheet.Categories[p.Category],
        ProjectSheet.Natures[p.Nature], p.Industry, p.Description, p.TotalInvestment, p.AnnualPlannedInvestment, p.Year,
        ProjectSheet.Stages[p.Stage], p.PlannedStartDate, p.PlannedFinishDate, p.ActualStartDate, p.ActualFinishDate,
        YesNo(p.IsPrivateInvestment), YesNo(p.IsIndustrial), YesNo(p.IsHighTech), YesNo(p.IsTransformation), ProjectSheet.KeyLevels[p.KeyLevel],
        p.LeaderInCharge, p.ResponsibleUnit, p.ContactPerson, p.ContactPhone, p.StatisticsCode, p.BondProjectId, p.LocalNumber,
        p.YearToDateInvestment, YesNo(p.ReadyToStart), YesNo(p.IsIncludedInStatistics),
    ];

    static string YesNo(bool value) => value ? "是" : "否";
}
