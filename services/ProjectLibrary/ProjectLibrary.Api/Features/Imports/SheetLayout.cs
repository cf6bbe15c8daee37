using Platform.Spreadsheets;

namespace ProjectLibrary.Api.Features.Imports;

/// <summary>
/// Where a sheet's header row is (a title may sit above it) and which column carries each field, matched by header
/// name or alias, in any order; a header in 亿元 is read into 万元. Shared by the project and the progress sheets.
/// </summary>
public sealed class SheetLayout
{
    const int HeaderSearchRows = 10;

    readonly Dictionary<string, (int Index, decimal Factor)> _map;

    SheetLayout(SheetRow header, Dictionary<string, (int Index, decimal Factor)> map)
    {
        Header = header;
        _map = map;
        Headers = map.ToDictionary(m => m.Key, m => header[m.Value.Index].Trim());
    }

    public SheetRow Header { get; }

    /// <summary>Each mapped field's header as the sheet writes it, for the row report.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public bool Has(string field) => _map.ContainsKey(field);

    /// <summary>The first of the top rows with <paramref name="keyField"/>'s column, or null and the problem in Chinese.</summary>
    public static (SheetLayout? Layout, string? Problem) Find(IReadOnlyList<SheetRow> sheet, IReadOnlyList<ProjectColumn> columns, string keyField)
    {
        foreach (var header in sheet.Take(HeaderSearchRows))
        {
            var map = Map(header, columns);
            if (!map.ContainsKey(keyField)) continue;
            var missing = columns.Where(c => c.Required && !map.ContainsKey(c.Field)).Select(c => $"“{c.Header}”").ToList();
            return missing.Count > 0
                ? (null, $"表头缺少必填列：{string.Join("、", missing)}。请使用导入模板。")
                : (new SheetLayout(header, map), null);
        }
        var key = columns.First(c => c.Field == keyField).Header;
        return (null, $"未找到表头行：前 {HeaderSearchRows} 行中没有“{key}”列。请使用导入模板。");
    }

    /// <summary>The rows below the header, without a 合计 / 总计 row.</summary>
    public IEnumerable<SheetRow> DataRows(IReadOnlyList<SheetRow> sheet, string keyField) =>
        sheet.Where(r => r.Number > Header.Number && !IsTotalsRow(r, keyField));

    /// <summary>The trimmed cell of a field, or null when blank or when the sheet has no such column.</summary>
    public string? Text(SheetRow row, string field) =>
        _map.TryGetValue(field, out var c) && row[c.Index].Trim() is { Length: > 0 } t ? t : null;

    /// <summary>What the column's unit multiplies by to give 万元.</summary>
    public decimal Factor(string field) => _map[field].Factor;

    bool IsTotalsRow(SheetRow row, string keyField) =>
        CellText.Normal(row[_map[keyField].Index]) is "合计" or "总计" || CellText.Normal(row[0]) is "合计" or "总计";

    static Dictionary<string, (int Index, decimal Factor)> Map(SheetRow header, IReadOnlyList<ProjectColumn> columns)
    {
        var map = new Dictionary<string, (int, decimal)>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var (name, unit) = CellText.SplitUnit(header[i]);
            var column = columns.FirstOrDefault(c => CellText.Normal(c.Header) == name || c.Aliases.Any(a => CellText.Normal(a) == name));
            if (column is null || map.ContainsKey(column.Field)) continue;
            map[column.Field] = (i, unit == "亿元" ? 10_000m : 1m);
        }
        return map;
    }
}
