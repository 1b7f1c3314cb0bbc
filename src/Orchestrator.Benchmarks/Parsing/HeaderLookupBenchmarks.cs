using BenchmarkDotNet.Attributes;
using Orchestrator.Benchmarks.Fixtures;
using Orchestrator.Protocols.Ami;

namespace Orchestrator.Benchmarks.Parsing;

/// <summary>
/// The typed reads <c>AmiSwitchAdapter</c> and <c>AmiEventTranslator</c> make on an event, over every event of the
/// fixture mix (one operation = every event once; <see cref="ParseSuite"/> divides by the event count).
/// </summary>
public class HeaderLookupBenchmarks
{
    private AmiMessage[] _events = [];

    [GlobalSetup]
    public void Setup() => _events = [.. FixtureMix.Shared.Events];

    /// <summary><c>message.EventName</c>: the translator's switch, on every event.</summary>
    [Benchmark]
    public int EventName()
    {
        var total = 0;
        foreach (var message in _events)
        {
            total += message.EventName.Length;
        }

        return total;
    }

    /// <summary><c>message["Uniqueid"]</c>: how the translator finds its leg (decodes a new string).</summary>
    [Benchmark]
    public int Uniqueid()
    {
        var total = 0;
        foreach (var message in _events)
        {
            total += message[AmiHeaders.Uniqueid]?.Length ?? 0;
        }

        return total;
    }

    /// <summary><c>message["Channel"]</c>: the channel name commands address (decodes a new string).</summary>
    [Benchmark]
    public int Channel()
    {
        var total = 0;
        foreach (var message in _events)
        {
            total += message[AmiHeaders.Channel]?.Length ?? 0;
        }

        return total;
    }

    /// <summary>The header scan of <c>message["Uniqueid"]</c> alone (<see cref="AmiMessage.IndexOf"/>, no string).</summary>
    [Benchmark]
    public int UniqueidIndexOnly()
    {
        var total = 0;
        foreach (var message in _events)
        {
            total += message.IndexOf(AmiHeaders.Uniqueid);
        }

        return total;
    }

    /// <summary>
    /// <c>message["Timestamp"]</c>, which AmiSwitchAdapter.SwitchTime reads on every event: absent unless Asterisk runs
    /// with <c>timestampevents = yes</c>, so each read scans every header of the event and finds nothing.
    /// </summary>
    [Benchmark]
    public int AbsentTimestamp()
    {
        var total = 0;
        foreach (var message in _events)
        {
            total += message["Timestamp"]?.Length ?? 0;
        }

        return total;
    }

    /// <summary>EventName, Uniqueid and Channel together: what the adapter reads of an event about one of its legs.</summary>
    [Benchmark]
    public int AdapterReads()
    {
        var total = 0;
        foreach (var message in _events)
        {
            total += message.EventName.Length + (message[AmiHeaders.Uniqueid]?.Length ?? 0) + (message[AmiHeaders.Channel]?.Length ?? 0);
        }

        return total;
    }
}
