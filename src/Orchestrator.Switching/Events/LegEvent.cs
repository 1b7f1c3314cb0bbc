using Orchestrator.Core.Calls;

namespace Orchestrator.Switching.Events;

/// <summary>A step in the life of one of the orchestrator's legs.</summary>
public sealed record LegEvent(LegId Leg, LegEventKind Kind, DateTimeOffset SwitchTime) : SwitchEvent(SwitchTime)
{
    /// <summary>For <see cref="LegEventKind.Ended"/>: the normalized cause.</summary>
    public HangupCause? Cause { get; init; }

    /// <summary>The switch's own cause or status text, kept for CDRs and audits (e.g. <c>17</c>, <c>USER_BUSY</c>, <c>LONGGREETING-1500-1500</c>).</summary>
    public string? RawCause { get; init; }

    /// <summary>For <see cref="LegEventKind.Bridged"/>: the leg on the other side, when it is one of ours.</summary>
    public LegId? OtherLeg { get; init; }
}
