using System.Collections.Concurrent;
using System.Text;
using Orchestrator.Protocols.Ami;
using Orchestrator.Simulator.Control;

namespace Orchestrator.Benchmarks.Latency;

/// <summary>
/// The simulator's wire tap: counts the events it writes, stamps each customer's answer (the dialplan channel's
/// <c>Newstate</c> to Up, the event AmiEventTranslator turns into Answered) and each Redirect into an agent's conference.
/// </summary>
internal sealed class WireStamps(string customerPrefix) : IAmiWireTap
{
    private readonly byte[] _customerPrefix = Encoding.ASCII.GetBytes(customerPrefix);
    private readonly ConcurrentDictionary<string, CallTimeline> _calls = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CallTimeline> _answeredByChannel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _earlyRedirects = new(StringComparer.Ordinal);
    private long _eventsWritten;
    private long _redirectsUnmatched;

    /// <summary>Every event written to any session (responses and the banner excluded).</summary>
    public long EventsWritten => Interlocked.Read(ref _eventsWritten);

    /// <summary>Redirects into a conference for a channel whose answer was never seen.</summary>
    public long RedirectsUnmatched => Interlocked.Read(ref _redirectsUnmatched);

    /// <summary>The customers whose answer was written in [<paramref name="from"/>, <paramref name="to"/>), with when their Redirect was read (0: never).</summary>
    public List<WireSample> AnsweredBetween(long from, long to)
    {
        lock (_gate)
        {
            return [.. _calls
                .Where(c => c.Value.AnswerWritten >= from && c.Value.AnswerWritten < to)
                .Select(c => new WireSample(c.Key, c.Value.AnswerWritten, c.Value.RedirectRead))];
        }
    }

    private CallTimeline Call(string leg) => _calls.GetOrAdd(leg, static _ => new CallTimeline());

    public void Written(long sessionId, ReadOnlySpan<byte> message, long timestamp)
    {
        if (!message.StartsWith("Event: "u8))
        {
            return;
        }

        Interlocked.Increment(ref _eventsWritten);
        if (!message.StartsWith("Event: Newstate\r\n"u8) || message.IndexOf("\r\nChannelState: 6\r\n"u8) < 0)
        {
            return;
        }

        var uniqueid = Value(message, "\r\nUniqueid: "u8);
        if (!uniqueid.StartsWith(_customerPrefix))
        {
            return;
        }

        var call = Call(Encoding.ASCII.GetString(uniqueid));
        var channel = Encoding.ASCII.GetString(Value(message, "\r\nChannel: "u8));
        lock (_gate)
        {
            if (call.AnswerWritten != 0)
            {
                return;
            }

            call.AnswerWritten = timestamp;
            if (_earlyRedirects.Remove(channel, out var redirected))
            {
                // The Redirect was read before this writer got round to reporting its write (it was preempted).
                call.RedirectRead = redirected;
            }
            else
            {
                _answeredByChannel[channel] = call;
            }
        }
    }

    public void Read(long sessionId, AmiMessage message, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.ActionName != "Redirect" || !message.ValueEquals(AmiHeaders.Context, "orchestrator-connect") || message[AmiHeaders.Channel] is not { } channel)
        {
            return;
        }

        lock (_gate)
        {
            if (_answeredByChannel.Remove(channel, out var call))
            {
                call.RedirectRead = timestamp;
            }
            else if (!_earlyRedirects.TryAdd(channel, timestamp))
            {
                Interlocked.Increment(ref _redirectsUnmatched);
            }
        }
    }

    private static ReadOnlySpan<byte> Value(ReadOnlySpan<byte> message, ReadOnlySpan<byte> header)
    {
        var at = message.IndexOf(header);
        if (at < 0)
        {
            return [];
        }

        var value = message[(at + header.Length)..];
        var end = value.IndexOf("\r\n"u8);
        return end < 0 ? value : value[..end];
    }
}
