namespace Orchestrator.Switching;

/// <summary>A channel the switch has right now.</summary>
/// <param name="Leg">The orchestrator's leg id, when the channel carries one; null for channels that are not ours.</param>
/// <param name="ChannelName">The switch's name for the channel (e.g. <c>PJSIP/trunk-0000001a</c>).</param>
/// <param name="SwitchId">The switch's unique id for the channel.</param>
/// <param name="State">The switch's state text (e.g. <c>Up</c>, <c>Ringing</c>).</param>
/// <param name="IsAnswered">Whether the channel is up.</param>
/// <param name="BridgeId">The bridge the channel is in (a ConfBridge conference's, a mixing or holding bridge), when the switch says.</param>
public sealed record LiveChannel(LegId? Leg, string ChannelName, string SwitchId, string State, bool IsAnswered, string? BridgeId = null);
