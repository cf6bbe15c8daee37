using System.Globalization;
using Platform.Spreadsheets;

namespace Statistics.Api.Features.Figures;

/// <summary>How a row names its project.</summary>
public enum ProjectKey { ProjectId, StatisticsCode, NationalCode }

/// <summary>One data row of a figures sheet, still as text, with the header it came under.</summary>
public sealed record FigureRow(int Row, ProjectKey? KeyKind, string KeyColumn, string Key, string PeriodColumn, string Period, string AmountColumn, string Amount);

/// <summary>
/// Finds the header row of the bureau's sheet (a title may sit above it) and reads the data rows under it.
/// Columns: 项目代码 or 统计编码 or 项目ID (any of them), 期间 (YYYY-MM), 完成投资（万元）.
/// </summary>
public static class FigureSheet
{
    const int HeaderSearchRows = 10;

    public static (IReadOnlyList<FigureRow> Rows, decimal Factor, string? Problem) Parse(IReadOnlyList<SheetRow> sheet)
    {
        foreach (var header in sheet.Take(HeaderSearchRows))
        {
            var columns = Columns(header);
            if (columns.Keys.Count == 0 || columns.Period < 0 || columns.Amount < 0) continue;
            var amountHeader = header[columns.Amount];
            var factor = Normal(amountHeader).Contains("亿元") ? 10_000m : 1m;
            if (factor == 1m && Normal(amountHeader).Contains("(元)"))
                return ([], 1m, $"“{amountHeader}”列的单位应为万元（或亿元）。");
            var rows = sheet.Where(r => r.Number > header.Number).Select(r => Read(r, header, columns)).ToList();
            return (rows, factor, null);
        }
        return ([], 1m, "未找到表头：需要“项目代码”“统计编码”或“项目ID”之一，以及“期间”和“完成投资（万元）”列。");
    }

    static FigureRow Read(SheetRow row, SheetRow header, (List<(ProjectKey Kind, int Index)> Keys, int Period, int Amount) columns)
    {
        // The first identifier column that is filled in wins; an empty row reports the first identifier column.
        var (kind, index) = columns.Keys.FirstOrDefault(k => !string.IsNullOrWhiteSpace(row[k.Index]), columns.Keys[0]);
        var filled = !string.IsNullOrWhiteSpace(row[index]);
        return new FigureRow(row.Number, filled ? kind : null, header[index], row[index].Trim(),
            header[columns.Period], row[columns.Period].Trim(), header[columns.Amount], row[columns.Amount].Trim());
    }

    static (List<(ProjectKey Kind, int Index)> Keys, int Period, int Amount) Columns(SheetRow header)
    {
        var keys = new List<(ProjectKey, int)>();
        int period = -1, amount = -1;
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var name = Normal(header[i]);
            if (name is "项目id" or "projectid") keys.Add((ProjectKey.ProjectId, i));
            else if (name is "统计编码" or "统计代码" or "入统编码" or "statisticscode") keys.Add((ProjectKey.StatisticsCode, i));
            else if (name is "项目代码" or "国家项目代码" or "nationalcode") keys.Add((ProjectKey.NationalCode, i));
            else if (period < 0 && name is "期间" or "月份" or "统计期" or "统计期间" or "统计月份" or "period") period = i;
            else if (amount < 0 && (name.Contains("完成投资") || name.StartsWith("completedinvestment", StringComparison.Ordinal))) amount = i;
        }
        keys.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return (keys, period, amount);
    }

    static string Normal(string header) => CellText.Normal(header);

    /// <summary>A money cell: "1,200.50" is 1200.50; the factor turns 亿元 into 万元.</summary>
    public static bool TryAmount(string text, decimal factor, out decimal amount)
    {
        if (!decimal.TryParse(text.Replace(",", "").Replace("，", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out amount)) return false;
        if (Math.Abs(amount) < 1e15m) amount *= factor; // larger values are refused as too large anyway
        return true;
    }
}
