using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Platform.Messaging;

/// <summary>
/// Meter "Platform.Messaging". The gauge is the alerting signal: if it keeps growing, events are stuck
/// (broker down, unknown type, poison body) even though nothing was lost.
/// </summary>
public sealed class OutboxMetrics
{
    public const string MeterName = "Platform.Messaging";

    private readonly KeyValuePair<string, object?> _service;
    private readonly Counter<long> _published;
    private readonly Counter<long> _failed;
    // Age as computed by the database (no clock skew) plus time elapsed since that query.
    private readonly Lock _lock = new();
    private double? _oldestAgeAtQuery;
    private long _queriedAt;

    public OutboxMetrics(IMeterFactory meterFactory, string servicePrefix)
    {
        var meter = meterFactory.Create(MeterName);
        _service = new("service", servicePrefix);
        _published = meter.CreateCounter<long>("outbox.published", "{message}", "Outbox rows published and confirmed by the broker");
        _failed = meter.CreateCounter<long>("outbox.failed", "{message}", "Outbox publish attempts that failed and will be retried");
        meter.CreateObservableGauge("outbox.oldest_unsent_age", ObserveOldestAge, "s", "Age of the oldest unsent outbox row");
    }

    internal void Published(int count) { if (count > 0) _published.Add(count, _service); }

    internal void Failed(int count) { if (count > 0) _failed.Add(count, _service); }

    internal void SetOldestUnsentAge(double? seconds)
    {
        lock (_lock) (_oldestAgeAtQuery, _queriedAt) = (seconds, Stopwatch.GetTimestamp());
    }

    private Measurement<double> ObserveOldestAge()
    {
        double value;
        lock (_lock)
            value = _oldestAgeAtQuery is { } age ? age + Stopwatch.GetElapsedTime(_queriedAt).TotalSeconds : 0;
        return new Measurement<double>(value, _service);
    }
}
