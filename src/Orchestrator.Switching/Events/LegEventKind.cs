namespace Orchestrator.Switching.Events;

/// <summary>The progress of a leg, in the order it usually happens.</summary>
public enum LegEventKind
{
    /// <summary>The switch accepted the originate and created the channel.</summary>
    Dialing,

    /// <summary>The far end is ringing.</summary>
    Ringing,

    /// <summary>The far end sent audio before answering (progress tones, announcements).</summary>
    EarlyMedia,

    /// <summary>The far end answered.</summary>
    Answered,

    /// <summary>Answering-machine detection decided: a person.</summary>
    HumanDetected,

    /// <summary>Answering-machine detection decided: a machine.</summary>
    MachineDetected,

    /// <summary>The leg was bridged to another (<see cref="LegEvent.OtherLeg"/>).</summary>
    Bridged,

    /// <summary>The leg left its bridge.</summary>
    Unbridged,

    /// <summary>The leg is gone (<see cref="LegEvent.Cause"/> says why).</summary>
    Ended,
}
