using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Core.Agents;
using Orchestrator.Core.Attempts;
using Orchestrator.Data;
using Orchestrator.Runtime.Dispositions;
using Orchestrator.Runtime.Observability;
using Orchestrator.State;
using Orchestrator.Switching;
using Orchestrator.Switching.Commands;
using Orchestrator.Switching.Events;

namespace Orchestrator.Runtime.Agents;

/// <summary>
/// Agents' sessions on this instance: login and logout, the nailed-up leg to each agent's phone, pauses,
/// dispositions, and every state change (checked by <see cref="AgentStateMachine"/>, stored with a
/// compare-and-set in the shared state store).
/// </summary>
internal sealed class AgentDesk(
    IDbContextFactory<OrchestratorDbContext> databases,
    IStateStore state,
    ISwitchAdapter switchAdapter,
    DispositionService dispositions,
    IRuntimeObserver observer,
    TimeProvider time,
    IOptions<RuntimeOptions> options,
    ILogger<AgentDesk> logger) : IAgentDesk
{
    private static readonly CallerId DeskCallerId = new("Outbound Orchestrator", "0");
    private readonly Lock _lock = new();
    private readonly Dictionary<long, AgentSession> _sessions = [];

    // Agent legs are numbered from the time the desk started, in milliseconds, so a leg never takes the id of one an
    // earlier login or an earlier run of the process opened (Asterisk refuses a second channel with the same id, and
    // the old channel's events would be taken for the new leg's).
    private long _legSequence = time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Raised (with the campaign id) when an agent becomes ready, so the campaign's runner can use them at once.</summary>
    public event Action<long>? AgentAvailable;

    public async Task LoginAsync(long agentId, long campaignId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var agent = await db.Agents.AsNoTracking().Include(a => a.Skills).SingleOrDefaultAsync(a => a.Id == agentId && a.IsActive, cancellationToken)
            ?? throw new AgentNotFoundException(agentId, $"Agent {agentId} does not exist or is not active.");
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            throw new Campaigns.CampaignNotFoundException(campaignId);
        }

        AgentSession session;
        lock (_lock)
        {
            if (_sessions.TryGetValue(agentId, out var existing) && !existing.LoggedOut)
            {
                if (existing.CampaignId == campaignId)
                {
                    return;
                }

                throw new InvalidOperationException($"Agent {agent.Login} is logged into campaign {existing.CampaignId}; log out first.");
            }

            session = new AgentSession(agent.Id, agent.Login, agent.DisplayName, agent.Endpoint, campaignId, agent.Skills.Select(s => s.Skill).ToList(), time.GetUtcNow());
            _sessions[agentId] = session;
        }

        await state.Agents.UpsertAsync(new AgentSnapshot(agentId, campaignId, AgentState.Connecting, time.GetUtcNow(), null, null, session.Skills), cancellationToken);
        RuntimeLog.AgentLoggedIn(logger, agent.Login, campaignId);
        Publish(session, AgentState.Connecting, null);
        await HangUpLeftoversOfAsync(agentId, cancellationToken);
        await OpenLegAsync(session, cancellationToken);
    }

    public async Task LogoutAsync(long agentId, CancellationToken cancellationToken)
    {
        AgentSession session;
        lock (_lock)
        {
            if (!_sessions.TryGetValue(agentId, out session!) || session.LoggedOut)
            {
                throw new AgentNotFoundException(agentId, $"Agent {agentId} is not logged in.");
            }

            session.LoggedOut = true;
            session.ReconnectTimer?.Dispose();
        }

        if (session.CurrentLeg is { } leg)
        {
            await HangupQuietlyAsync(leg, cancellationToken);
        }

        try
        {
            // A call still waiting for this agent's disposition gets the system's, so its lead moves on. If that
            // cannot be written now, orphan recovery gives it NODISP later; the logout itself goes on.
            if (await state.Agents.GetAsync(agentId, cancellationToken) is { State: AgentState.WrapUp, Attempt: { } owed })
            {
                await dispositions.RecordAsync(owed.Value, Core.Dispositions.SystemDisposition.NotDispositioned, null, null, cancellationToken);
            }
        }
        finally
        {
            await state.Agents.RemoveAsync(agentId, cancellationToken);
            session.Account(AgentState.LoggedOut, time.GetUtcNow());
            Publish(session, AgentState.LoggedOut, null);
        }
    }

    /// <summary>Every agent logged in here, whatever their campaign's state (for the logout at shutdown).</summary>
    public IReadOnlyList<long> LoggedInAgentIds()
    {
        lock (_lock)
        {
            return _sessions.Values.Where(s => !s.LoggedOut).Select(s => s.AgentId).ToList();
        }
    }

    public Task PauseAsync(long agentId, CancellationToken cancellationToken) => RequireTransitionAsync(agentId, AgentTrigger.Pause, cancellationToken);

    public async Task ResumeAsync(long agentId, CancellationToken cancellationToken)
    {
        await RequireTransitionAsync(agentId, AgentTrigger.Resume, cancellationToken);
        RaiseAvailable(agentId);
    }

    public async Task SubmitDispositionAsync(long agentId, AttemptId attempt, DispositionSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var snapshot = await state.Agents.GetAsync(agentId, cancellationToken)
            ?? throw new AgentNotFoundException(agentId, $"Agent {agentId} is not logged in.");
        if (snapshot.State != AgentState.WrapUp || snapshot.Attempt != attempt)
        {
            throw new DispositionRejectedException($"Agent {agentId} is not wrapping up attempt {attempt} (state {snapshot.State}).");
        }

        await dispositions.RecordAsync(attempt.Value, submission.Code, agentId, submission, cancellationToken);
        await TransitionAsync(agentId, AgentTrigger.DispositionSubmitted, null, cancellationToken);

        bool legUp;
        lock (_lock)
        {
            legUp = _sessions.TryGetValue(agentId, out var session) && session.LegUp;
        }

        if (legUp)
        {
            RaiseAvailable(agentId);
        }
        else
        {
            // The phone dropped during wrap-up: back to connecting until the leg is up again.
            await TransitionAsync(agentId, AgentTrigger.LegLost, null, cancellationToken);
        }
    }

    public IReadOnlyList<AgentStatus> GetAgents(long campaignId)
    {
        lock (_lock)
        {
            return _sessions.Values.Where(s => s.CampaignId == campaignId && !s.LoggedOut).Select(StatusOf).ToList();
        }
    }

    public AgentStatus? GetAgent(long agentId)
    {
        lock (_lock)
        {
            return _sessions.TryGetValue(agentId, out var session) ? StatusOf(session) : null;
        }
    }

    /// <summary>Busy and available time over every agent of the campaign, logged out ones included.</summary>
    public (TimeSpan Busy, TimeSpan Available) OccupancyTotals(long campaignId)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var totals = _sessions.Values.Where(s => s.CampaignId == campaignId).Select(s => s.Totals(now)).ToList();
            return (new TimeSpan(totals.Sum(t => t.Busy.Ticks)), new TimeSpan(totals.Sum(t => t.Available.Ticks)));
        }
    }

    /// <summary>
    /// Applies a trigger to the agent's shared state with a compare-and-set. Returns the new snapshot, or null
    /// when the rules do not allow it from the agent's current state (or another instance changed it first).
    /// </summary>
    public async Task<AgentSnapshot?> TransitionAsync(long agentId, AgentTrigger trigger, AttemptId? attempt, CancellationToken cancellationToken)
    {
        var current = await state.Agents.GetAsync(agentId, cancellationToken);
        if (current is null || !AgentStateMachine.TryTransition(current.State, trigger, out var next))
        {
            return null;
        }

        var keepsAttempt = next is AgentState.Reserved or AgentState.OnCall or AgentState.WrapUp;
        var now = time.GetUtcNow();
        string? leg;
        lock (_lock)
        {
            leg = _sessions.TryGetValue(agentId, out var s) && s.LegUp ? s.CurrentLeg?.Value : null;
        }

        var updated = current with
        {
            State = next,
            Since = now,
            Attempt = keepsAttempt ? attempt ?? current.Attempt : null,
            LegId = leg,
        };
        if (!await state.Agents.TryTransitionAsync(agentId, current.State, updated, cancellationToken))
        {
            return null;
        }

        Accounted(agentId, updated, trigger);
        return updated;
    }

    /// <summary>The runner reserved this agent in the state store (an atomic pick); book it here.</summary>
    public void OnReserved(AgentSnapshot reserved) => Accounted(reserved.AgentId, reserved, AgentTrigger.Reserve);

    /// <summary>Events of agent legs, in switch order, from the runtime's event pump.</summary>
    public async Task HandleLegEventAsync(LegEvent legEvent, CancellationToken cancellationToken)
    {
        AgentSession? session;
        lock (_lock)
        {
            session = _sessions.Values.FirstOrDefault(s => s.CurrentLeg == legEvent.Leg && !s.LoggedOut);
        }

        if (session is null)
        {
            return;
        }

        switch (legEvent.Kind)
        {
            case LegEventKind.Answered:
                session.LegUp = true;
                if (await TransitionAsync(session.AgentId, AgentTrigger.LegAnswered, null, cancellationToken) is not null)
                {
                    RuntimeLog.AgentLegUp(logger, session.Login, legEvent.Leg);
                    RaiseAvailable(session.AgentId);
                }

                break;

            case LegEventKind.Ended:
                session.LegUp = false;
                RuntimeLog.AgentLegDown(logger, session.Login, legEvent.Leg, legEvent.RawCause);
                await TransitionAsync(session.AgentId, AgentTrigger.LegLost, null, cancellationToken);
                ScheduleReconnect(session);
                break;
        }
    }

    /// <summary>After a reconnect, agent legs the switch no longer has are lost (their Ended events were not seen).</summary>
    public async Task ReconcileAsync(IReadOnlyList<LiveChannel> live, CancellationToken cancellationToken)
    {
        var liveLegs = live.Where(c => c.Leg is not null).Select(c => c.Leg!.Value).ToHashSet();
        List<AgentSession> lost;
        lock (_lock)
        {
            lost = _sessions.Values.Where(s => !s.LoggedOut && s.CurrentLeg is { } leg && !liveLegs.Contains(leg)).ToList();
        }

        foreach (var session in lost)
        {
            await HandleLegEventAsync(new LegEvent(session.CurrentLeg!.Value, LegEventKind.Ended, time.GetUtcNow()) { RawCause = "gone after switch reconnect" }, cancellationToken);
        }

        await HangUpLeftoversAsync(live, agentId: null, cancellationToken);
    }

    /// <summary>Before an agent's first leg: any leg of theirs the switch still has is a leftover, and holds their phone.</summary>
    private async Task HangUpLeftoversOfAsync(long agentId, CancellationToken cancellationToken)
    {
        if (!switchAdapter.Capabilities.HasFlag(SwitchCapabilities.ChannelListing) || switchAdapter.State != SwitchConnectionState.Ready)
        {
            return; // not connected: the reconcile after the switch is Ready does it
        }

        try
        {
            await HangUpLeftoversAsync(await switchAdapter.ListLiveChannelsAsync(cancellationToken), agentId, cancellationToken);
        }
        catch (SwitchException error)
        {
            RuntimeLog.LeftoverCheckFailed(logger, agentId, error.Message);
        }
    }

    /// <summary>
    /// Hangs up the agent legs the switch has for agents logged in here that are not their current leg: left by an
    /// earlier run of the process, or by an earlier leg whose end was never seen. Agents not logged in here are left
    /// alone (another instance may hold their leg).
    /// </summary>
    /// <remarks>
    /// A leftover that shares its bridge with a channel that is not an agent leg is in a call (a customer an earlier run connected, which
    /// Asterisk kept when that run died): it is left alone, and found again by a later sweep once the call is over.
    /// </remarks>
    private async Task HangUpLeftoversAsync(IReadOnlyList<LiveChannel> live, long? agentId, CancellationToken cancellationToken)
    {
        // Bridges with someone in them who is not an agent leg (a customer): an agent leg there is in a call.
        var inACall = live.Where(c => c.BridgeId is not null && !(c.Leg is { } leg && leg.TryGetAgent(out _)))
            .Select(c => c.BridgeId!).ToHashSet(StringComparer.Ordinal);
        List<(LiveChannel Channel, string Login)> leftovers = [];
        lock (_lock)
        {
            foreach (var channel in live)
            {
                if (channel.Leg is { } leg && leg.TryGetAgent(out var owner) && (agentId is null || owner == agentId)
                    && _sessions.TryGetValue(owner, out var session) && !session.LoggedOut && session.CurrentLeg != leg)
                {
                    leftovers.Add((channel, session.Login));
                }
            }
        }

        foreach (var (channel, login) in leftovers)
        {
            if (channel.BridgeId is { } bridge && inACall.Contains(bridge))
            {
                RuntimeLog.LeftoverLegInACall(logger, login, channel.Leg!.Value, bridge);
                continue;
            }

            try
            {
                await switchAdapter.HangupLeftoverAsync(channel, Core.Calls.HangupCause.NormalClearing, cancellationToken);
                RuntimeLog.LeftoverLegHungUp(logger, login, channel.Leg!.Value, channel.ChannelName);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Never fatal to the caller (the runtime's event pump, a login): the next sweep tries again.
                RuntimeLog.LeftoverLegHangupFailed(logger, login, channel.Leg!.Value, error.Message);
            }
        }
    }

    private async Task RequireTransitionAsync(long agentId, AgentTrigger trigger, CancellationToken cancellationToken)
    {
        if (await TransitionAsync(agentId, trigger, null, cancellationToken) is null)
        {
            var current = await state.Agents.GetAsync(agentId, cancellationToken)
                ?? throw new AgentNotFoundException(agentId, $"Agent {agentId} is not logged in.");
            throw new InvalidOperationException($"Agent {agentId} cannot {trigger} while {current.State}.");
        }
    }

    private void Accounted(long agentId, AgentSnapshot snapshot, AgentTrigger trigger)
    {
        AgentSession? session;
        lock (_lock)
        {
            session = _sessions.GetValueOrDefault(agentId);
        }

        if (session is null)
        {
            return;
        }

        session.Account(snapshot.State, snapshot.Since);
        if (trigger == AgentTrigger.Bridged)
        {
            session.CallsHandled++;
        }

        Publish(session, snapshot.State, snapshot.Attempt);
    }

    private async Task OpenLegAsync(AgentSession session, CancellationToken cancellationToken)
    {
        LegId leg;
        lock (_lock)
        {
            if (session.LoggedOut)
            {
                return;
            }

            leg = session.NextLeg(Interlocked.Increment(ref _legSequence));
        }

        try
        {
            await switchAdapter.OpenAgentLegAsync(new AgentLegCommand(leg, session.AgentId, session.Endpoint, DeskCallerId, options.Value.AgentRingTimeout), cancellationToken);
        }
        catch (SwitchException error)
        {
            RuntimeLog.AgentLegFailed(logger, session.Login, error.Message);
            ScheduleReconnect(session);
        }
    }

    private void ScheduleReconnect(AgentSession session)
    {
        lock (_lock)
        {
            if (session.LoggedOut)
            {
                return;
            }

            session.ReconnectTimer?.Dispose();
            session.ReconnectTimer = time.CreateTimer(
                _ => _ = OpenLegAsync(session, CancellationToken.None),
                null,
                options.Value.AgentLegRetryDelay,
                Timeout.InfiniteTimeSpan);
        }
    }

    private async Task HangupQuietlyAsync(LegId leg, CancellationToken cancellationToken)
    {
        try
        {
            await switchAdapter.HangupAsync(new HangupCommand(leg), cancellationToken);
        }
        catch (SwitchException error)
        {
            RuntimeLog.AgentLegFailed(logger, leg.Value, error.Message);
        }
    }

    private void RaiseAvailable(long agentId)
    {
        long? campaign;
        lock (_lock)
        {
            campaign = _sessions.GetValueOrDefault(agentId)?.CampaignId;
        }

        if (campaign is { } id)
        {
            AgentAvailable?.Invoke(id);
        }
    }

    private void Publish(AgentSession session, AgentState agentState, AttemptId? attempt)
    {
        session.LastAttempt = attempt;
        observer.AgentChanged(StatusOf(session) with { State = agentState });
    }

    private AgentStatus StatusOf(AgentSession session) =>
        new(session.AgentId, session.Login, session.DisplayName, session.CampaignId, session.LastState, session.LastSince, session.LastAttempt, session.CallsHandled, session.Occupancy(time.GetUtcNow()));
}
