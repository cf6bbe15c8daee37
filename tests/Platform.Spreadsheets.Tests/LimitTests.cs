using System.IO.Compression;
using System.Text;

namespace Platform.Spreadsheets.Tests;

/// <summary>Issue 14 item 7: a workbook that unpacks to more than the limits allow is refused as too large, before it is held in memory.</summary>
public sealed class LimitTests
{
    static SpreadsheetTooLargeException TooLarge(byte[] bytes, ReadLimits limits) =>
        Assert.Throws<SpreadsheetTooLargeException>(() => XlsxReader.Read(new MemoryStream(bytes), limits: limits));

    [Fact]
    public void A_shared_string_table_over_the_limit_is_refused_as_too_large()
    {
        var bytes = XlsxWriter.Write(new SheetDocument
        {
            SheetName = "s", Columns = [new("a")], Rows = Enumerable.Range(0, 50).Select(i => (IReadOnlyList<object?>)[$"文字 {i}"]).ToList(),
        });
        Assert.Contains("共享字符串", TooLarge(bytes, new ReadLimits { MaxSharedStrings = 10 }).Message);
        Assert.Equal(51, XlsxReader.Read(new MemoryStream(bytes), limits: new ReadLimits { MaxSharedStrings = 100 }).Count); // the header and 50 rows
    }

    [Fact]
    public void A_sheet_unpacking_past_the_uncompressed_limit_is_refused_even_when_it_compresses_like_a_real_one()
    {
        // Digits compress about 2×, well under the ratio check: only the total size can refuse it.
        var random = new Random(14);
        var digits = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 300_000).Select(_ => random.Next(10_000_000).ToString())));
        var bytes = Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("xl/worksheets/sheet1.xml", digits));
        Assert.True(bytes.Length < digits.Length);
        Assert.Contains("拒绝", TooLarge(bytes, new ReadLimits { MaxUncompressedBytes = 1024 * 1024 }).Message);
    }

    [Fact]
    public void A_zip_bomb_is_refused_as_too_large()
    {
        var bytes = Zip(("xl/worksheets/sheet1.xml", new byte[50 * 1024 * 1024]));
        Assert.True(bytes.Length < 1024 * 1024);
        TooLarge(bytes, ReadLimits.Default);
    }

    [Fact]
    public void A_workbook_part_parsed_whole_is_refused_past_its_own_limit()
    {
        var bytes = XlsxWriter.Write(new SheetDocument { SheetName = "s", Columns = [new("a")], Rows = [["x"]] });
        Assert.Contains("部件", TooLarge(bytes, new ReadLimits { MaxDocumentPartBytes = 100 }).Message);
    }

    [Fact]
    public void A_zip_whose_declared_sizes_lie_is_refused_without_inflating_it_all()
    {
        // 64 MB of zeros that claim to be 100 bytes: the ratio check trusts the claim, the inflation must not.
        var bytes = Zip(("xl/worksheets/sheet1.xml", new byte[64 * 1024 * 1024]));
        Lie(bytes, declaredSize: 100);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.ThrowsAny<SpreadsheetException>(() => XlsxReader.Read(new MemoryStream(bytes)));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 32 * 1024 * 1024, "the lying entry was read into memory");
    }

    [Fact]
    public void The_limits_can_be_set_by_configuration()
    {
        var settings = new Dictionary<string, string?> { ["Spreadsheets:MaxSharedStrings"] = "7", ["Spreadsheets:MaxUncompressedBytes"] = "1048576", ["Spreadsheets:MaxRows"] = "bad" };
        var limits = new ReadLimits { MaxRows = 42 }.WithSettings(key => settings.GetValueOrDefault(key));
        Assert.Equal(7, limits.MaxSharedStrings);
        Assert.Equal(1024 * 1024, limits.MaxUncompressedBytes);
        Assert.Equal(42, limits.MaxRows);
    }

    /// <summary>Rewrites the uncompressed size in every local and central header (the CRC no longer matches either).</summary>
    static void Lie(byte[] zip, uint declaredSize)
    {
        for (var i = 0; i + 4 <= zip.Length; i++)
        {
            var signature = BitConverter.ToUInt32(zip, i);
            if (signature == 0x04034b50) BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), declaredSize);
            else if (signature == 0x02014b50) BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), declaredSize);
        }
    }

    static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
        return buffer.ToArray();
    }
}
