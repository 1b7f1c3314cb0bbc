namespace Orchestrator.Data.Telephony;

/// <summary>A route to the public network (a SIP carrier, a gateway, the simulator).</summary>
public sealed class Trunk
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The switch family the dial string is written for; null when any switch can use it.</summary>
    public SwitchType? SwitchType { get; set; }

    /// <summary>The dial string with <c>{number}</c> for the E.164 number: <c>PJSIP/{number}@carrier</c>.</summary>
    public required string DialStringTemplate { get; set; }

    /// <summary>Calls the trunk carries at once; the runtime never exceeds it.</summary>
    public int MaxChannels { get; set; }

    public bool IsActive { get; set; } = true;
}
