using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.Messaging.Tests;

/// <summary>Reads the "Platform.Messaging" instruments of one host only (other hosts in the process have their own meter).</summary>
public sealed class MetricsProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _values = new();

    public MetricsProbe(IHost host)
    {
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == OutboxMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, value, _, _) => _values.AddOrUpdate(i.Name, value, (_, old) => old + value));
        // gauges report a current value, not an increment
        _listener.SetMeasurementEventCallback<double>((i, value, _, _) => _values[i.Name] = value);
        _listener.Start();
    }

    public double Get(string name)
    {
        _listener.RecordObservableInstruments();
        return _values.GetValueOrDefault(name);
    }

    public void Dispose() => _listener.Dispose();
}
