using Orchestrator.Switching;

namespace Orchestrator.Benchmarks.Latency;

/// <summary>When each step of one answered customer happened (<see cref="System.Diagnostics.Stopwatch"/> ticks; 0 = not yet).</summary>
internal sealed class CallTimeline
{
    /// <summary>The simulator finished writing the answer (Newstate Up) to the socket.</summary>
    public long AnswerWritten;

    /// <summary>The harness, standing for the runtime, got the adapter's Answered leg event and asked for the bridge.</summary>
    public long AnsweredSeen;

    /// <summary>The simulator's reader cut the Redirect into the agent's conference.</summary>
    public long RedirectRead;

    /// <summary>The agent the customer was bridged to (null: none was free, or not answered yet).</summary>
    public LegId? Agent;
}
