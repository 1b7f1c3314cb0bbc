namespace Orchestrator.State;

/// <summary>Where a call in flight is.</summary>
public enum CallStage
{
    /// <summary>Originate sent; no progress yet.</summary>
    Originating = 0,

    /// <summary>The far end is ringing.</summary>
    Ringing,

    /// <summary>Answered (and judged human when AMD is on); waiting for an agent.</summary>
    Answered,

    /// <summary>Bridged to an agent.</summary>
    Connected,

    /// <summary>Being torn down (safe harbor playing, hang-up sent).</summary>
    Ending,
}
