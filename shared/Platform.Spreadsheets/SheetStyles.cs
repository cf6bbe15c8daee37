using DocumentFormat.OpenXml.Spreadsheet;

namespace Platform.Spreadsheets;

/// <summary>The handful of cell formats the writer uses; the numbers are indexes into CellFormats.</summary>
static class SheetStyles
{
    public const uint Title = 1, Header = 2, Text = 3, Decimal = 4, Date = 5, Integer = 6, TotalText = 7, TotalDecimal = 8, TotalInteger = 9, Note = 10;
    const uint DateFormatId = 164;

    public static uint For(ColumnKind kind, bool total) => (kind, total) switch
    {
        (ColumnKind.Decimal, false) => Decimal,
        (ColumnKind.Decimal, true) => TotalDecimal,
        (ColumnKind.Integer, false) => Integer,
        (ColumnKind.Integer, true) => TotalInteger,
        (ColumnKind.Date, false) => Date,
        (_, true) => TotalText,
        _ => Text,
    };

    public static Stylesheet Create()
    {
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
            new Font(new Bold(), new FontSize { Val = 16 }, new FontName { Val = "宋体" }));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid }));
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin);

        // numFmtId 1 = "0", 4 = "#,##0.00" (built in); 164 = our date format.
        var formats = new CellFormats(
            new CellFormat(),
            Format(fontId: 2, borderId: 0, numFmt: 0, HorizontalAlignmentValues.Center),
            Format(fontId: 1, borderId: 1, numFmt: 0, HorizontalAlignmentValues.Center, fillId: 2, wrap: true),
            Format(fontId: 0, borderId: 1, numFmt: 0, HorizontalAlignmentValues.Left, wrap: true),
            Format(fontId: 0, borderId: 1, numFmt: 4, HorizontalAlignmentValues.Right),
            Format(fontId: 0, borderId: 1, numFmt: DateFormatId, HorizontalAlignmentValues.Center),
            Format(fontId: 0, borderId: 1, numFmt: 1, HorizontalAlignmentValues.Right),
            Format(fontId: 1, borderId: 1, numFmt: 0, HorizontalAlignmentValues.Center),
            Format(fontId: 1, borderId: 1, numFmt: 4, HorizontalAlignmentValues.Right),
            Format(fontId: 1, borderId: 1, numFmt: 1, HorizontalAlignmentValues.Right),
            Format(fontId: 0, borderId: 0, numFmt: 0, HorizontalAlignmentValues.Left, wrap: true));
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "yyyy-mm-dd" }),
            fonts, fills, borders,
            new CellStyleFormats(new CellFormat()),
            formats);
    }

    static CellFormat Format(uint fontId, uint borderId, uint numFmt, HorizontalAlignmentValues align, uint fillId = 0, bool wrap = false) => new(
        new Alignment { Horizontal = align, Vertical = VerticalAlignmentValues.Center, WrapText = wrap ? true : null })
    {
        FontId = fontId, BorderId = borderId, FillId = fillId, NumberFormatId = numFmt,
        ApplyFont = true, ApplyBorder = borderId > 0, ApplyFill = fillId > 0, ApplyNumberFormat = numFmt > 0, ApplyAlignment = true,
    };
}
