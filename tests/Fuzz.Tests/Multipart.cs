using System.Text;

namespace Fuzz.Tests;

/// <summary>Upload bodies for the import operations: a small sheet as a well-formed form, or a form broken in one way.</summary>
public static class Multipart
{
    static readonly string[] Sheets =
    [
        "项目名称,所属区县,总投资\n测试项目,140522,100\n",
        "a,b,c\n1,2,3\n",
        "name\n\u0000\n",
        "\uFEFFid,period,value\n00000000-0000-0000-0000-000000000000,2026-02,1e308\n",
        "",
        "x,\"unterminated\n",
        string.Concat(Enumerable.Repeat("a,", 3000)) + "\n",
    ];

    public static (byte[] Body, string ContentType) Generate(Random rng, int index, List<string> mutations)
    {
        var boundary = "fuzz" + rng.Next(1_000_000);
        var sheet = Sheets[rng.Next(Sheets.Length)];
        var fileName = new[] { "sheet.csv", "sheet.xlsx", "sheet", "../../etc/passwd.csv", "a\u0000b.csv", "表.csv", new string('n', 400) + ".csv" }[rng.Next(7)];
        var content = rng.Next(4) == 0 ? RandomBytes(rng) : Encoding.UTF8.GetBytes(sheet);
        var well = Form(boundary, [("file", fileName, content)]);
        var kind = index == 0 ? -1 : rng.Next(14);
        switch (kind)
        {
            case -1 or 0 or 1:
                mutations.Add($"well-formed upload {fileName.Replace("\0", "\\0")}");
                return (well, $"multipart/form-data; boundary={boundary}");
            case 2:
                mutations.Add("multipart without a boundary");
                return (well, "multipart/form-data");
            case 3:
                mutations.Add("urlencoded form body under a multipart type");
                return (Encoding.UTF8.GetBytes("file=abc&x=%00"), $"multipart/form-data; boundary={boundary}");
            case 4:
                mutations.Add("wrong boundary");
                return (well, "multipart/form-data; boundary=other");
            case 5:
                mutations.Add("truncated multipart");
                return (well[..Math.Max(1, well.Length / 2)], $"multipart/form-data; boundary={boundary}");
            case 6:
                mutations.Add("no file part, a NUL field");
                return (Form(boundary, [("note", null, Encoding.UTF8.GetBytes("a\u0000b"))]), $"multipart/form-data; boundary={boundary}");
            case 7:
                mutations.Add("empty file");
                return (Form(boundary, [("file", "empty.csv", [])]), $"multipart/form-data; boundary={boundary}");
            case 8:
                mutations.Add("huge part header");
                return (Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{new string('h', 40_000)}.csv\"\r\n\r\na\r\n--{boundary}--\r\n"),
                    $"multipart/form-data; boundary={boundary}");
            case 9:
                mutations.Add("boundary longer than allowed");
                var longBoundary = new string('b', 200);
                return (Form(longBoundary, [("file", "a.csv", content)]), $"multipart/form-data; boundary={longBoundary}");
            case 10:
                mutations.Add("form urlencoded instead of multipart");
                return (Encoding.UTF8.GetBytes("file=a%00b"), "application/x-www-form-urlencoded");
            case 11:
                mutations.Add("JSON instead of a form");
                return (Encoding.UTF8.GetBytes("{\"file\":\"a\"}"), "application/json");
            case 12:
                mutations.Add("two thousand parts");
                return (Form(boundary, Enumerable.Range(0, 2000).Select(i => ($"f{i}", (string?)null, new byte[] { 0x61 })).ToList()), $"multipart/form-data; boundary={boundary}");
            default:
                mutations.Add("garbage before the first boundary and no closing boundary");
                return (Encoding.UTF8.GetBytes($"garbage\r\n--{boundary}\r\nContent-Disposition: form-data\r\n\r\nx"), $"multipart/form-data; boundary=\"{boundary}\"");
        }
    }

    static byte[] RandomBytes(Random rng)
    {
        var bytes = new byte[rng.Next(1, 4096)];
        rng.NextBytes(bytes);
        if (rng.Next(2) == 0 && bytes.Length > 4) { bytes[0] = 0x50; bytes[1] = 0x4B; bytes[2] = 0x03; bytes[3] = 0x04; } // a zip header, so it looks like xlsx
        return bytes;
    }

    static byte[] Form(string boundary, IReadOnlyList<(string Name, string? FileName, byte[] Content)> parts)
    {
        using var stream = new MemoryStream();
        void Write(string text) => stream.Write(Encoding.UTF8.GetBytes(text));
        foreach (var (name, fileName, content) in parts)
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"");
            if (fileName is not null) Write($"; filename=\"{fileName}\"\r\nContent-Type: application/octet-stream");
            Write("\r\n\r\n");
            stream.Write(content);
            Write("\r\n");
        }
        Write($"--{boundary}--\r\n");
        return stream.ToArray();
    }
}
