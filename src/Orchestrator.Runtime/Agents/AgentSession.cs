using Orchestrator.Core.Agents;
using Orchestrator.Core.Attempts;
using Orchestrator.Switching;

namespace Orchestrator.Runtime.Agents;

/// <summary>
/// One agent's login on this instance: their phone, their current nailed-up leg, and the time they spent in
/// each state (for occupancy). The agent's state itself lives in the state store, shared by every instance.
/// </summary>
internal sealed class AgentSession(long agentId, string login, string displayName, string endpoint, long campaignId, IReadOnlyList<string> skills, DateTimeOffset loggedInAt)
{
    private AgentState _accountedState = AgentState.Connecting;
    private DateTimeOffset _accountedSince = loggedInAt;
    private TimeSpan _busy;
    private TimeSpan _available;

    public long AgentId { get; } = agentId;

    public string Login { get; } = login;

    public string DisplayName { get; } = displayName;

    public string Endpoint { get; } = endpoint;

    public long CampaignId { get; } = campaignId;

    public IReadOnlyList<string> Skills { get; } = skills;

    /// <summary>The state last booked, and since when (what the wallboard shows).</summary>
    public AgentState LastState => _accountedState;

    public DateTimeOffset LastSince => _accountedSince;

    public AttemptId? LastAttempt { get; set; }

    /// <summary>The leg the agent's phone is on now (or being called on).</summary>
    public LegId? CurrentLeg { get; private set; }

    public bool LegUp { get; set; }

    public bool LoggedOut { get; set; }

    public int CallsHandled { get; set; }

    /// <summary>Retries the agent's phone after the leg dropped; disposed at logout.</summary>
    public ITimer? ReconnectTimer { get; set; }

    /// <param name="sequence">Unique to this leg (the desk's counter).</param>
    public LegId NextLeg(long sequence)
    {
        CurrentLeg = LegId.ForAgent(AgentId, sequence);
        LegUp = false;
        return CurrentLeg.Value;
    }

    /// <summary>Books the time spent in the previous state; talking and wrap-up count as busy.</summary>
    public void Account(AgentState newState, DateTimeOffset at)
    {
        var spent = at - _accountedSince;
        if (_accountedState is AgentState.OnCall or AgentState.WrapUp)
        {
            _busy += spent;
            _available += spent;
        }
        else if (_accountedState is AgentState.Ready or AgentState.Reserved)
        {
            _available += spent;
        }

        _accountedState = newState;
        _accountedSince = at;
    }

    /// <summary>Busy time over available time (paused and connecting time excluded), 0 when nothing was available yet.</summary>
    public double Occupancy(DateTimeOffset at)
    {
        var busy = _busy;
        var available = _available;
        var current = at - _accountedSince;
        if (_accountedState is AgentState.OnCall or AgentState.WrapUp)
        {
            busy += current;
            available += current;
        }
        else if (_accountedState is AgentState.Ready or AgentState.Reserved)
        {
            available += current;
        }

        return available <= TimeSpan.Zero ? 0 : busy / available;
    }

    public (TimeSpan Busy, TimeSpan Available) Totals(DateTimeOffset at)
    {
        var occupancy = Occupancy(at);
        var available = _available + (_accountedState is AgentState.OnCall or AgentState.WrapUp or AgentState.Ready or AgentState.Reserved ? at - _accountedSince : TimeSpan.Zero);
        return (available * occupancy, available);
    }
}
