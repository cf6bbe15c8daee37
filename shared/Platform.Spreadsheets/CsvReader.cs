using System.Text;

namespace Platform.Spreadsheets;

/// <summary>
/// Reads a CSV (RFC 4180: quotes, doubled quotes, separators and line breaks inside quotes) as rows of text.
/// UTF-8 with or without BOM; a file that is not valid UTF-8 is read as GB18030 (a superset of GBK, which
/// Excel on Chinese Windows writes). Row numbers are record numbers, as Excel shows them.
/// </summary>
public static class CsvReader
{
    public static IReadOnlyList<SheetRow> Read(Stream input, ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        using var buffer = SafeFile.Buffer(input, limits);
        if (SafeFile.LooksLikeZip(buffer)) throw new SpreadsheetException("文件是 .xlsx 工作簿而不是 CSV，请以 .xlsx 上传。");
        return Parse(Decode(buffer.ToArray()), limits);
    }

    static string Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble)) span = span[3..];
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(span);
        }
    }

    static List<SheetRow> Parse(string text, ReadLimits limits)
    {
        var rows = new List<SheetRow>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var record = 1;

        void EndCell()
        {
            if (cell.Length > limits.MaxCellLength)
                throw new SpreadsheetException($"第 {record} 行 {CellReferences.ColumnLetters(cells.Count)} 列的内容超过 {limits.MaxCellLength} 个字符。");
            if (cells.Count >= limits.MaxColumns) throw new SpreadsheetException($"第 {record} 行超过 {limits.MaxColumns} 列。");
            cells.Add(cell.ToString().Trim());
            cell.Clear();
        }

        void EndRow()
        {
            EndCell();
            var row = new SheetRow(record++, cells.ToList());
            cells.Clear();
            if (row.IsEmpty) return;
            if (rows.Count >= limits.MaxRows) throw new SpreadsheetException($"文件超过 {limits.MaxRows} 行，请分批导入。");
            rows.Add(row);
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') cell.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else quoted = false;
                if (cell.Length > limits.MaxCellLength) EndCell();
            }
            else if (c == '"' && cell.Length == 0) quoted = true;
            else if (c == ',') EndCell();
            else if (c == '\r') { if (i + 1 < text.Length && text[i + 1] == '\n') i++; EndRow(); }
            else if (c == '\n') EndRow();
            else cell.Append(c);
        }
        if (quoted) throw new SpreadsheetException($"第 {record} 行有未闭合的引号。");
        if (cell.Length > 0 || cells.Count > 0) EndRow();
        return rows;
    }
}

/// <summary>Reads an uploaded table whichever of the supported kinds it is (.xlsx or .csv).</summary>
public static class TabularReader
{
    public static IReadOnlyList<SheetRow> Read(Stream input, string? fileName, ReadLimits? limits = null, string? sheetName = null)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        return extension switch
        {
            ".xlsx" or ".xlsm" => XlsxReader.Read(input, sheetName, limits),
            ".csv" or ".txt" => CsvReader.Read(input, limits),
            ".xls" => throw new SpreadsheetException("不支持旧版 .xls 格式，请在 Excel 或 WPS 中另存为 .xlsx 后重试。"),
            _ => throw new SpreadsheetException("只支持 .xlsx 和 .csv 文件。"),
        };
    }
}
