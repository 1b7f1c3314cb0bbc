using System.Threading.Channels;
using Orchestrator.Switching.Commands;
using Orchestrator.Switching.Events;

namespace Orchestrator.Switching;

/// <summary>
/// One media switch, in the orchestrator's normalized vocabulary. Adapters (Asterisk ARI, Asterisk AMI,
/// FreeSWITCH ESL, the simulator) translate commands into the switch's protocol and its events back.
/// </summary>
/// <remarks>
/// Commands complete when the switch has accepted them; what happens to the call afterwards arrives on
/// <see cref="Events"/>. A command that fails with <see cref="SwitchOutcomeUnknownException"/> must not be
/// retried blindly: after the next <see cref="SwitchConnectionChanged"/> to Ready, reconcile instead.
/// </remarks>
public interface ISwitchAdapter : IAsyncDisposable
{
    /// <summary>A short name for logs and health checks, e.g. <c>asterisk-ami</c>.</summary>
    string Name { get; }

    SwitchCapabilities Capabilities { get; }

    SwitchConnectionState State { get; }

    /// <summary>Every leg event and connection change, in the order the switch reported them. One reader.</summary>
    ChannelReader<SwitchEvent> Events { get; }

    /// <summary>Connect, log in and keep reconnecting until disposed.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    Task OriginateAsync(OriginateCommand command, CancellationToken cancellationToken);

    Task OpenAgentLegAsync(AgentLegCommand command, CancellationToken cancellationToken);

    Task BridgeAsync(BridgeCommand command, CancellationToken cancellationToken);

    Task PlayThenHangupAsync(PlayThenHangupCommand command, CancellationToken cancellationToken);

    Task HangupAsync(HangupCommand command, CancellationToken cancellationToken);

    Task StartRecordingAsync(RecordingCommand command, CancellationToken cancellationToken);

    Task StopRecordingAsync(RecordingCommand command, CancellationToken cancellationToken);

    Task TransferAsync(TransferCommand command, CancellationToken cancellationToken);

    Task MonitorAsync(MonitorCommand command, CancellationToken cancellationToken);

    Task<IReadOnlyList<LiveChannel>> ListLiveChannelsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Hangs up a channel the switch listed (<see cref="ListLiveChannelsAsync"/>) that no command of this adapter
    /// created: a leftover of an earlier run, such as the leg of an agent whose orchestrator process has gone. A
    /// channel that is gone already is not an error.
    /// </summary>
    Task HangupLeftoverAsync(LiveChannel channel, Core.Calls.HangupCause cause, CancellationToken cancellationToken);
}
