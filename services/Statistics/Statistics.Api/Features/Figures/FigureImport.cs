using Platform.Spreadsheets;
using Statistics.Api.Features.Projects;

namespace Statistics.Api.Features.Figures;

/// <summary>A figure that passed every check, ready to be recorded.</summary>
public sealed record ValidFigure(int Row, ProjectView Project, string Period, decimal CompletedInvestment);

/// <summary>What the importer knows about the projects a sheet names (already limited to the caller's scope).</summary>
public sealed record ImportLookups(
    IReadOnlyDictionary<Guid, ProjectView> ById,
    IReadOnlyDictionary<string, ProjectView> ByStatisticsCode,
    IReadOnlyDictionary<string, ProjectView> ByNationalCode,
    IReadOnlySet<Guid> Included,
    Func<ProjectView, bool> CanWrite);

/// <summary>Checks every row of a figures sheet and says, per row and column, what is wrong (in Chinese, for the bureau).</summary>
public static class FigureImport
{
    public static (IReadOnlyList<ValidFigure> Good, IReadOnlyList<RowError> Errors) Validate(
        IReadOnlyList<FigureRow> rows, decimal factor, ImportLookups lookups, DateOnly today)
    {
        var good = new List<ValidFigure>();
        var errors = new List<RowError>();
        var seen = new Dictionary<(Guid, string), int>();
        foreach (var row in rows)
        {
            var before = errors.Count;
            var project = Resolve(row, lookups, errors);
            var period = ReadMonth(row.Period);
            if (row.Period.Length == 0) errors.Add(new(row.Row, row.PeriodColumn, "期间为空"));
            else if (period is null) errors.Add(new(row.Row, row.PeriodColumn, $"期间“{row.Period}”格式不对，应为 YYYY-MM，例如 2025-03"));
            else if (!Period.Parse(period).HasBegunBy(today)) errors.Add(new(row.Row, row.PeriodColumn, $"期间 {period} 晚于当月，不能填报"));

            decimal amount = 0;
            if (row.Amount.Length == 0) errors.Add(new(row.Row, row.AmountColumn, "完成投资为空"));
            else if (!FigureSheet.TryAmount(row.Amount, factor, out amount)) errors.Add(new(row.Row, row.AmountColumn, $"完成投资“{row.Amount}”不是数字"));
            else if (amount < 0) errors.Add(new(row.Row, row.AmountColumn, "完成投资不能为负数"));
            else if (amount > Platform.Contracts.Amounts.MaxPerRecord) errors.Add(new(row.Row, row.AmountColumn, "完成投资数额过大"));
            else if (decimal.Round(amount, 2) != amount) errors.Add(new(row.Row, row.AmountColumn, "完成投资（万元）最多保留两位小数"));

            if (errors.Count > before || project is null || period is null) continue;
            if (seen.TryGetValue((project.Id, period), out var first))
            {
                errors.Add(new(row.Row, row.KeyColumn, $"与第 {first} 行重复（同一项目、同一期间）"));
                continue;
            }
            seen[(project.Id, period)] = row.Row;
            good.Add(new ValidFigure(row.Row, project, period, amount));
        }
        return (good, errors);
    }

    /// <summary>A month as sheets (and older events) write it ("2025-3", "2025年3月", a date cell …), in the API's form "2025-03".</summary>
    public static string? ReadMonth(string? text) => CellText.TryMonth(text, out var year, out var month) ? Period.OfMonth(year, month).ToString() : null;

    static ProjectView? Resolve(FigureRow row, ImportLookups lookups, List<RowError> errors)
    {
        ProjectView? project = null;
        switch (row.KeyKind)
        {
            case null:
                errors.Add(new(row.Row, row.KeyColumn, "未填写项目（项目代码、统计编码或项目ID）"));
                return null;
            case ProjectKey.ProjectId when !Guid.TryParse(row.Key, out _):
                errors.Add(new(row.Row, row.KeyColumn, $"项目ID“{row.Key}”格式不对"));
                return null;
            case ProjectKey.ProjectId:
                lookups.ById.TryGetValue(Guid.Parse(row.Key), out project);
                break;
            case ProjectKey.StatisticsCode:
                lookups.ByStatisticsCode.TryGetValue(row.Key, out project);
                break;
            case ProjectKey.NationalCode:
                lookups.ByNationalCode.TryGetValue(row.Key, out project);
                break;
        }
        if (project is null) errors.Add(new(row.Row, row.KeyColumn, $"未找到项目“{row.Key}”（或不在您的辖区内）"));
        else if (!lookups.CanWrite(project)) errors.Add(new(row.Row, row.KeyColumn, $"项目“{project.Name}”不属于本单位辖区，不能填报"));
        else if (!lookups.Included.Contains(project.Id)) errors.Add(new(row.Row, row.KeyColumn, $"项目“{project.Name}”尚未入统，不能填报统计数"));
        else return project;
        return null;
    }
}
