namespace Orchestrator.Simulator.Ari;

/// <summary>A live channel of the simulated Asterisk, as the control surface shows it.</summary>
/// <param name="Id">The channel id (the <c>channelId</c> of the originate, or one Asterisk made up).</param>
/// <param name="Name">e.g. <c>PJSIP/trunk-00000003</c>, <c>Local/2001@sim-agents-00000004;1</c>, <c>Snoop/agent-7-1-00000009</c>.</param>
/// <param name="State">Down, Ring, Ringing, Up, Busy.</param>
/// <param name="Application">The Stasis application the channel is in now; null outside Stasis.</param>
/// <param name="BridgeId">The bridge the channel is in; null if none.</param>
/// <param name="Dialplan">Where the channel is: <c>context,exten,priority app(data)</c>.</param>
/// <param name="SnoopTarget">For a snoop channel, the id of the channel it spies on.</param>
/// <param name="Spy">For a snoop channel: none, in, out or both.</param>
/// <param name="Whisper">For a snoop channel: none, in, out or both.</param>
public sealed record AriSimulatedChannel(
    string Id,
    string Name,
    string State,
    string? Application,
    string? BridgeId,
    string Dialplan,
    IReadOnlyDictionary<string, string> Variables,
    string? SnoopTarget,
    string Spy,
    string Whisper,
    DateTimeOffset Created);

/// <summary>A bridge of the simulated Asterisk: its type, its channels (newest first) and the recording running on it.</summary>
public sealed record AriSimulatedBridge(string Id, string Type, string Name, IReadOnlyList<string> Channels, string? Recording);

/// <summary>One request the simulator received: <c>POST /channels</c>, the query as sent, and the status it answered.</summary>
public sealed record AriSeenRequest(string Method, string Path, string Query, int Status, DateTimeOffset At);
