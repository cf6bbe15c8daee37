using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Platform.Spreadsheets.Tests;

public sealed class XlsxRoundTripTests
{
    static readonly SheetColumn[] Columns =
    [
        new("项目名称"),
        new("总投资", ColumnKind.Decimal) { Unit = "万元", Total = true },
        new("开工日期", ColumnKind.Date),
        new("年度", ColumnKind.Integer),
        new("状态") { AllowedValues = ["在建", "竣工"] },
    ];

    static SheetDocument Sample(string? totals = "合计", IReadOnlyList<string>? notes = null) => new()
    {
        SheetName = "已开工未入统",
        Title = "阳城县已开工未入统项目清单",
        Columns = Columns,
        Rows =
        [
            ["阳城县东部片区一体化供水工程", 32000.5m, new DateOnly(2025, 3, 18), 2025, "在建"],
            ["大唐阳城2×1000MW煤电项目", 800000m, null, 2024, "竣工"],
        ],
        TotalsLabel = totals,
        Notes = notes,
    };

    static IReadOnlyList<SheetRow> RoundTrip(SheetDocument document, string? sheet = null) =>
        XlsxReader.Read(new MemoryStream(XlsxWriter.Write(document)), sheet);

    [Fact]
    public void A_written_sheet_reads_back_with_title_header_units_rows_and_totals()
    {
        var rows = RoundTrip(Sample());

        Assert.Equal(["阳城县已开工未入统项目清单"], rows[0].Cells);
        Assert.Equal(1, rows[0].Number);
        Assert.Equal(["项目名称", "总投资（万元）", "开工日期", "年度", "状态"], rows[1].Cells);
        Assert.Equal(["阳城县东部片区一体化供水工程", "32000.5", "2025-03-18", "2025", "在建"], rows[2].Cells);
        Assert.Equal(3, rows[2].Number);
        Assert.Equal("", rows[3][2]);
        Assert.Equal("合计", rows[4][0]);
        Assert.Equal("832000.5", rows[4][1]);
        Assert.Equal("", rows[4][3]);
    }

    [Fact]
    public void The_header_is_frozen_the_title_merged_and_lists_validated()
    {
        using var package = SpreadsheetDocument.Open(new MemoryStream(XlsxWriter.Write(Sample())), false);
        var sheet = package.WorkbookPart!.WorksheetParts.First().Worksheet!;
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A3", pane.TopLeftCell!.Value);
        Assert.Equal("A1:E1", sheet.Descendants<MergeCell>().Single().Reference!.Value);
        var validation = sheet.Descendants<DataValidation>().Single();
        Assert.Equal("\"在建,竣工\"", validation.Formula1!.Text);
        Assert.StartsWith("E3:", validation.SequenceOfReferences!.InnerText);
        Assert.Equal(5, sheet.Descendants<Column>().Count());
    }

    [Fact]
    public void Notes_go_to_a_second_sheet_named_shuoming()
    {
        var bytes = XlsxWriter.Write(Sample(totals: null, notes: ["数据来源：统计局", "金额单位：万元"]));
        var notes = XlsxReader.Read(new MemoryStream(bytes), "说明");
        Assert.Equal(["数据来源：统计局", "金额单位：万元"], notes.Select(r => r[0]));
        Assert.Equal(4, XlsxReader.Read(new MemoryStream(bytes)).Count);
        Assert.Throws<SpreadsheetException>(() => XlsxReader.Read(new MemoryStream(bytes), "不存在"));
    }

    [Fact]
    public void Money_is_written_with_two_decimals_and_read_back_exactly()
    {
        var document = Sample() with { Rows = [["x", 0.125m, null, 1, null], ["y", 1234567.891m, null, 2, null]] };
        var rows = RoundTrip(document);
        Assert.Equal("0.13", rows[2][1]);
        Assert.Equal("1234567.89", rows[3][1]);
    }

    [Fact]
    public void Cells_beyond_column_Z_keep_their_position()
    {
        var columns = Enumerable.Range(0, 30).Select(i => new SheetColumn("C" + i)).ToList();
        var values = Enumerable.Range(0, 30).Select(i => (object?)(i is 0 or 27 or 29 ? "v" + i : null)).ToList();
        var rows = RoundTrip(new SheetDocument { SheetName = "wide", Columns = columns, Rows = [values] });
        Assert.Equal(30, rows[0].Cells.Count);
        Assert.Equal("v27", rows[1][27]);
        Assert.Equal("v29", rows[1][29]);
        Assert.Equal("", rows[1][28]);
        Assert.Equal("AB", CellReferences.ColumnLetters(27));
        Assert.Equal(16383, CellReferences.ColumnIndex("XFD1048576"));
    }

    [Fact]
    public void Inline_strings_dates_as_serials_and_sparse_cells_are_read()
    {
        using var buffer = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = package.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = new Worksheet(new SheetData(
                new Row(
                    new Cell(new InlineString(new Text("统计编码"))) { CellReference = "A4", DataType = CellValues.InlineString },
                    new Cell(new CellValue("45731")) { CellReference = "AA4", StyleIndex = 1 },
                    new Cell(new CellValue("1.5E+3")) { CellReference = "AB4" })
                { RowIndex = 4 }));
            workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "S" });
        }
        var row = Assert.Single(XlsxReader.Read(new MemoryStream(buffer.ToArray())));
        Assert.Equal(4, row.Number);
        Assert.Equal("统计编码", row[0]);
        Assert.Equal("2025-03-15", row[26]);
        Assert.Equal("1500", row[27]);
    }

    [Fact]
    public void Rich_text_runs_are_joined_and_phonetic_guides_left_out()
    {
        using var buffer = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = package.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("项目名称")),
                new SharedStringItem(new Run(new Text("阳城")), new Run(new Text("县 ") { Space = SpaceProcessingModeValues.Preserve }),
                    new PhoneticRun(new Text("ヤンチェン")) { BaseTextStartIndex = 0, EndingBaseIndex = 2 }),
                new SharedStringItem());
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = new Worksheet(new SheetData(
                new Row(new Cell(new CellValue("0")) { CellReference = "A1", DataType = CellValues.SharedString }) { RowIndex = 1 },
                new Row(
                    new Cell(new CellValue("1")) { CellReference = "A2", DataType = CellValues.SharedString },
                    new Cell(new CellValue("2")) { CellReference = "B2", DataType = CellValues.SharedString },
                    new Cell(new CellValue("1")) { CellReference = "C2", DataType = CellValues.Boolean },
                    new Cell() { CellReference = "D2" })
                { RowIndex = 2 }));
            workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "S" });
        }
        var rows = XlsxReader.Read(new MemoryStream(buffer.ToArray()));
        Assert.Equal("项目名称", rows[0][0]);
        Assert.Equal("阳城县 ", rows[1][0]);
        Assert.Equal("", rows[1][1]);
        Assert.Equal("TRUE", rows[1][2]);
    }
}
