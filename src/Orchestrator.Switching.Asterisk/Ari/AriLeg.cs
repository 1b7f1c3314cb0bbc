using Orchestrator.Switching.Commands;

namespace Orchestrator.Switching.Asterisk.Ari;

/// <summary>What the ARI adapter knows about one of its legs. The channel id is the leg id.</summary>
internal sealed class AriLeg(LegId id, long? agentId, bool detectMachine, long generation)
{
    public LegId Id { get; } = id;

    /// <summary>Set for agent legs: the agent whose holding bridge the leg waits in.</summary>
    public long? AgentId { get; } = agentId;

    public bool IsAgent => AgentId is not null;

    /// <summary>A customer originated with answering-machine detection.</summary>
    public bool DetectMachine { get; } = detectMachine;

    /// <summary>The ARI connection generation that originated the leg.</summary>
    public long Generation { get; } = generation;

    public string ChannelId => Id.Value;

    public string? ChannelName { get; set; }

    /// <summary>Asterisk answered the originate, or an event named the channel: the channel exists.</summary>
    public bool Created { get; set; }

    public bool Dialing { get; set; }

    public bool Ringing { get; set; }

    public bool EarlyMedia { get; set; }

    /// <summary>The channel's state is Up.</summary>
    public bool Up { get; set; }

    public bool Answered { get; set; }

    /// <summary>Between StasisStart and StasisEnd.</summary>
    public bool InStasis { get; set; }

    /// <summary>A customer with AMD was sent to the AMD context; its next StasisStart carries the verdict.</summary>
    public bool AmdStarted { get; set; }

    public bool Verdict { get; set; }

    /// <summary>The failure status of the dial (BUSY, CONGESTION, CHANUNAVAIL, NOANSWER): it decides an unanswered leg's end.</summary>
    public string? DialFailure { get; set; }

    /// <summary>The bridge the channel is in now, as events reported it.</summary>
    public string? BridgeId { get; set; }

    /// <summary>Agents: placing the leg in its holding bridge was asked for.</summary>
    public bool HoldingRequested { get; set; }

    /// <summary>Customers: the call bridge <see cref="AriSwitchAdapter.BridgeAsync"/> made for this leg, until it is torn down.</summary>
    public string? CallBridge { get; set; }

    /// <summary>Customers: the agent the call bridge connects them to.</summary>
    public LegId? Agent { get; set; }

    /// <summary>Customers: the bridge a Bridged event was reported for (once per bridge).</summary>
    public string? ReportedBridge { get; set; }

    /// <summary>A hang-up was asked for before Asterisk confirmed the channel; it is sent once it does.</summary>
    public int? PendingHangupCause { get; set; }

    /// <summary>The supervisors monitoring this (agent) leg.</summary>
    public List<AriMonitor> Monitors { get; } = [];
}

/// <summary>A supervisor listening to, whispering to or barging into an agent's call.</summary>
internal sealed class AriMonitor(string supervisorChannel, LegId agent, MonitorMode mode, string snoopChannel, string bridgeId)
{
    public string SupervisorChannel { get; } = supervisorChannel;

    public LegId Agent { get; } = agent;

    public MonitorMode Mode { get; } = mode;

    /// <summary>The snoop channel on the agent (listen and whisper).</summary>
    public string SnoopChannel { get; } = snoopChannel;

    /// <summary>The bridge joining the supervisor and the snoop channel (listen and whisper).</summary>
    public string BridgeId { get; } = bridgeId;

    /// <summary>Barge: the call bridge the supervisor was added to.</summary>
    public string? BargedInto { get; set; }

    public bool SupervisorUp { get; set; }

    public bool Ended { get; set; }
}

/// <summary>
/// A REST call the translator asks for in reaction to an event (the adapter runs them in order, off the event pump):
/// what the recorded Asterisk shows an ARI application must do itself.
/// </summary>
internal abstract record AriFollowUp
{
    /// <summary>Hang a channel up (a Dial failure leaves a created channel up; a finished safe-harbor prompt; a monitor's end).</summary>
    public sealed record Hangup(string ChannelId, int Cause) : AriFollowUp;

    /// <summary>Put an answered agent leg in its own holding bridge (created if needed).</summary>
    public sealed record EnterHolding(LegId Agent, string BridgeId) : AriFollowUp;

    /// <summary>Send an answered customer to the AMD context; it comes back with the verdict.</summary>
    public sealed record ContinueToAmd(LegId Customer) : AriFollowUp;

    /// <summary>The customer left: the agent goes back to holding, the call bridge goes.</summary>
    public sealed record ReturnToHolding(LegId? Agent, string HoldingBridge, string CallBridge) : AriFollowUp;

    /// <summary>Destroy a bridge nobody needs any more.</summary>
    public sealed record DestroyBridge(string BridgeId) : AriFollowUp;

    /// <summary>The supervisor answered: snoop on the agent (listen, whisper) or join the call bridge (barge).</summary>
    public sealed record StartMonitor(AriMonitor Monitor, string? CallBridge) : AriFollowUp;

    /// <summary>The snoop channel is in the app: bridge it with the supervisor.</summary>
    public sealed record JoinMonitor(AriMonitor Monitor) : AriFollowUp;
}
