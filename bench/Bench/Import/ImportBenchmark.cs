using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Npgsql;
using Platform.Spreadsheets;

namespace Bench.Import;

/// <summary>
/// The project library's spreadsheet import at scale, beside PostgreSQL's own COPY of the same rows (as CSV) into a
/// scratch table, in one run. The import does everything a county's upload does: reads the
/// workbook, checks every row, matches it against the library, and writes projects, audit entries and outbox events.
/// </summary>
public static class ImportBenchmark
{
    static readonly string[] Headers =
        ["项目名称", "项目代码", "所属地区", "乡镇", "项目类别", "建设性质", "所属行业", "总投资（万元）", "年度计划投资（万元）", "计划年度",
         "项目阶段", "计划开工日期", "包保领导", "责任单位", "联系人", "联系电话"];
    static readonly string[] Categories = ["产业", "基础设施", "民生", "生态环保", "文旅康养", "城市更新"];
    static readonly string[] Townships = ["凤城镇", "北留镇", "润城镇", "町店镇", "芹池镇"];

    sealed record Row(string Name, string Code, string Township, string Category, decimal Total, decimal Annual, DateOnly PlannedStart, string Leader);

    public static async Task<int> RunAsync(string serviceUrl, string token, string connectionString, int[] sizes)
    {
        using var http = new HttpClient { BaseAddress = new Uri(serviceUrl), Timeout = TimeSpan.FromMinutes(15) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Console.WriteLine($"  {"rows",8}  {"format",6}  {"file",8}  {"import",10}  {"rows/s",9}  {"bare COPY",10}  {"rows/s",9}  {"ratio",6}  events published");
        var batch = 0;
        foreach (var size in sizes)
        {
            foreach (var format in new[] { "xlsx", "csv" })
            {
                var rows = Generate(size, ++batch);
                var csv = Csv(rows);
                var file = format == "xlsx" ? Xlsx(rows) : csv;
                var copy = await BareCopyAsync(connectionString, csv);

                var watch = Stopwatch.StartNew();
                var form = new MultipartFormDataContent();
                var content = new ByteArrayContent(file);
                content.Headers.ContentType = new MediaTypeHeaderValue(format == "xlsx"
                    ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
                form.Add(content, "file", $"bench-{size}.{format}");
                using var response = await http.PostAsync("/api/projects/imports", form);
                var body = await response.Content.ReadAsStringAsync();
                watch.Stop();
                if (!response.IsSuccessStatusCode)
                {
                    Console.Error.WriteLine($"import of {size} rows failed: {(int)response.StatusCode} {body[..Math.Min(body.Length, 600)]}");
                    return 1;
                }
                var created = JsonDocument.Parse(body).RootElement.GetProperty("created").GetInt32();
                if (created != size) Console.Error.WriteLine($"  warning: {created} of {size} rows were created");
                var drain = await DrainOutboxAsync(connectionString);
                var importRate = size / watch.Elapsed.TotalSeconds;
                var copyRate = size / copy.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {size,8}  {format,6}  {file.Length / 1024.0 / 1024,6:F1}MB  {watch.Elapsed.TotalSeconds,9:F2}s  {importRate,9:F0}  {copy.TotalSeconds,9:F2}s  {copyRate,9:F0}  {importRate / copyRate,5:F2}×  {size} in {drain.TotalSeconds:F1}s"));
            }
        }
        Console.WriteLine("  (target: import ≥ 0.7× bare COPY; the import also parses the file, checks and matches every row, and writes");
        Console.WriteLine("   an audit entry and an outbox event per project, where the bare COPY writes the project rows only)");
        return 0;
    }

    static List<Row> Generate(int size, int batch)
    {
        var random = new Random(20250000 + size + batch);
        return Enumerable.Range(1, size).Select(i =>
        {
            var total = Math.Round((decimal)(500 + random.NextDouble() * 200_000), 2);
            return new Row($"基准项目 {batch:D2}-{i:D6}", $"25{batch % 12 + 1:D2}-140522-04-{batch:D2}-{i:D6}", Townships[i % Townships.Length],
                Categories[i % Categories.Length], total, Math.Round(total * 0.3m, 2), new DateOnly(2025, 1 + i % 12, 1 + i % 28), $"领导{i % 40}");
        }).ToList();
    }

    static IReadOnlyList<object?> Cells(Row r) =>
        [r.Name, r.Code, "阳城县", r.Township, r.Category, "新建", "建筑业", r.Total, r.Annual, 2025, "储备", r.PlannedStart, r.Leader, "阳城县住建局", "张三", "0356-1234567"];

    static byte[] Xlsx(List<Row> rows) => XlsxWriter.Write(new SheetDocument
    {
        SheetName = "项目库",
        Columns = Headers.Select(h => new SheetColumn(h)).ToList(),
        Rows = rows.Select(Cells).ToList(),
    });

    static byte[] Csv(List<Row> rows)
    {
        var text = new StringBuilder(string.Join(',', Headers)).Append('\n');
        foreach (var row in rows)
            text.AppendJoin(',', Cells(row).Select(c => c switch
            {
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => c?.ToString() ?? "",
            })).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// The same rows as CSV, loaded by PostgreSQL's own COPY into a scratch table with the sheet's columns, typed: what the
    /// database alone does with the file, without checks, matching, indexes, audit or events.
    /// </summary>
    static async Task<TimeSpan> BareCopyAsync(string connectionString, byte[] csv)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(
            "drop table if exists bench_copy; create table bench_copy (name text, national_code text, region text, township text, category text, " +
            "nature text, industry text, total_investment numeric(18,2), annual_planned_investment numeric(18,2), year int, stage text, " +
            "planned_start_date date, leader text, responsible_unit text, contact_person text, contact_phone text)", connection))
            await create.ExecuteNonQueryAsync();
        var watch = Stopwatch.StartNew();
        await using (var copy = await connection.BeginTextImportAsync("copy bench_copy from stdin (format csv, header true)"))
            await copy.WriteAsync(Encoding.UTF8.GetString(csv));
        watch.Stop();
        await using (var drop = new NpgsqlCommand("drop table bench_copy", connection)) await drop.ExecuteNonQueryAsync();
        return watch.Elapsed;
    }

    /// <summary>Waits until the dispatcher has published every event of the import, so the next arm runs on a quiet service.</summary>
    static async Task<TimeSpan> DrainOutboxAsync(string connectionString)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        while (watch.Elapsed < TimeSpan.FromMinutes(10))
        {
            await using var count = new NpgsqlCommand("select count(*) from outbox_messages where sent_at is null", connection);
            if ((long)(await count.ExecuteScalarAsync())! == 0) break;
            await Task.Delay(200);
        }
        return watch.Elapsed;
    }
}
