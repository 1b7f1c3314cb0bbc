namespace Orchestrator.Switching;

/// <summary>
/// What an adapter can do. The runtime reads these before it relies on a feature (for example, it
/// does not enable AMD on a switch without it) instead of discovering the gap from a failed command.
/// </summary>
[Flags]
public enum SwitchCapabilities
{
    None = 0,

    /// <summary>Answering-machine detection on the answered customer leg.</summary>
    AnsweringMachineDetection = 1 << 0,

    /// <summary>Long-lived agent legs held in a bridge, conference or park between calls.</summary>
    NailedUpAgentLegs = 1 << 1,

    /// <summary>Bridging an answered customer leg to an agent leg.</summary>
    Bridging = 1 << 2,

    /// <summary>Playing a prompt to a leg and then hanging it up (safe-harbor message).</summary>
    PlayThenHangup = 1 << 3,

    /// <summary>Recording a call.</summary>
    Recording = 1 << 4,

    /// <summary>Transferring a leg to another destination.</summary>
    Transfer = 1 << 5,

    /// <summary>A supervisor listening to, whispering to, or barging into an agent's call.</summary>
    Monitoring = 1 << 6,

    /// <summary>Listing the switch's live channels with the orchestrator's leg ids, for reconciliation.</summary>
    ChannelListing = 1 << 7,
}
