namespace Orchestrator.Data.Attempts;

/// <summary>How far an attempt got. Set by the attempt state machine; final once the call has ended.</summary>
public enum AttemptResult
{
    /// <summary>Row written, originate not yet sent.</summary>
    Pending = 0,

    /// <summary>Originate sent; ringing or in progress.</summary>
    Dialing,

    NoAnswer,
    Busy,
    Congestion,

    /// <summary>The switch could not place the call (invalid number, channel unavailable, rejected).</summary>
    Failed,

    /// <summary>Answering-machine detection found a machine.</summary>
    Machine,

    /// <summary>Answered, but no agent was free within the threshold: safe-harbor message played.</summary>
    Abandoned,

    /// <summary>Bridged to an agent.</summary>
    Connected,

    /// <summary>A person answered and hung up before the abandon threshold, while waiting for an agent or for AMD.</summary>
    HungUpBeforeConnect,

    /// <summary>The orchestrator hung up before an answer: the campaign stopped or the instance shut down.</summary>
    Cancelled,
}
