namespace Orchestrator.Core.Calls;

/// <summary>
/// Why a leg ended, normalized across switches. The switch's own code travels beside it
/// (<c>RawCause</c> on the events) for CDRs and audits; policy decisions use only this.
/// </summary>
public enum HangupCause
{
    /// <summary>The switch gave no usable cause.</summary>
    Unknown = 0,

    /// <summary>The call was answered and one side hung up (Q.850 16).</summary>
    NormalClearing,

    /// <summary>The called party was busy (Q.850 17).</summary>
    Busy,

    /// <summary>It rang until the ring timeout (Q.850 18/19).</summary>
    NoAnswer,

    /// <summary>The network or trunk had no capacity (Q.850 34, 42, 44).</summary>
    Congestion,

    /// <summary>The number does not exist or cannot be routed (Q.850 1, 3, 28).</summary>
    InvalidNumber,

    /// <summary>The call was rejected by the far end (Q.850 21).</summary>
    Rejected,

    /// <summary>The channel could not be created at all: unknown technology, unreachable endpoint.</summary>
    ChannelUnavailable,

    /// <summary>The orchestrator itself ended the leg (safe harbor, agent hang-up, shutdown).</summary>
    HungUpByOrchestrator,

    /// <summary>Any other failure the switch reported.</summary>
    Failed,
}
