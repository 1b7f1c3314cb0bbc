using System.Threading.Channels;
using Orchestrator.Core.Agents;
using Orchestrator.Core.Attempts;
using Orchestrator.Core.Calls;
using Orchestrator.Core.Dispositions;
using Orchestrator.Core.Pacing;
using Orchestrator.Data.Attempts;
using Orchestrator.Runtime.Calls;
using Orchestrator.Runtime.Dialing;
using Orchestrator.Runtime.Dispositions;
using Orchestrator.Runtime.Observability;
using Orchestrator.State;
using Orchestrator.Switching;
using Orchestrator.Switching.Commands;
using Orchestrator.Switching.Events;

namespace Orchestrator.Runtime.Campaigns;

/// <summary>
/// One campaign's loop: the pacer, the dialing, and every call's way from answer to agent (or to the
/// safe-harbor message). Every message is handled on one task, in order, so the call state needs no locks;
/// whatever must be shared across instances (agents, calls in flight, counters, the pacer lease) is in the
/// state store.
/// </summary>
internal sealed partial class CampaignRunner : IAsyncDisposable
{
    private const string DefaultSafeHarborPrompt = "orchestrator/safe-harbor";

    private readonly CampaignSettings _settings;
    private readonly RunnerServices _services;
    private readonly IPacer _pacer;
    private readonly Channel<RunnerMessage> _inbox = Channel.CreateUnbounded<RunnerMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<AttemptId, LiveCall> _calls = [];
    private readonly Dictionary<AttemptId, (AttemptEnding Ending, string? SystemCode)> _unwrittenEndings = [];
    private TimeSpan _endingRetryDelay;
    private DateTimeOffset _nextEndingRetryAt;
    private readonly LinkedList<AttemptId> _waitingForAgent = new();
    private readonly Queue<DateTimeOffset> _recentOriginates = new();
    private readonly CancellationTokenSource _stopped = new();
    private readonly string _leaseName;
    private ITimer? _ticker;
    private Task _loop = Task.CompletedTask;
    private DateTimeOffset _leaseRenewedAt = DateTimeOffset.MinValue;
    private bool _holdsLease;
    private bool _stopping;
    private bool _hangingUpForStop;
    private string? _waitingReason;
    private volatile CampaignStatus _status;
    private int _disposed;

    public CampaignRunner(CampaignSettings settings, RunnerServices services)
    {
        _settings = settings;
        _services = services;
        _pacer = PacerSelection.For(settings.Mode);
        _leaseName = $"campaign:{settings.CampaignId}:pacer";
        _status = EmptyStatus(CampaignRunState.Waiting, "starting");
    }

    public long CampaignId => _settings.CampaignId;

    public CampaignStatus Status => _status;

    /// <summary>Completes when the runner has stopped and every call it placed has ended.</summary>
    public Task Completion => _loop;

    public void Start()
    {
        StartedAt = _services.Time.GetUtcNow();
        _loop = Task.Run(RunAsync);
        _ticker = _services.Time.CreateTimer(_ => Post(new RunnerMessage.Tick()), null, TimeSpan.Zero, _services.Options.PacerTick);
        RuntimeLog.CampaignStarted(_services.Logger, CampaignId, _settings.Name, _settings.Mode, _services.Options.InstanceId);
    }

    public DateTimeOffset? StartedAt { get; private set; }

    public void Post(RunnerMessage message) => _inbox.Writer.TryWrite(message);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_ticker is not null)
        {
            await _ticker.DisposeAsync();
        }

        _inbox.Writer.TryComplete();
        await _stopped.CancelAsync();
        await _loop;
        _stopped.Dispose();
    }

    private async Task RunAsync()
    {
        var token = _stopped.Token;
        try
        {
            await foreach (var message in _inbox.Reader.ReadAllAsync(token))
            {
                try
                {
                    await HandleAsync(message, token);
                }
                catch (Exception error) when (error is StateStoreUnavailableException or Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException or SwitchException or System.Data.Common.DbException
                    or Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException or TimeoutException)
                {
                    // Fail closed: nothing is dialed while a dependency misbehaves; the next tick tries again.
                    SetWaiting($"{error.GetType().Name}: {error.Message}");
                    RuntimeLog.RunnerError(_services.Logger, error, CampaignId, message.GetType().Name);
                }

                if (_stopping && _calls.Count == 0 && _unwrittenEndings.Count == 0)
                {
                    await FinishAsync();
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    private Task HandleAsync(RunnerMessage message, CancellationToken token) => message switch
    {
        RunnerMessage.Tick => OnTickAsync(token),
        RunnerMessage.AgentReady => ConnectWaitingCallsAsync(token),
        RunnerMessage.Leg leg => OnLegEventAsync(leg.Event, token),
        RunnerMessage.AbandonDeadline deadline => OnAbandonDeadlineAsync(deadline.Attempt, token),
        RunnerMessage.Switch change => OnSwitchChangedAsync(change.Change, token),
        RunnerMessage.Stop stop => OnStopAsync(stop.HangUpCalls, token),
        _ => Task.CompletedTask,
    };

    private async Task OnTickAsync(CancellationToken token)
    {
        var now = _services.Time.GetUtcNow();
        if (_unwrittenEndings.Count > 0)
        {
            await WriteUnwrittenEndingsAsync(now);
        }

        await PublishStatusAsync(token);
        if (_stopping)
        {
            return;
        }

        if (_services.Switch.State != SwitchConnectionState.Ready)
        {
            SetWaiting($"the switch is {_services.Switch.State}");
            return;
        }

        if (!await HoldLeaseAsync(now, token))
        {
            SetWaiting("another instance holds this campaign's pacer lease");
            return;
        }

        await ConnectWaitingCallsAsync(token);
        await _services.Filler.FillAsync(_settings, _services.Options.HopperTarget, token);
        await PlaceCallsAsync(now, token);
    }

    private async Task PlaceCallsAsync(DateTimeOffset now, CancellationToken token)
    {
        var agents = await _services.State.Agents.ListAsync(CampaignId, token);
        var working = agents.Count(a => a.State is not AgentState.Paused and not AgentState.Connecting);
        var snapshot = new PacingSnapshot(
            now,
            agents.Count(a => a.State == AgentState.Ready),
            agents.Count(a => a.State is AgentState.Reserved or AgentState.OnCall or AgentState.WrapUp),
            _calls.Values.Count(c => c.MayNeedAgent),
            Math.Max(1, (int)Math.Ceiling(_settings.LinesPerAgent * working)) - _calls.Values.Count(c => !c.MayNeedAgent));

        var wanted = Math.Min(_pacer.CallsToPlace(snapshot), OriginateBudget(now));
        if (agents.Count == 0)
        {
            SetWaiting("no agent is logged in");
            return;
        }

        var placed = 0;
        for (var tries = 0; placed < wanted && tries < wanted * 4; tries++)
        {
            switch (await _services.Dialer.PrepareNextAsync(_settings, LastGeneration, token))
            {
                case DialOutcome.Ready ready:
                    await OriginateAsync(ready.Call, token);
                    placed++;
                    break;
                case DialOutcome.Blocked blocked:
                    await _services.State.Counters.IncrementOnceAsync(CampaignId, RuntimeCounters.Blocked, AttemptId.New(_services.Time), token);
                    RuntimeLog.LeadBlocked(_services.Logger, CampaignId, 0, blocked.Reason);
                    break;
                case DialOutcome.HopperEmpty:
                    SetWaiting("no lead is due inside its calling window");
                    return;
            }
        }

        if (placed > 0 || wanted == 0)
        {
            SetDialing();
        }
    }

    private async Task OriginateAsync(LiveCall call, CancellationToken token)
    {
        _calls[call.Attempt] = call;
        _services.Router.Register(call.Leg, this);
        _recentOriginates.Enqueue(call.DialedAt);
        await _services.State.Counters.IncrementOnceAsync(CampaignId, RuntimeCounters.Dials, call.Attempt, token);

        var detectMachine = _settings.DetectMachine && _services.Switch.Capabilities.HasFlag(SwitchCapabilities.AnsweringMachineDetection);
        var command = new OriginateCommand(
            call.Leg,
            call.PhoneNumber,
            _settings.CallerId,
            _settings.TrunkTemplate,
            _settings.RingTimeout,
            detectMachine,
            new Dictionary<string, string>
            {
                ["ORCH_CAMPAIGN"] = CampaignId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["ORCH_LEAD"] = call.LeadId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        try
        {
            await _services.Switch.OriginateAsync(command, token);
        }
        catch (SwitchOutcomeUnknownException unknown)
        {
            // Never retried blindly: the call may exist. The switch's resync decides.
            RuntimeLog.OriginateUnknown(_services.Logger, CampaignId, call.Attempt, unknown.Message);
        }
        catch (Exception error) when (error is SwitchException or ArgumentException)
        {
            RuntimeLog.OriginateFailed(_services.Logger, CampaignId, call.Attempt, error.Message);
            await EndCallAsync(call, HangupCause.ChannelUnavailable, error.Message);
        }
    }

    private async Task OnLegEventAsync(LegEvent legEvent, CancellationToken token)
    {
        if (!legEvent.Leg.TryGetAttempt(out var attempt) || !_calls.TryGetValue(attempt, out var call))
        {
            return;
        }

        switch (legEvent.Kind)
        {
            case LegEventKind.Ringing when call.Phase == CallPhase.Dialing:
                call.Phase = CallPhase.Ringing;
                await _services.State.Calls.UpdateStageAsync(attempt, CallStage.Ringing, legEvent.SwitchTime, null, token);
                break;

            case LegEventKind.Answered when call.AnsweredAt is null:
                call.AnsweredAt = legEvent.SwitchTime;
                if (_settings.DetectMachine && _services.Switch.Capabilities.HasFlag(SwitchCapabilities.AnsweringMachineDetection))
                {
                    call.Phase = CallPhase.Screening;
                }
                else
                {
                    await PersonAnsweredAsync(call, token);
                }

                await _services.State.Counters.IncrementOnceAsync(CampaignId, RuntimeCounters.Answers, attempt, token);
                await _services.Attempts.AnsweredAsync(attempt, legEvent.SwitchTime, token);
                break;

            case LegEventKind.HumanDetected when call.Phase == CallPhase.Screening:
                await PersonAnsweredAsync(call, token);
                await _services.Attempts.DetectedAsync(attempt, AmdResult.Human, token);
                break;

            case LegEventKind.MachineDetected when call.Phase == CallPhase.Screening:
                call.Phase = CallPhase.Machine;
                await _services.State.Counters.IncrementOnceAsync(CampaignId, RuntimeCounters.Machines, attempt, token);
                await _services.Attempts.DetectedAsync(attempt, AmdResult.Machine, token);
                break;

            case LegEventKind.Bridged when call.Phase == CallPhase.Bridging:
                await ConnectedAsync(call, legEvent.SwitchTime, token);
                break;

            case LegEventKind.Ended:
                await EndCallAsync(call, legEvent.Cause ?? HangupCause.Unknown, legEvent.RawCause);
                break;
        }
    }

    /// <summary>A person is on the line: the abandon clock starts now, and the best ready agent is wanted at once.</summary>
    private async Task PersonAnsweredAsync(LiveCall call, CancellationToken token)
    {
        var now = _services.Time.GetUtcNow();
        call.Phase = CallPhase.WaitingForAgent;
        call.WaitingSince = now;
        call.AbandonTimer = _services.Time.CreateTimer(
            state => Post(new RunnerMessage.AbandonDeadline((AttemptId)state!)),
            call.Attempt,
            _settings.AbandonThreshold,
            Timeout.InfiniteTimeSpan);
        _waitingForAgent.AddLast(call.Attempt);
        await ConnectWaitingCallsAsync(token);
        await _services.State.Counters.IncrementOnceAsync(CampaignId, RuntimeCounters.Humans, call.Attempt, token);
        await _services.State.Calls.UpdateStageAsync(call.Attempt, CallStage.Answered, now, null, token);
    }

    /// <summary>Gives waiting customers, oldest first, to ready agents until either runs out.</summary>
    private async Task ConnectWaitingCallsAsync(CancellationToken token)
    {
        while (_waitingForAgent.First is { } first)
        {
            if (!_calls.TryGetValue(first.Value, out var call) || call.Phase != CallPhase.WaitingForAgent)
            {
                _waitingForAgent.RemoveFirst();
                continue;
            }

            var agent = await _services.State.Agents.TryReserveAsync(CampaignId, call.Attempt, null, _services.Time.GetUtcNow(), token);
            if (agent is null)
            {
                return;
            }

            _waitingForAgent.RemoveFirst();
            _services.Agents.OnReserved(agent);
            if (agent.LegId is null || !LegId.TryParse(agent.LegId, out var agentLeg))
            {
                // Reserved an agent whose phone is not up: give them back and keep waiting.
                await _services.Agents.TransitionAsync(agent.AgentId, AgentTrigger.LegLost, null, token);
                _waitingForAgent.AddFirst(call.Attempt);
                continue;
            }

            await BridgeAsync(call, agent.AgentId, agentLeg, token);
        }
    }

    private async Task BridgeAsync(LiveCall call, long agentId, LegId agentLeg, CancellationToken token)
    {
        call.Phase = CallPhase.Bridging;
        call.AgentId = agentId;
        call.AgentLeg = agentLeg;
        try
        {
            await _services.Switch.BridgeAsync(new BridgeCommand(call.Leg, agentLeg), token);
        }
        catch (SwitchException error)
        {
            RuntimeLog.BridgeFailed(_services.Logger, CampaignId, call.Attempt, agentId, error.Message);
            await _services.Agents.TransitionAsync(agentId, AgentTrigger.ReleaseReservation, null, token);
            call.AgentId = null;
            call.AgentLeg = null;
            if (error is UnknownLegException unknown && unknown.Leg == call.Leg)
            {
                return; // the customer is gone; the Ended event settles the call
            }

            call.Phase = CallPhase.WaitingForAgent;
            _waitingForAgent.AddFirst(call.Attempt);
        }
    }

    private async Task ConnectedAsync(LiveCall call, DateTimeOffset at, CancellationToken token)
    {
        call.Phase = CallPhase.Connected;
        call.AbandonTimer?.Dispose();
        var agentId = call.AgentId!.Value;
        await _services.Agents.TransitionAsync(agentId, AgentTrigger.Bridged, call.Attempt, token);
        await _services.State.Counters.IncrementOnceAsync(CampaignId, RuntimeCounters.Connects, call.Attempt, token);
        await _services.State.Calls.UpdateStageAsync(call.Attempt, CallStage.Connected, at, agentId, token);
        await _services.Attempts.ConnectedAsync(call.Attempt, agentId, at, token);
        await ScreenPopAsync(call, agentId, token);
    }

    private async Task OnAbandonDeadlineAsync(AttemptId attempt, CancellationToken token)
    {
        if (!_calls.TryGetValue(attempt, out var call) || call.Phase != CallPhase.WaitingForAgent)
        {
            return;
        }

        call.Phase = CallPhase.Abandoning;
        _waitingForAgent.Remove(attempt);
        RuntimeLog.CallAbandoned(_services.Logger, CampaignId, attempt, _services.Time.GetUtcNow() - call.WaitingSince!.Value);
        await _services.State.Counters.IncrementOnceAsync(CampaignId, RuntimeCounters.Abandons, attempt, token);
        await _services.State.Calls.UpdateStageAsync(attempt, CallStage.Ending, _services.Time.GetUtcNow(), null, token);
        try
        {
            await _services.Switch.PlayThenHangupAsync(new PlayThenHangupCommand(call.Leg, _settings.SafeHarborPrompt ?? DefaultSafeHarborPrompt), token);
        }
        catch (SwitchException)
        {
            // Could not play the message: at least do not leave the customer in silence.
            await HangupQuietlyAsync(call.Leg, token);
        }
    }

    /// <remarks>
    /// Nothing here is cancelled by the campaign's stop: the call is gone from memory once removed, so every step after
    /// that runs to its end. The attempt's end and system disposition are written first; a write that fails is kept
    /// and retried every tick (<see cref="WriteUnwrittenEndingsAsync"/>), so an abandoned call never loses its DROP and
    /// its number's protection to a database hiccup, and its lead stays in progress (never redialed) meanwhile.
    /// </remarks>
    private async Task EndCallAsync(LiveCall call, HangupCause cause, string? rawCause)
    {
        var now = _services.Time.GetUtcNow();
        _calls.Remove(call.Attempt);
        _waitingForAgent.Remove(call.Attempt);
        _services.Router.Unregister(call.Leg);
        call.AbandonTimer?.Dispose();

        var (result, systemCode) = Settle(call, cause, now);
        await WriteEndingAsync(new AttemptEnding(call.Attempt.Value, result, cause, rawCause, now), systemCode);
        await _services.State.Calls.RemoveAsync(call.Attempt, CancellationToken.None);
        if (call.AgentId is { } agentId)
        {
            // Connected: the agent wraps up. Reserved but never bridged: the agent is free again.
            if (await _services.Agents.TransitionAsync(agentId, AgentTrigger.CustomerHungUp, call.Attempt, CancellationToken.None) is { State: AgentState.Ready })
            {
                Post(new RunnerMessage.AgentReady());
            }
        }

        if (result == AttemptResult.Abandoned && call.Phase != CallPhase.Abandoning)
        {
            await _services.State.Counters.IncrementOnceAsync(CampaignId, RuntimeCounters.Abandons, call.Attempt, CancellationToken.None);
        }

        var counter = result switch
        {
            AttemptResult.NoAnswer => RuntimeCounters.NoAnswers,
            AttemptResult.Busy => RuntimeCounters.Busies,
            AttemptResult.Congestion or AttemptResult.Failed => RuntimeCounters.Failures,
            _ => null,
        };
        if (counter is not null)
        {
            await _services.State.Counters.IncrementOnceAsync(CampaignId, counter, call.Attempt, CancellationToken.None);
        }
    }

    /// <summary>Writes an ending; one that fails is kept for <see cref="WriteUnwrittenEndingsAsync"/> (logged at Error once).</summary>
    private async Task<bool> WriteEndingAsync(AttemptEnding ending, string? systemCode)
    {
        var attempt = new AttemptId(ending.AttemptId);
        try
        {
            await _services.Dispositions.EndAsync(ending, systemCode, CancellationToken.None);
            if (_unwrittenEndings.Remove(attempt))
            {
                RuntimeLog.EndingWrittenLate(_services.Logger, CampaignId, attempt);
            }

            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Any failure (a database down past its retries, a deadlock, a refused disposition): the call is gone
            // from memory, so its ending must not be.
            if (_unwrittenEndings.TryAdd(attempt, (ending, systemCode)))
            {
                RuntimeLog.EndingNotWritten(_services.Logger, error, CampaignId, attempt, _unwrittenEndings.Count);
            }
            else
            {
                RuntimeLog.EndingStillNotWritten(_services.Logger, CampaignId, attempt, error.Message);
            }

            return false;
        }
    }

    /// <summary>
    /// Retries the endings whose write failed, oldest first, with backoff (1 s doubling to 30 s): a round stops at its
    /// first failure, so a database that is down costs one attempt per round, not one per ending per tick.
    /// </summary>
    private async Task WriteUnwrittenEndingsAsync(DateTimeOffset now)
    {
        if (now < _nextEndingRetryAt)
        {
            return;
        }

        foreach (var (ending, systemCode) in _unwrittenEndings.Values.OrderBy(e => e.Ending.At).ToList())
        {
            if (!await WriteEndingAsync(ending, systemCode))
            {
                _endingRetryDelay = _endingRetryDelay == TimeSpan.Zero ? TimeSpan.FromSeconds(1)
                    : TimeSpan.FromTicks(Math.Min(_endingRetryDelay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
                _nextEndingRetryAt = now + _endingRetryDelay;
                return;
            }
        }

        _endingRetryDelay = TimeSpan.Zero;
    }

    /// <summary>How the call ended, for the attempt row, and the system disposition when no agent will give one.</summary>
    private (AttemptResult Result, string? SystemCode) Settle(LiveCall call, HangupCause cause, DateTimeOffset now) => call.Phase switch
    {
        CallPhase.Connected => (AttemptResult.Connected, null),
        CallPhase.Abandoning => (AttemptResult.Abandoned, SystemDisposition.Abandoned),
        CallPhase.Machine => (AttemptResult.Machine, SystemDisposition.AnsweringMachine),

        // A person waited past the threshold (the deadline and the hang-up crossed): abandoned, to be safe.
        CallPhase.WaitingForAgent or CallPhase.Bridging when now - call.WaitingSince >= _settings.AbandonThreshold
            => (AttemptResult.Abandoned, SystemDisposition.Abandoned),
        CallPhase.WaitingForAgent or CallPhase.Bridging or CallPhase.Screening => (AttemptResult.HungUpBeforeConnect, SystemDisposition.CustomerHungUp),

        // Ringing when the campaign stopped or the instance shut down: we hung it up, not the customer.
        _ when _hangingUpForStop && cause is HangupCause.NormalClearing or HangupCause.HungUpByOrchestrator or HangupCause.Unknown
            => (AttemptResult.Cancelled, SystemDisposition.Cancelled),

        _ => (cause switch
        {
            HangupCause.NoAnswer => AttemptResult.NoAnswer,
            HangupCause.Busy => AttemptResult.Busy,
            HangupCause.Congestion => AttemptResult.Congestion,
            _ => AttemptResult.Failed,
        }, SystemDisposition.ForUnconnectedCall(cause)),
    };

    private async Task OnSwitchChangedAsync(SwitchConnectionChanged change, CancellationToken token)
    {
        LastGeneration = change.Generation;
        if (change.State != SwitchConnectionState.Ready || change.LiveLegs is null)
        {
            SetWaiting($"the switch is {change.State}");
            return;
        }

        // Calls placed before the reconnect that the switch no longer has ended while we were away.
        var live = change.LiveLegs.Where(c => c.Leg is not null).Select(c => c.Leg!.Value).ToHashSet();
        foreach (var call in _calls.Values.Where(c => c.Generation < change.Generation && !live.Contains(c.Leg)).ToList())
        {
            RuntimeLog.CallReconciled(_services.Logger, CampaignId, call.Attempt);
            await EndCallAsync(call, HangupCause.Unknown, "not live after switch reconnect");
        }
    }

    private async Task OnStopAsync(bool hangUpCalls, CancellationToken token)
    {
        _stopping = true;
        _waitingReason = "stopping";
        await _services.State.Hoppers.ClearAsync(CampaignId, token);
        if (hangUpCalls)
        {
            _hangingUpForStop = true;
            foreach (var call in _calls.Values.ToList())
            {
                await HangupQuietlyAsync(call.Leg, token);
            }
        }

        await PublishStatusAsync(token);
    }

    private async Task FinishAsync()
    {
        if (_holdsLease)
        {
            await _services.State.Leases.ReleaseAsync(_leaseName, _services.Options.InstanceId, CancellationToken.None);
            _holdsLease = false;
        }

        if (_ticker is not null)
        {
            await _ticker.DisposeAsync();
        }

        _status = await BuildStatusAsync(CampaignRunState.Stopped, null, CancellationToken.None);
        RuntimeLog.CampaignStopped(_services.Logger, CampaignId);
    }

    /// <summary>
    /// Ends, as best it can, the calls still open when the runtime must go: their attempts get an end time
    /// so nothing stays "dialing" forever. Used after the drain timeout at shutdown.
    /// </summary>
    public async Task AbandonOpenCallsAsync(CancellationToken token)
    {
        foreach (var call in _calls.Values.ToList())
        {
            await EndCallAsync(call, HangupCause.HungUpByOrchestrator, "orchestrator shutdown");
        }
    }

    private async Task<bool> HoldLeaseAsync(DateTimeOffset now, CancellationToken token)
    {
        var ttl = _services.Options.LeaseTtl;
        if (_holdsLease && now - _leaseRenewedAt < ttl / 3)
        {
            return true;
        }

        var held = _holdsLease;
        _holdsLease = await _services.State.Leases.TryAcquireAsync(_leaseName, _services.Options.InstanceId, ttl, token);
        if (_holdsLease)
        {
            _leaseRenewedAt = now;
            if (!held)
            {
                // Newly the campaign's pacer: whatever a dead predecessor left open is settled first.
                await OrphanedAttempts.SettleAsync(
                    _services.Databases,
                    _services.State,
                    _services.Dispositions,
                    _services.Switch.ListLiveChannelsAsync,
                    _calls.Keys.Concat(_unwrittenEndings.Keys).ToHashSet(),
                    CampaignId,
                    now,
                    token);
            }
        }

        return _holdsLease;
    }

    /// <summary>How many originates the calls-per-second cap still allows in the current second.</summary>
    private int OriginateBudget(DateTimeOffset now)
    {
        while (_recentOriginates.TryPeek(out var at) && now - at >= TimeSpan.FromSeconds(1))
        {
            _recentOriginates.Dequeue();
        }

        return Math.Max(0, _settings.MaxCallsPerSecond - _recentOriginates.Count);
    }

    private async Task HangupQuietlyAsync(LegId leg, CancellationToken token)
    {
        try
        {
            await _services.Switch.HangupAsync(new HangupCommand(leg, HangupCause.HungUpByOrchestrator), token);
        }
        catch (SwitchException)
        {
            // The call is already ending, or the switch is gone; its end is reported either way.
        }
    }

    private long LastGeneration { get; set; }

    private void SetWaiting(string reason)
    {
        if (_waitingReason != reason)
        {
            _waitingReason = reason;
            RuntimeLog.CampaignWaiting(_services.Logger, CampaignId, reason);
        }
    }

    private void SetDialing() => _waitingReason = null;
}
