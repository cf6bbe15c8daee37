using Platform.ServiceDefaults.Text;
using Platform.Spreadsheets;
using ProjectLibrary.Api.Features.Progress;

namespace ProjectLibrary.Api.Features.Imports;

/// <summary>One readable row of a progress sheet. <see cref="HasNote"/>: the sheet has the 备注 column at all.</summary>
public sealed record SheetProgress(int Row, Guid? ProjectId, string? NationalCode, string Name, string RegionCode, Period Period, decimal Amount, string? Note, bool HasNote);

/// <summary>
/// The readable rows, the cell problems of the others, the rows left without an amount (a filled template lists every
/// project; those not reported this time stay blank) and each field's header as the sheet writes it.
/// </summary>
public sealed record ParsedProgressSheet(IReadOnlyList<SheetProgress> Rows, IReadOnlyList<RowError> Errors, IReadOnlyList<(int Row, string? Name)> Blank,
    IReadOnlyDictionary<string, string> Headers, int RowsRead)
{
    public string HeaderOf(string field) =>
        Headers.TryGetValue(field, out var header) ? header : ProgressSheet.Columns.FirstOrDefault(c => c.Field == field)?.Header ?? field;
}

/// <summary>Reads a progress sheet's cells, reporting every missing or unreadable one in Chinese. The database checks come later.</summary>
public static class ProgressSheetReader
{
    public static (ParsedProgressSheet? Sheet, string? Problem) Read(IReadOnlyList<SheetRow> sheet)
    {
        var (layout, problem) = SheetLayout.Find(sheet, ProgressSheet.Columns, "completedInvestment");
        if (layout is null) return (null, problem);
        var rows = new List<SheetProgress>();
        var errors = new List<RowError>();
        var blank = new List<(int, string?)>();
        var read = 0;
        foreach (var row in layout.DataRows(sheet, "name"))
        {
            read++;
            if (layout.Text(row, "completedInvestment") is null) blank.Add((row.Number, layout.Text(row, "name")));
            else if (ReadRow(row, layout, errors) is { } progress) rows.Add(progress);
        }
        return (new ParsedProgressSheet(rows, errors, blank, layout.Headers, read), null);
    }

    static SheetProgress? ReadRow(SheetRow row, SheetLayout layout, List<RowError> errors)
    {
        var before = errors.Count;
        void Error(string field, string problem) => errors.Add(new RowError(row.Number, layout.Headers[field], problem));
        string? Required(string field)
        {
            var text = layout.Text(row, field);
            if (text is null) Error(field, Chinese.Of(FieldErrors.Required));
            return text;
        }

        var name = Required("name");
        string? region = null;
        if (Required("regionCode") is { } regionText)
        {
            region = ProjectSheetReader.RegionCode(regionText);
            if (region is null) Error("regionCode", $"“{regionText}”不是本市的县（市、区）");
        }
        Period period = default;
        if (Required("period") is { } periodText)
        {
            if (CellText.TryMonth(periodText, out var year, out var month)) period = Period.OfMonth(year, month);
            else Error("period", $"“{periodText}”不是月份，请写作 2025-03");
        }
        decimal amount = 0;
        if (layout.Text(row, "completedInvestment") is { } amountText)
        {
            if (!CellText.TryDecimal(amountText, out amount) || Math.Abs(amount) >= 1e15m) Error("completedInvestment", $"“{amountText}”不是数字（单位万元）");
            else
            {
                amount *= layout.Factor("completedInvestment");
                if (amount < 0) Error("completedInvestment", Chinese.Of(FieldErrors.Negative));
                else if (amount > Platform.Contracts.Amounts.MaxPerRecord) Error("completedInvestment", Chinese.Of(FieldErrors.TooLarge));
                else if (decimal.Round(amount, 2) != amount) Error("completedInvestment", Chinese.Of(FieldErrors.MoneyDecimals));
            }
        }
        var note = layout.Text(row, "note");
        if (note is { Length: > 2000 }) Error("note", Chinese.Of(FieldErrors.MaxLength(2000)));
        var code = layout.Text(row, "nationalCode");
        Guid? projectId = null;
        if (layout.Text(row, "projectId") is { } idText)
        {
            if (Guid.TryParse(idText, out var id)) projectId = id;
            else Error("projectId", $"“{idText}”不是平台编号，请勿修改该列（自制表格可留空）");
        }
        return errors.Count == before ? new SheetProgress(row.Number, projectId, code, name!, region!, period, amount, note, layout.Has("note")) : null;
    }
}
