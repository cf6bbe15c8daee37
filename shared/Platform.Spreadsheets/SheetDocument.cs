namespace Platform.Spreadsheets;

/// <summary>How a column's values are written: text, money with two decimals, whole numbers or dates.</summary>
public enum ColumnKind { Text, Decimal, Integer, Date }

/// <summary>One column of a written sheet. The unit is shown in the header, e.g. "总投资（万元）".</summary>
public sealed record SheetColumn(string Header, ColumnKind Kind = ColumnKind.Text)
{
    public string? Unit { get; init; }
    /// <summary>Width in characters; a width from the header length is used when absent.</summary>
    public double? Width { get; init; }
    /// <summary>Values offered as a drop-down list for the data rows (Excel limits the list to 255 characters).</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }
    /// <summary>Summed in the totals row (numeric columns only).</summary>
    public bool Total { get; init; }

    public string HeaderText => Unit is null ? Header : $"{Header}（{Unit}）";
}

/// <summary>
/// A sheet to write: an optional merged title row, a header row, the data rows and an optional totals row,
/// plus optional notes written to a second sheet named "说明". Cell values may be string, decimal, double,
/// int, long, DateOnly, DateTime, DateTimeOffset, bool or null.
/// </summary>
public sealed record SheetDocument
{
    public required string SheetName { get; init; }
    public string? Title { get; init; }
    public required IReadOnlyList<SheetColumn> Columns { get; init; }
    public required IReadOnlyList<IReadOnlyList<object?>> Rows { get; init; }
    /// <summary>Label of the totals row (e.g. "合计"), in the first column; null writes no totals row.</summary>
    public string? TotalsLabel { get; init; }
    public IReadOnlyList<string>? Notes { get; init; }
}

/// <summary>A row read from a sheet: its row number as the user sees it (1-based) and its cells as text.</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells)
{
    /// <summary>The cell at a zero-based column index, "" when the row is shorter.</summary>
    public string this[int column] => column < Cells.Count ? Cells[column] : "";

    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>Limits that keep an uploaded file from exhausting the service.</summary>
public sealed record ReadLimits
{
    public long MaxFileBytes { get; init; } = 10 * 1024 * 1024;
    public int MaxRows { get; init; } = 10_000;
    public int MaxColumns { get; init; } = 200;
    public int MaxCellLength { get; init; } = 2_000;
    /// <summary>Uncompressed size of all parts of an .xlsx together.</summary>
    public long MaxUncompressedBytes { get; init; } = 100 * 1024 * 1024;
    /// <summary>Uncompressed/compressed size of a part; spreadsheets compress ~10×, zip bombs ~1000×.</summary>
    public int MaxCompressionRatio { get; init; } = 200;
    public int MaxZipEntries { get; init; } = 1_000;
    /// <summary>Entries of the shared string table, all held in memory while the sheet is read.</summary>
    public int MaxSharedStrings { get; init; } = 1_000_000;
    /// <summary>Uncompressed size of the workbook and styles parts, which are parsed whole (not streamed).</summary>
    public long MaxDocumentPartBytes { get; init; } = 32 * 1024 * 1024;

    public static ReadLimits Default { get; } = new();

    /// <summary>
    /// These limits with those a setting names replaced, read as <c>Spreadsheets:{Name}</c> through
    /// <paramref name="setting"/> (e.g. <c>key =&gt; configuration[key]</c>), so a deployment tunes them without a build.
    /// </summary>
    public ReadLimits WithSettings(Func<string, string?> setting)
    {
        long Long(string name, long fallback) =>
            long.TryParse(setting($"Spreadsheets:{name}"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
        int Int(string name, int fallback) => (int)Math.Min(int.MaxValue, Long(name, fallback));
        return this with
        {
            MaxFileBytes = Long(nameof(MaxFileBytes), MaxFileBytes),
            MaxRows = Int(nameof(MaxRows), MaxRows),
            MaxColumns = Int(nameof(MaxColumns), MaxColumns),
            MaxCellLength = Int(nameof(MaxCellLength), MaxCellLength),
            MaxUncompressedBytes = Long(nameof(MaxUncompressedBytes), MaxUncompressedBytes),
            MaxCompressionRatio = Int(nameof(MaxCompressionRatio), MaxCompressionRatio),
            MaxZipEntries = Int(nameof(MaxZipEntries), MaxZipEntries),
            MaxSharedStrings = Int(nameof(MaxSharedStrings), MaxSharedStrings),
            MaxDocumentPartBytes = Long(nameof(MaxDocumentPartBytes), MaxDocumentPartBytes),
        };
    }
}

/// <summary>The file is not a readable spreadsheet or breaks a limit. The message is for the user; APIs answer 400.</summary>
public class SpreadsheetException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The file is (or unpacks to) more than a limit allows: APIs answer 413 spreadsheet_too_large.</summary>
public sealed class SpreadsheetTooLargeException(string message) : SpreadsheetException(message);
