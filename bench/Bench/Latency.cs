using System.Collections.Concurrent;
using System.Diagnostics;

namespace Bench;

/// <summary>Latency samples in milliseconds, measured on one clock (Stopwatch) inside one process.</summary>
public sealed class Latency
{
    readonly ConcurrentQueue<double> _samples = new();

    public static long Now() => Stopwatch.GetTimestamp();

    public void Record(long startTimestamp) => _samples.Enqueue(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);

    public int Count => _samples.Count;

    public double Percentile(double p)
    {
        var sorted = _samples.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var index = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}
