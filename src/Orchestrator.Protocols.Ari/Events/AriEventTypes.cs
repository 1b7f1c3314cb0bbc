namespace Orchestrator.Protocols.Ari.Events;

/// <summary>The <c>type</c> of the ARI events an outbound dialer reads. Any other type is still delivered, as a generic <see cref="AriEvent"/>.</summary>
public static class AriEventTypes
{
    public const string StasisStart = "StasisStart";
    public const string StasisEnd = "StasisEnd";
    public const string ChannelCreated = "ChannelCreated";
    public const string ChannelStateChange = "ChannelStateChange";
    public const string ChannelDestroyed = "ChannelDestroyed";
    public const string ChannelHangupRequest = "ChannelHangupRequest";
    public const string ChannelVarset = "ChannelVarset";
    public const string ChannelDtmfReceived = "ChannelDtmfReceived";
    public const string ChannelEnteredBridge = "ChannelEnteredBridge";
    public const string ChannelLeftBridge = "ChannelLeftBridge";
    public const string ChannelDialplan = "ChannelDialplan";
    public const string ChannelCallerId = "ChannelCallerId";
    public const string ChannelConnectedLine = "ChannelConnectedLine";
    public const string Dial = "Dial";
    public const string BridgeCreated = "BridgeCreated";
    public const string BridgeDestroyed = "BridgeDestroyed";
    public const string PlaybackStarted = "PlaybackStarted";
    public const string PlaybackFinished = "PlaybackFinished";
    public const string RecordingStarted = "RecordingStarted";
    public const string RecordingFinished = "RecordingFinished";
    public const string RecordingFailed = "RecordingFailed";
}
