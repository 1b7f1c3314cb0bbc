using Orchestrator.Core.Calls;

namespace Orchestrator.Switching.Asterisk.Ami;

/// <summary>What the adapter knows about one of its legs on Asterisk.</summary>
internal sealed class AmiLeg(LegId id, long? agentId, string actionId, long generation)
{
    public LegId Id { get; } = id;

    /// <summary>Set for agent legs: the agent whose conference the leg holds.</summary>
    public long? AgentId { get; } = agentId;

    public bool IsAgent => AgentId is not null;

    /// <summary>The Originate's ActionID: a failed OriginateResponse can be matched by nothing else.</summary>
    public string ActionId { get; } = actionId;

    /// <summary>The AMI connection generation that originated the leg.</summary>
    public long Generation { get; } = generation;

    /// <summary>Asterisk's channel name, once Newchannel named it; commands address channels by name.</summary>
    public string? ChannelName { get; set; }

    public bool Dialing { get; set; }

    public bool Ringing { get; set; }

    public bool Answered { get; set; }

    /// <summary>The channel's Hangup event has been seen.</summary>
    public bool ChannelGone { get; set; }

    /// <summary>A failed OriginateResponse has been seen, with this cause.</summary>
    public HangupCause? OriginateFailure { get; set; }

    public string? OriginateFailureReason { get; set; }

    /// <summary>A hang-up was asked for before the channel had a name; it is sent when it gets one.</summary>
    public int? PendingHangupCause { get; set; }
}
