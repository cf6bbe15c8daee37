using System.Net;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Platform.Testing;

/// <summary>Reads a Server-Sent Events response as it arrives: events (event/data lines) and comments (heartbeats).</summary>
public sealed class SseReader : IDisposable
{
    readonly HttpResponseMessage _response;
    readonly StreamReader _reader;
    readonly CancellationTokenSource _closed = new();
    Task<string?>? _pendingLine;

    SseReader(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body, Encoding.UTF8);
    }

    /// <summary>Opens the stream and returns once its headers arrived (200, text/event-stream).</summary>
    public static async Task<SseReader> OpenAsync(HttpClient client, string path)
    {
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new SseReader(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The data of the next "notification" event, parsed; fails if none arrives within the timeout.</summary>
    public async Task<JsonElement> NextNotificationAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        string? eventName = null;
        while (await ReadLineAsync(deadline) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) eventName = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName == "notification")
                return JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
        }
        throw new Xunit.Sdk.XunitException($"no notification event within {timeout}");
    }

    /// <summary>True when a heartbeat comment arrives within the timeout.</summary>
    public async Task<bool> HeartbeatAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await ReadLineAsync(deadline) is { } line)
            if (line == ": heartbeat") return true;
        return false;
    }

    /// <summary>The next line, or null at the deadline (a line still pending is kept for the next call) or the end of the stream.</summary>
    async Task<string?> ReadLineAsync(DateTime deadline)
    {
        var remaining = deadline - DateTime.UtcNow;
        if (remaining <= TimeSpan.Zero) return null;
        _pendingLine ??= _reader.ReadLineAsync(_closed.Token).AsTask();
        var finished = await Task.WhenAny(_pendingLine, Task.Delay(remaining));
        if (finished != _pendingLine) return null;
        var line = await _pendingLine;
        _pendingLine = null;
        return line;
    }

    public void Dispose()
    {
        _closed.Cancel();
        _reader.Dispose();
        _response.Dispose();
        _closed.Dispose();
    }
}
