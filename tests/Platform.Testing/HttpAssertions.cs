using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Platform.Testing;

/// <summary>Reading and asserting the services' JSON answers and RFC 9457 problems, and sending JSON.</summary>
public static class HttpAssertions
{
    public static async Task<JsonElement> ReadJson(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts the status (showing the body when it differs) and returns the JSON body (default when empty).</summary>
    public static async Task<JsonElement> ShouldBe(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 problem with the given status and a stable code (this one, when given), and returns it.</summary>
    public static async Task<JsonElement> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("code", out var actualCode), "a problem carries a stable code: " + body);
        if (code is not null) Assert.Equal(code, actualCode.GetString());
        return problem;
    }

    /// <summary>POSTs <paramref name="body"/> as JSON (an empty object when none).</summary>
    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object? body = null) =>
        client.PostAsJsonAsync(url, body ?? new { });

    public static Task<HttpResponseMessage> PutJson(this HttpClient client, string url, object body) => client.PutAsJsonAsync(url, body);

    /// <summary>Sends <paramref name="token"/> as the bearer token from now on.</summary>
    public static HttpClient WithToken(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
