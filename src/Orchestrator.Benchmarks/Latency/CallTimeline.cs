using Orchestrator.Switching;

namespace Orchestrator.Benchmarks.Latency;

/// <summary>
/// The wire side of one answered customer, stamped in the simulator's process by <see cref="WireStamps"/>
/// (<see cref="System.Diagnostics.Stopwatch"/> ticks; 0 = not yet).
/// </summary>
internal sealed class CallTimeline
{
    /// <summary>The simulator finished writing the answer (Newstate Up) to the socket.</summary>
    public long AnswerWritten;

    /// <summary>The simulator's reader cut the Redirect into the agent's conference.</summary>
    public long RedirectRead;
}

/// <summary>The runtime side of one answered customer, stamped in the benchmark's process by the harness.</summary>
internal sealed class CustomerTimeline
{
    /// <summary>The harness, standing for the runtime, got the adapter's Answered leg event and asked for the bridge.</summary>
    public long AnsweredSeen;

    /// <summary>The agent the customer was bridged to (null: none was free, or not answered yet).</summary>
    public LegId? Agent;
}

/// <summary>One customer whose answer the simulator wrote in the measured window: both stamps taken in the simulator's process.</summary>
internal sealed record WireSample(string Leg, long AnswerWritten, long RedirectRead);
