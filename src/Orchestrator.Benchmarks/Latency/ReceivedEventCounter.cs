using System.Diagnostics.Metrics;

namespace Orchestrator.Benchmarks.Latency;

/// <summary>
/// Counts the events AmiClient read off the wire (handed to its event queue, or cut by its event filter), from its own
/// <c>ami.events.received</c> counter on the <c>Orchestrator.Ami</c> meter (every client in the process).
/// </summary>
internal sealed class ReceivedEventCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _received;

    public ReceivedEventCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Orchestrator.Ami" && instrument.Name == "ami.events.received")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _received, value));
        _listener.Start();
    }

    public long Received => Interlocked.Read(ref _received);

    public void Dispose() => _listener.Dispose();
}
