using System.IO.Compression;
using System.Net;
using Platform.Spreadsheets;
using static EndToEnd.Tests.Security.FindingsSupport;

namespace EndToEnd.Tests.Security;

/// <summary>
/// Issue 14 item 7: an upload that unpacks to more than the configured limits is a 413 problem, whichever way it is sent,
/// and the service keeps serving. (The statistics service runs these tests with Spreadsheets:MaxSharedStrings = 1000.)
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SpreadsheetLimitTests(PlatformFixture fixture)
{
    [Fact]
    public async Task A_zip_bomb_posing_as_a_project_sheet_is_413_and_the_library_stays_healthy()
    {
        using var county = await fixture.SignedInAs("project-office@140524");
        var bomb = Bomb();
        Assert.True(bomb.Length < 256 * 1024, "a small upload");

        var waited = await (await Upload(county, "/api/projects/imports", bomb, "项目表.xlsx")).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "spreadsheet_too_large");
        Assert.Contains("拒绝", waited.GetProperty("detail").GetString());
        using var queued = new HttpRequestMessage(HttpMethod.Post, "/api/projects/imports")
        {
            Content = Form(bomb, "项目表.xlsx"), Headers = { { "Prefer", "respond-async" } },
        };
        await (await county.SendAsync(queued)).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "spreadsheet_too_large");

        using var anonymous = fixture.Anonymous();
        await (await anonymous.GetAsync("/health/ready")).ShouldBe(HttpStatusCode.OK);
        await (await county.GetAsync("/api/projects?pageSize=1")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_statistics_sheet_with_more_shared_strings_than_configured_is_413_and_a_normal_one_still_reads()
    {
        using var bureau = await fixture.SignedInAs("statistics@140524");
        var strings = XlsxWriter.Write(new SheetDocument
        {
            SheetName = "统计数", Columns = [new("项目代码"), new("期间"), new("完成投资（万元）")],
            Rows = Enumerable.Range(0, 1_200).Select(i => (IReadOnlyList<object?>)[$"代码 {i}", $"期间 {i}", null]).ToList(),
        });
        var problem = await (await Upload(bureau, "/api/statistics/figures/imports", strings, "统计数.xlsx"))
            .ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "spreadsheet_too_large");
        Assert.Contains("共享字符串", problem.GetProperty("detail").GetString());

        // Under the limit the same kind of sheet is read (and its rows judged on their merits).
        var small = XlsxWriter.Write(new SheetDocument { SheetName = "统计数", Columns = [new("项目代码"), new("期间")], Rows = [["x", "y"]] });
        var answer = await Upload(bureau, "/api/statistics/figures/imports", small, "统计数.xlsx");
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.True((int)answer.StatusCode < 500, await answer.Content.ReadAsStringAsync());
        using var anonymous = fixture.Anonymous();
        await (await anonymous.GetAsync("/health/ready")).ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A workbook-shaped zip whose sheet is 64 MB of blanks: ~64 KB to send, refused before it is unpacked into memory.</summary>
    static byte[] Bomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = zip.CreateEntry("[Content_Types].xml").Open()) types.Write("<Types/>"u8);
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var blanks = new byte[1024 * 1024];
            Array.Fill(blanks, (byte)' ');
            for (var i = 0; i < 64; i++) sheet.Write(blanks);
        }
        return buffer.ToArray();
    }

    static MultipartFormDataContent Form(byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(Xlsx);
        form.Add(file, "file", fileName);
        return form;
    }
}
