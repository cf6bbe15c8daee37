using System.IO.Compression;
using System.Text;

namespace Platform.Spreadsheets.Tests;

public sealed class BadInputTests
{
    static SpreadsheetException Refused(byte[] bytes, ReadLimits? limits = null) =>
        Assert.ThrowsAny<SpreadsheetException>(() => XlsxReader.Read(new MemoryStream(bytes), limits: limits));

    [Fact]
    public void An_empty_file_is_refused_with_a_clear_message() =>
        Assert.Contains("空", Refused([]).Message);

    [Fact]
    public void Text_posing_as_xlsx_is_refused() =>
        Assert.Contains("不是 .xlsx", Refused(Encoding.UTF8.GetBytes("项目代码,期间\n1,2")).Message);

    [Fact]
    public void An_old_xls_file_is_refused_with_advice_to_save_as_xlsx() =>
        Assert.Contains("另存为 .xlsx", Refused([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).Message);

    [Fact]
    public void A_truncated_workbook_is_refused_not_crashed_on()
    {
        var bytes = XlsxWriter.Write(new SheetDocument { SheetName = "s", Columns = [new("a")], Rows = [["x"]] });
        Refused(bytes[..(bytes.Length / 2)]);
    }

    [Fact]
    public void A_zip_without_a_workbook_is_refused() => Refused(Zip(("hello.txt", new byte[100])));

    [Fact]
    public void A_zip_bomb_is_refused_before_it_is_parsed()
    {
        var exception = Refused(Zip(("xl/worksheets/sheet1.xml", new byte[50 * 1024 * 1024])));
        Assert.Contains("拒绝", exception.Message);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused()
    {
        var bytes = XlsxWriter.Write(new SheetDocument { SheetName = "s", Columns = [new("a")], Rows = [["x"]] });
        Assert.Contains("上限", Refused(bytes, new ReadLimits { MaxFileBytes = 100 }).Message);
    }

    [Fact]
    public void Too_many_rows_and_too_long_cells_are_refused()
    {
        var many = XlsxWriter.Write(new SheetDocument { SheetName = "s", Columns = [new("a")], Rows = Enumerable.Range(0, 20).Select(i => (IReadOnlyList<object?>)[i.ToString()]).ToList() });
        Assert.Contains("行", Refused(many, new ReadLimits { MaxRows = 10 }).Message);
        var longCell = XlsxWriter.Write(new SheetDocument { SheetName = "s", Columns = [new("a")], Rows = [[new string('长', 50)]] });
        Assert.Contains("第 2 行 A 列", Refused(longCell, new ReadLimits { MaxCellLength = 20 }).Message);
    }

    [Fact]
    public void Only_xlsx_and_csv_names_are_accepted()
    {
        Assert.Throws<SpreadsheetException>(() => TabularReader.Read(new MemoryStream([1, 2, 3]), "figures.pdf"));
        Assert.Throws<SpreadsheetException>(() => TabularReader.Read(new MemoryStream([1, 2, 3]), "figures.xls"));
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
