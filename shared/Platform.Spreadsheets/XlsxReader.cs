using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Platform.Spreadsheets;

/// <summary>
/// Reads one sheet of an .xlsx as rows of text. Shared and inline strings, numbers (invariant culture), dates
/// stored as serials ("yyyy-MM-dd"), booleans and empty cells are handled; rows that are wholly empty are
/// skipped. The sheet is streamed, and the package is checked against <see cref="ReadLimits"/> first.
/// </summary>
public static class XlsxReader
{
    public static IReadOnlyList<SheetRow> Read(Stream input, string? sheetName = null, ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        using var buffer = SafeFile.Buffer(input, limits);
        SafeFile.RequireXlsxSignature(buffer);
        ZipGuard.Check(buffer, limits);
        try
        {
            using var package = SpreadsheetDocument.Open(buffer, false);
            return ReadSheet(package, sheetName, limits);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException or InvalidOperationException)
        {
            throw new SpreadsheetException("文件不是有效的 .xlsx 工作簿（可能已损坏），请用 Excel 或 WPS 另存为 .xlsx 后重试。", e);
        }
    }

    /// <summary>
    /// The package checks of <see cref="Read"/> without parsing the sheet: size, parts, and every part inflated once
    /// under the caps. Cheap enough to refuse a zip bomb while the uploader still waits for the answer.
    /// </summary>
    public static void CheckPackage(Stream input, ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        using var buffer = SafeFile.Buffer(input, limits);
        SafeFile.RequireXlsxSignature(buffer);
        ZipGuard.Check(buffer, limits);
    }

    static IReadOnlyList<SheetRow> ReadSheet(SpreadsheetDocument package, string? sheetName, ReadLimits limits)
    {
        var workbook = package.WorkbookPart ?? throw new SpreadsheetException("文件中没有工作簿。");
        RequireDocumentPartSize(workbook, limits);
        var sheets = workbook.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
        var sheet = sheetName is null ? sheets.FirstOrDefault() : sheets.FirstOrDefault(s => s.Name?.Value == sheetName);
        if (sheet?.Id?.Value is not { } partId)
            throw new SpreadsheetException(sheetName is null ? "工作簿中没有工作表。" : $"工作簿中没有名为“{sheetName}”的工作表。");
        if (workbook.GetPartById(partId) is not WorksheetPart part) throw new SpreadsheetException("工作表无法读取。");

        var strings = SharedStrings(workbook, limits);
        var dateStyles = DateStyles(workbook, limits);
        var rows = new List<SheetRow>();
        var lastRowNumber = 0;
        // Plain XmlReader over the part: OpenXml's element objects per row cost several times the parsing itself.
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = XmlReader.Create(stream, XmlSettings);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row") continue;
            var number = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : lastRowNumber + 1;
            lastRowNumber = number;
            if (xml.IsEmptyElement) continue;
            var cells = ReadCells(xml, number, strings, dateStyles, limits);
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            if (rows.Count >= limits.MaxRows) throw new SpreadsheetException($"工作表超过 {limits.MaxRows} 行，请分批导入。");
            rows.Add(new SheetRow(number, cells));
        }
        return rows;
    }

    static readonly XmlReaderSettings XmlSettings = new() { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = false, XmlResolver = null };

    /// <summary>Reads the cells of the &lt;row&gt; the reader is on, leaving it on the row's end element.</summary>
    static List<string> ReadCells(XmlReader xml, int rowNumber, IReadOnlyList<string> strings, ISet<uint> dateStyles, ReadLimits limits)
    {
        var cells = new List<string>();
        var next = 0;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "row"))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c") continue;
            var reference = xml.GetAttribute("r");
            var column = reference is not null ? CellReferences.ColumnIndex(reference) : next;
            if (column < 0) column = next;
            next = column + 1;
            var type = xml.GetAttribute("t");
            var style = uint.TryParse(xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : (uint?)null;
            var (raw, inline) = xml.IsEmptyElement ? (null, null) : ReadCellContent(xml);
            var text = CellText(type, style, raw, inline, strings, dateStyles);
            if (string.IsNullOrEmpty(text)) continue;
            if (column >= limits.MaxColumns) throw new SpreadsheetException($"第 {rowNumber} 行超过 {limits.MaxColumns} 列。");
            if (text.Length > limits.MaxCellLength)
                throw new SpreadsheetException($"第 {rowNumber} 行 {CellReferences.ColumnLetters(column)} 列的内容超过 {limits.MaxCellLength} 个字符。");
            while (cells.Count < column) cells.Add("");
            cells.Add(text);
        }
        return cells;
    }

    /// <summary>The &lt;v&gt; value or the inline string of the &lt;c&gt; the reader is on; leaves it on the cell's end element.</summary>
    static (string? Raw, string? Inline) ReadCellContent(XmlReader xml)
    {
        string? raw = null, inline = null;
        using (var cell = xml.ReadSubtree())
        {
            cell.Read();
            cell.Read();
            while (!cell.EOF)
            {
                if (cell.NodeType == XmlNodeType.Element && cell.LocalName == "v") raw = cell.ReadElementContentAsString();
                else if (cell.NodeType == XmlNodeType.Element && cell.LocalName == "is") inline = ReadStringItem(cell);
                else cell.Read();
            }
        }
        return (raw, inline);
    }

    static string CellText(string? type, uint? style, string? raw, string? inline, IReadOnlyList<string> strings, ISet<uint> dateStyles)
    {
        if (type == "inlineStr") return inline ?? "";
        if (raw is null) return "";
        if (type == "s")
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count ? strings[i] : "";
        if (type == "b") return raw == "1" ? "TRUE" : "FALSE";
        if (type is "str" or "e") return raw;
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return raw;
        if (style is { } st && dateStyles.Contains(st) && ExcelDates.FromSerial(number) is { } date) return date;
        return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
            ? exact.ToString(CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>Every entry of the shared string table, streamed; refused once there are more than the limit allows.</summary>
    static List<string> SharedStrings(WorkbookPart workbook, ReadLimits limits)
    {
        if (workbook.SharedStringTablePart is not { } part) return [];
        var list = new List<string>();
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = XmlReader.Create(stream, XmlSettings);
        while (!xml.EOF)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "si")
            {
                xml.Read();
                continue;
            }
            if (list.Count >= limits.MaxSharedStrings)
                throw new SpreadsheetTooLargeException($"文件被拒绝：共享字符串超过 {limits.MaxSharedStrings} 个，请分批导入。");
            list.Add(ReadStringItem(xml));
        }
        return list;
    }

    /// <summary>The workbook and styles parts are parsed whole by the OpenXml SDK: their size is capped before that.</summary>
    static void RequireDocumentPartSize(OpenXmlPart part, ReadLimits limits)
    {
        // Counted, not asked: a part stream need not know its length, and the count is cheap beside the parse that follows.
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        var chunk = new byte[81920];
        long size = 0;
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0 && size <= limits.MaxDocumentPartBytes) size += read;
        if (size > limits.MaxDocumentPartBytes)
            throw new SpreadsheetTooLargeException($"文件被拒绝：工作簿的 {part.Uri} 部件解压后超过 {limits.MaxDocumentPartBytes / 1024 / 1024} MB。");
    }

    /// <summary>
    /// The text of the string item (&lt;si&gt; or &lt;is&gt;) the reader is on: its own &lt;t&gt; or its runs' text; phonetic
    /// guides (rPh) are not part of the value. Leaves the reader after the item.
    /// </summary>
    static string ReadStringItem(XmlReader xml)
    {
        var text = new System.Text.StringBuilder();
        using (var item = xml.ReadSubtree())
        {
            item.Read();
            item.Read();
            while (!item.EOF)
            {
                if (item.NodeType == XmlNodeType.Element && item.LocalName == "rPh") item.Skip();
                else if (item.NodeType == XmlNodeType.Element && item.LocalName == "t") text.Append(item.ReadElementContentAsString());
                else item.Read();
            }
        }
        xml.Read();
        return text.ToString();
    }

    /// <summary>Indexes of the cell formats that show a number as a date (built-in ids, zh-CN ones included, or a custom code).</summary>
    static HashSet<uint> DateStyles(WorkbookPart workbook, ReadLimits limits)
    {
        if (workbook.WorkbookStylesPart is { } styles) RequireDocumentPartSize(styles, limits);
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && IsDateCode(f.FormatCode?.Value))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        var result = new HashSet<uint>();
        var index = 0u;
        foreach (var format in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58 || custom.Contains(id)) result.Add(index);
            index++;
        }
        return result;
    }

    static bool IsDateCode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return false;
        var quoted = false;
        var bracket = false;
        foreach (var c in code)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '[') bracket = true;
            else if (!quoted && c == ']') bracket = false;
            else if (!quoted && !bracket && "ymdhsYMDHS".Contains(c)) return true;
        }
        return false;
    }
}

/// <summary>Bounded reading of an upload and recognising what kind of file it is.</summary>
static class SafeFile
{
    public static MemoryStream Buffer(Stream input, ReadLimits limits)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limits.MaxFileBytes)
                throw new SpreadsheetTooLargeException($"文件超过 {limits.MaxFileBytes / 1024 / 1024} MB 的上限。");
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) throw new SpreadsheetException("文件是空的。");
        buffer.Position = 0;
        return buffer;
    }

    public static void RequireXlsxSignature(MemoryStream buffer)
    {
        var head = buffer.GetBuffer().AsSpan(0, (int)Math.Min(8, buffer.Length));
        if (head.StartsWith(new byte[] { 0x50, 0x4B, 0x03, 0x04 })) return;
        if (head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
            throw new SpreadsheetException("不支持旧版 .xls 格式，请在 Excel 或 WPS 中另存为 .xlsx 后重试。");
        throw new SpreadsheetException("文件不是 .xlsx 工作簿。");
    }

    public static bool LooksLikeZip(MemoryStream buffer) =>
        buffer.Length >= 4 && buffer.GetBuffer().AsSpan(0, 4).SequenceEqual(new byte[] { 0x50, 0x4B, 0x03, 0x04 });
}

/// <summary>
/// Refuses zip bombs before the package is parsed: too many parts, too large in total, or compressed too
/// well. Declared sizes can lie, so every part is inflated once with a hard cap.
/// </summary>
static class ZipGuard
{
    public static void Check(MemoryStream buffer, ReadLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxZipEntries) throw Refused("包含的部件过多");
            var remaining = limits.MaxUncompressedBytes;
            var chunk = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > remaining) throw Refused("解压后过大");
                if (entry.Length > 1024 * 1024 && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                    throw Refused("压缩比异常");
                using var stream = entry.Open();
                long actual = 0;
                int read;
                while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
                {
                    actual += read;
                    if (actual > entry.Length || actual > remaining) throw Refused("解压后过大");
                }
                remaining -= actual;
            }
        }
        catch (InvalidDataException e)
        {
            throw new SpreadsheetException("文件不是有效的 .xlsx 工作簿（压缩包已损坏）。", e);
        }
        finally
        {
            buffer.Position = 0;
        }
    }

    static SpreadsheetTooLargeException Refused(string why) => new($"文件被拒绝：{why}，不像正常的工作簿。");
}
