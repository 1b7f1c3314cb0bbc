namespace Orchestrator.Data.Dispositions;

public enum CallbackStatus
{
    /// <summary>Waiting for its time.</summary>
    Pending = 0,

    /// <summary>Called.</summary>
    Done,

    Cancelled,

    /// <summary>Its time passed without a call (the owning agent was away, the window was closed).</summary>
    Missed,
}
