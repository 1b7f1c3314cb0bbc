using Orchestrator.Core.Attempts;
using Orchestrator.Switching;

namespace Orchestrator.Runtime.Calls;

/// <summary>Where one placed call is, as its campaign runner sees it. Touched only on the runner's loop.</summary>
internal sealed class LiveCall(AttemptId attempt, long leadId, long leadPhoneId, string phoneNumber, DateTimeOffset dialedAt, long generation)
{
    public AttemptId Attempt { get; } = attempt;

    public LegId Leg { get; } = LegId.ForAttempt(attempt);

    public long LeadId { get; } = leadId;

    public long LeadPhoneId { get; } = leadPhoneId;

    public string PhoneNumber { get; } = phoneNumber;

    public DateTimeOffset DialedAt { get; } = dialedAt;

    /// <summary>The switch connection generation the call was placed on (for reconciliation).</summary>
    public long Generation { get; } = generation;

    public CallPhase Phase { get; set; } = CallPhase.Dialing;

    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>When the abandon clock started: the answer, or the human verdict when AMD is on.</summary>
    public DateTimeOffset? WaitingSince { get; set; }

    public long? AgentId { get; set; }

    public LegId? AgentLeg { get; set; }

    /// <summary>Fires the abandon deadline; disposed once the call is connected or gone.</summary>
    public ITimer? AbandonTimer { get; set; }

    /// <summary>Placed and not yet settled: it may still need an agent, so the pacer counts it against ready agents.</summary>
    public bool MayNeedAgent => Phase is CallPhase.Dialing or CallPhase.Ringing or CallPhase.Screening or CallPhase.WaitingForAgent or CallPhase.Bridging;
}

/// <summary>The runner's view of a call's progress.</summary>
internal enum CallPhase
{
    Dialing,
    Ringing,

    /// <summary>Answered; AMD is deciding.</summary>
    Screening,

    /// <summary>A person answered; no agent yet (the abandon clock runs).</summary>
    WaitingForAgent,

    /// <summary>An agent is reserved and the bridge command sent.</summary>
    Bridging,

    Connected,

    /// <summary>A machine answered; the dialplan hangs it up.</summary>
    Machine,

    /// <summary>The safe-harbor message is playing.</summary>
    Abandoning,
}
