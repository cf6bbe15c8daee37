using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Platform.Spreadsheets;

/// <summary>Writes a <see cref="SheetDocument"/> as an .xlsx workbook.</summary>
public static class XlsxWriter
{
    public static byte[] Write(SheetDocument document)
    {
        using var buffer = new MemoryStream();
        Write(document, buffer);
        return buffer.ToArray();
    }

    public static void Write(SheetDocument document, Stream output)
    {
        if (document.Columns.Count == 0) throw new ArgumentException("A sheet needs at least one column.", nameof(document));
        using var package = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = package.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = SheetStyles.Create();
        var strings = new SharedStrings(workbook.AddNewPart<SharedStringTablePart>());

        AddSheet(workbook, SafeSheetName(document.SheetName), MainSheet(document, strings));
        if (document.Notes is { Count: > 0 } notes) AddSheet(workbook, "说明", NotesSheet(notes, strings));
        strings.Save();
        workbook.Workbook.Save();
    }

    static Worksheet MainSheet(SheetDocument document, SharedStrings strings)
    {
        var columns = document.Columns;
        var data = new SheetData();
        var rowNumber = 0;
        var lastColumn = CellReferences.ColumnLetters(columns.Count - 1);
        MergeCells? merges = null;

        if (document.Title is { } title)
        {
            var row = new Row { RowIndex = (uint)++rowNumber, Height = 28, CustomHeight = true };
            row.Append(strings.Cell(title, CellReferences.Cell(0, rowNumber), SheetStyles.Title));
            data.Append(row);
            if (columns.Count > 1) merges = new MergeCells(new MergeCell { Reference = $"A1:{lastColumn}1" });
        }
        var header = new Row { RowIndex = (uint)++rowNumber };
        for (var c = 0; c < columns.Count; c++) header.Append(strings.Cell(columns[c].HeaderText, CellReferences.Cell(c, rowNumber), SheetStyles.Header));
        data.Append(header);
        var headerRow = rowNumber;

        foreach (var values in document.Rows)
        {
            var row = new Row { RowIndex = (uint)++rowNumber };
            for (var c = 0; c < columns.Count; c++)
                row.Append(ValueCell(c < values.Count ? values[c] : null, columns[c].Kind, CellReferences.Cell(c, rowNumber), total: false, strings));
            data.Append(row);
        }
        var firstData = headerRow + 1;
        var lastData = rowNumber;
        if (document.TotalsLabel is { } label) data.Append(TotalsRow(document, label, ++rowNumber, firstData, lastData, strings));

        var sheet = new Worksheet(
            new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = headerRow, TopLeftCell = CellReferences.Cell(0, headerRow + 1),
                ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            })
            { WorkbookViewId = 0 }),
            Widths(columns),
            data);
        if (merges is not null) sheet.Append(merges);
        if (Validations(columns, firstData, Math.Max(lastData, firstData + 999)) is { } validations) sheet.Append(validations);
        return sheet;
    }

    static Row TotalsRow(SheetDocument document, string label, int rowNumber, int firstData, int lastData, SharedStrings strings)
    {
        var row = new Row { RowIndex = (uint)rowNumber };
        for (var c = 0; c < document.Columns.Count; c++)
        {
            var column = document.Columns[c];
            var reference = CellReferences.Cell(c, rowNumber);
            if (c == 0) { row.Append(strings.Cell(label, reference, SheetStyles.TotalText)); continue; }
            if (!column.Total || column.Kind is not (ColumnKind.Decimal or ColumnKind.Integer) || lastData < firstData)
            {
                row.Append(new Cell { CellReference = reference, StyleIndex = SheetStyles.For(column.Kind, total: true) });
                continue;
            }
            // A formula with its cached value: Excel recalculates, simple readers still see the number.
            var sum = document.Rows.Sum(r => c < r.Count ? Number(r[c]) ?? 0m : 0m);
            var letters = CellReferences.ColumnLetters(c);
            row.Append(new Cell(new CellFormula($"SUM({letters}{firstData}:{letters}{lastData})"), new CellValue(sum.ToString(CultureInfo.InvariantCulture)))
            {
                CellReference = reference, StyleIndex = SheetStyles.For(column.Kind, total: true),
            });
        }
        return row;
    }

    static Cell ValueCell(object? value, ColumnKind kind, string reference, bool total, SharedStrings strings)
    {
        var style = SheetStyles.For(kind, total);
        if (value is null) return new Cell { CellReference = reference, StyleIndex = style };
        if (kind == ColumnKind.Date && ExcelDates.ToSerial(value) is { } serial)
            return NumberCell(serial.ToString(CultureInfo.InvariantCulture), reference, style);
        // 四舍五入 (away from zero), as finance staff expect, not banker's rounding.
        if (kind is ColumnKind.Decimal or ColumnKind.Integer && Number(value) is { } number)
            return NumberCell(decimal.Round(number, kind == ColumnKind.Decimal ? 2 : 0, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture), reference, style);
        var text = value switch
        {
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return strings.Cell(text, reference, kind == ColumnKind.Text ? style : SheetStyles.Text);
    }

    static Cell NumberCell(string text, string reference, uint style) =>
        new(new CellValue(text)) { CellReference = reference, DataType = CellValues.Number, StyleIndex = style };

    static decimal? Number(object? value) => value switch
    {
        decimal d => d,
        int i => i,
        long l => l,
        double d when double.IsFinite(d) => (decimal)d,
        float f when float.IsFinite(f) => (decimal)f,
        _ => null,
    };

    static Columns Widths(IReadOnlyList<SheetColumn> columns)
    {
        var result = new Columns();
        for (var c = 0; c < columns.Count; c++)
        {
            // CJK characters are about two Latin characters wide.
            var width = columns[c].Width ?? Math.Clamp(columns[c].HeaderText.Sum(ch => ch > 0x2E80 ? 2 : 1) + 4, 10, 60);
            result.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = width, CustomWidth = true });
        }
        return result;
    }

    static DataValidations? Validations(IReadOnlyList<SheetColumn> columns, int firstRow, int lastRow)
    {
        var list = new List<DataValidation>();
        for (var c = 0; c < columns.Count; c++)
        {
            if (columns[c].AllowedValues is not { Count: > 0 } values) continue;
            var formula = "\"" + string.Join(",", values.Select(v => v.Replace("\"", "\"\""))) + "\"";
            if (formula.Length > 257)
                throw new ArgumentException($"The allowed values of column {columns[c].Header} exceed Excel's 255-character list limit.");
            var letters = CellReferences.ColumnLetters(c);
            list.Add(new DataValidation(new Formula1(formula))
            {
                Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true,
                ErrorTitle = "无效的值", Error = "请从下拉列表中选择。",
                SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letters}{firstRow}:{letters}{lastRow}" },
            });
        }
        return list.Count == 0 ? null : new DataValidations(list) { Count = (uint)list.Count };
    }

    static Worksheet NotesSheet(IReadOnlyList<string> notes, SharedStrings strings)
    {
        var data = new SheetData();
        for (var i = 0; i < notes.Count; i++)
            data.Append(new Row(strings.Cell(notes[i], CellReferences.Cell(0, i + 1), SheetStyles.Note)) { RowIndex = (uint)i + 1 });
        return new Worksheet(new Columns(new Column { Min = 1, Max = 1, Width = 100, CustomWidth = true }), data);
    }

    static void AddSheet(WorkbookPart workbook, string name, Worksheet worksheet)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        part.Worksheet = worksheet;
        var sheets = workbook.Workbook.Sheets!;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });
    }

    /// <summary>Excel refuses sheet names over 31 characters or with []:*?/\.</summary>
    static string SafeSheetName(string name)
    {
        var cleaned = new string(name.Select(c => "[]:*?/\\".Contains(c) ? '_' : c).ToArray()).Trim();
        if (cleaned.Length == 0) cleaned = "Sheet1";
        return cleaned.Length > 31 ? cleaned[..31] : cleaned;
    }

    /// <summary>Text is stored once in the shared string table, as Excel itself does.</summary>
    sealed class SharedStrings(SharedStringTablePart part)
    {
        readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        readonly SharedStringTable _table = new();

        public Cell Cell(string text, string reference, uint style)
        {
            if (!_index.TryGetValue(text, out var i))
            {
                i = _index[text] = _index.Count;
                _table.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }
            return new Cell(new CellValue(i.ToString(CultureInfo.InvariantCulture))) { CellReference = reference, DataType = CellValues.SharedString, StyleIndex = style };
        }

        public void Save()
        {
            _table.Count = (uint)_index.Count;
            _table.UniqueCount = (uint)_index.Count;
            part.SharedStringTable = _table;
        }
    }
}
