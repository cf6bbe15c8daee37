using System.Text;

namespace Platform.Spreadsheets.Tests;

public sealed class CsvReaderTests
{
    static IReadOnlyList<SheetRow> Read(byte[] bytes) => TabularReader.Read(new MemoryStream(bytes), "figures.csv");

    [Fact]
    public void Utf8_with_a_bom_quotes_and_line_breaks_in_quotes_is_read()
    {
        var text = "项目代码,期间,完成投资(万元)\r\n\"2503-140522-04-01-123456\",2025-03,\"1,200.50\"\r\n\r\n\"说明\"\"引号\"\"\n换行\",,\n";
        var rows = Read([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)]);

        Assert.Equal(3, rows.Count);
        Assert.Equal(["项目代码", "期间", "完成投资(万元)"], rows[0].Cells);
        Assert.Equal("1,200.50", rows[1][2]);
        Assert.Equal(4, rows[2].Number);
        Assert.Equal("说明\"引号\"\n换行", rows[2][0]);
    }

    [Fact]
    public void Utf8_without_a_bom_is_read() =>
        Assert.Equal("期间", Read(Encoding.UTF8.GetBytes("期间\n2025-03"))[0][0]);

    [Fact]
    public void A_gbk_file_from_chinese_excel_is_read()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var rows = Read(Encoding.GetEncoding("GBK").GetBytes("项目代码,期间\n阳城县供水工程,2025-03\n"));
        Assert.Equal("阳城县供水工程", rows[1][0]);
    }

    [Fact]
    public void An_unclosed_quote_or_an_empty_file_is_refused()
    {
        Assert.Throws<SpreadsheetException>(() => Read(Encoding.UTF8.GetBytes("a,\"b\n1,2")));
        Assert.Throws<SpreadsheetException>(() => Read([]));
    }
}
