using System.Net.Http.Headers;
using Platform.Spreadsheets;
using ProjectLibrary.Api.Features.Imports;

namespace ProjectLibrary.Tests;

/// <summary>Builds project sheets the way a county fills in the template, and uploads them.</summary>
static class ImportSheets
{
    static int _serial = Random.Shared.Next(100_000, 900_000);

    /// <summary>A national project code no other test uses.</summary>
    public static string NewCode(string region = "140522") => $"2501-{region}-04-01-{Interlocked.Increment(ref _serial):D6}";

    public static string Tag() => Guid.NewGuid().ToString("N")[..6];

    /// <summary>A row of the template's columns with sensible values; override cells by header.</summary>
    public static Dictionary<string, object?> Row(string name, string region = "阳城县", params (string Header, object? Value)[] cells)
    {
        var row = new Dictionary<string, object?>
        {
            ["项目名称"] = name, ["所属地区"] = region, ["项目类别"] = "基础设施", ["建设性质"] = "新建",
            ["总投资"] = 60000m, ["年度计划投资"] = 12000m, ["计划年度"] = 2025, ["包保领导"] = "王副县长",
        };
        foreach (var (header, value) in cells) row[header] = value;
        return row;
    }

    /// <summary>The template's layout (title row, then headers), so data rows start at row 3.</summary>
    public static byte[] Xlsx(params Dictionary<string, object?>[] rows) => XlsxWriter.Write(new SheetDocument
    {
        SheetName = ProjectSheet.SheetName,
        Title = "阳城县重点项目表",
        Columns = ProjectSheet.Columns.Select(c => c.Sheet).ToList(),
        Rows = rows.Select(r => (IReadOnlyList<object?>)ProjectSheet.Columns.Select(c => r.GetValueOrDefault(c.Header)).ToList()).ToList(),
    });

    /// <summary>A progress sheet as an office fills it in: name, region, month, amount and optionally code and note.</summary>
    public static byte[] ProgressXlsx(params (string Name, string Period, object Amount, string? Code, string? Note)[] rows) => XlsxWriter.Write(new SheetDocument
    {
        SheetName = ProgressSheet.SheetName,
        Title = "阳城县项目月度调度表",
        Columns = ProgressSheet.Columns.Select(c => c.Sheet).ToList(),
        Rows = rows.Select(r => (IReadOnlyList<object?>)[r.Code, r.Name, "阳城县", r.Period, r.Amount, r.Note]).ToList(),
    });

    public static async Task<byte[]> ShouldBeWorkbook(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(ProjectSheet.ContentType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static Task<HttpResponseMessage> Upload(this HttpClient client, byte[] content, string fileName = "projects.xlsx",
        string query = "", bool respondAsync = false)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv") ? "text/csv" : ProjectSheet.ContentType);
        form.Add(file, "file", fileName);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/projects/imports" + query) { Content = form };
        if (respondAsync) request.Headers.Add("Prefer", "respond-async");
        return client.SendAsync(request);
    }
}
