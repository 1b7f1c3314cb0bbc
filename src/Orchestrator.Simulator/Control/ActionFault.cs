namespace Orchestrator.Simulator.Control;

/// <summary>What the control surface does to an action: answer it late, or fail it with a message.</summary>
internal sealed class ActionFault
{
    public TimeSpan Delay { get; init; }

    public string? FailMessage { get; init; }

    /// <summary>How many more actions it applies to; null: until cleared.</summary>
    public int? Remaining { get; set; }
}
