namespace Orchestrator.Simulator.Outcomes;

/// <summary>What a dialed customer does (pacebench <c>outcomes</c>).</summary>
public enum OutcomeClass
{
    /// <summary>A human answers.</summary>
    Live,

    /// <summary>An answering machine answers.</summary>
    Machine,

    /// <summary>It rings until the dialer gives up.</summary>
    NoAnswer,

    /// <summary>The line is busy.</summary>
    Busy,

    /// <summary>The network fails the call (congestion, unreachable).</summary>
    Failed,
}
