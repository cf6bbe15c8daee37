using System.Net.Http.Headers;
using System.Text.Json;

namespace EndToEnd.Tests.Security;

/// <summary>Small helpers of the issue 14 item 7 tests (key levels, feed scope, conflicts, OC4IDS, spreadsheet limits).</summary>
static class FindingsSupport
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Tag() => Guid.NewGuid().ToString("N")[..8];

    public static Task<HttpResponseMessage> Upload(HttpClient client, string url, byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);
        form.Add(file, "file", fileName);
        return client.PostAsync(url, form);
    }

    public static HttpRequestMessage Put(string url, object body, string etag) => new(HttpMethod.Put, url)
    {
        Content = System.Net.Http.Json.JsonContent.Create(body),
        Headers = { IfMatch = { EntityTagHeaderValue.Parse(etag) } },
    };

    /// <summary>Every item of the city's change feed the client may read, paging from the start.</summary>
    public static async Task<List<JsonElement>> WholeFeed(HttpClient client)
    {
        var items = new List<JsonElement>();
        var after = "0";
        while (true)
        {
            var page = await (await client.GetAsync($"/api/city/feed?after={after}&limit=1000")).ShouldBe(System.Net.HttpStatusCode.OK);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            after = page.GetProperty("next").GetString()!;
            if (!page.GetProperty("hasMore").GetBoolean()) return items;
        }
    }
}
