using Xunit;

namespace Platform.Testing;

/// <summary>
/// Polling for what happens asynchronously (a consumer, a background job, another service): asks again until the
/// condition holds, or fails the test saying what was awaited. The deadlines are generous: the test machine is shared.
/// </summary>
public static class Eventually
{
    public const int DefaultSeconds = 30;
    static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    /// <param name="detail">Added to the failure, e.g. the last fault a consumer raised or the services' recent output.</param>
    public static async Task True(Func<Task<bool>> condition, string what, int seconds = DefaultSeconds, Func<string?>? detail = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail(Failure(what, seconds, detail?.Invoke()));
            await Task.Delay(Pause);
        }
    }

    public static Task True(Func<bool> condition, string what, int seconds = DefaultSeconds, Func<string?>? detail = null) =>
        True(() => Task.FromResult(condition()), what, seconds, detail);

    /// <summary>Reads until <paramref name="until"/> holds for what was read, and returns it; the failure shows the last value read.</summary>
    public static async Task<T> Value<T>(Func<Task<T>> read, Func<T, bool> until, string what, int seconds = DefaultSeconds,
        Func<string?>? detail = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (until(value)) return value;
            if (DateTime.UtcNow > deadline) Assert.Fail(Failure(what, seconds, $"last: {value}" + (detail?.Invoke() is { } d ? $"; {d}" : "")));
            await Task.Delay(Pause);
        }
    }

    /// <summary>Probes until it finds something (not null), and returns it.</summary>
    public static async Task<T> Found<T>(Func<Task<T?>> probe, string what, int seconds = DefaultSeconds, Func<string?>? detail = null)
        where T : struct =>
        (await Value(probe, found => found is not null, what, seconds, detail))!.Value;

    static string Failure(string what, int seconds, string? detail) =>
        $"timed out after {seconds} s waiting for {what}" + (detail is { Length: > 0 } ? $": {detail}" : "");
}
