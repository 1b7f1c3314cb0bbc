using Orchestrator.Core.Calls;
using Orchestrator.Protocols.Ari.Events;
using Orchestrator.Protocols.Ari.Models;
using Orchestrator.Switching.Commands;
using Orchestrator.Switching.Events;

namespace Orchestrator.Switching.Asterisk.Ari;

/// <summary>
/// Turns ARI events into the normalized leg events, for the legs the adapter originated, and says which REST calls
/// must follow (<see cref="AriFollowUp"/>). Pure and single-threaded: the adapter feeds it events in arrival order and
/// its commands' registrations under one lock; tests feed it recorded transcripts.
/// </summary>
/// <remarks>
/// A leg's channel id is its leg id. A customer is Answered when it is in the application and Up (StasisStart of an
/// answered originate, or Up after StasisStart for a created channel): only then can it be bridged or played to. An
/// agent is Answered once it sits in a bridge (its holding bridge), so a customer is never bridged to an agent that is
/// still being placed. With AMD the answered customer is sent to the AMD context and comes back with
/// <c>amd,&lt;status&gt;,&lt;cause&gt;</c>. An unanswered leg ends with its Dial failure (BUSY, CONGESTION, CHANUNAVAIL,
/// NOANSWER) when there was one — a Local channel's own cause is then 0 — and hangs the channel up, because Asterisk
/// leaves a created channel up after a failed dial.
/// </remarks>
internal sealed class AriEventTranslator(AriSwitchOptions options)
{
    private readonly Dictionary<string, AriLeg> _legs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LegId> _hangupAfterPlayback = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AriMonitor> _monitorsBySupervisor = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AriMonitor> _monitorsBySnoop = new(StringComparer.Ordinal);

    public int Count => _legs.Count;

    public IEnumerable<AriLeg> Legs => _legs.Values;

    public AriLeg Register(LegId leg, long? agentId, bool detectMachine, long generation)
    {
        var tracked = new AriLeg(leg, agentId, detectMachine, generation);
        _legs[leg.Value] = tracked;
        return tracked;
    }

    public bool TryGet(LegId leg, out AriLeg tracked) => _legs.TryGetValue(leg.Value, out tracked!);

    /// <summary>Forgets a leg whose originate was refused: no event will ever come for it.</summary>
    public void Forget(LegId leg) => _legs.Remove(leg.Value);

    /// <summary>When <paramref name="playbackId"/> finishes, <paramref name="leg"/> is hung up (safe harbor).</summary>
    public void HangupAfterPlayback(string playbackId, LegId leg) => _hangupAfterPlayback[playbackId] = leg;

    public void ForgetPlayback(string playbackId) => _hangupAfterPlayback.Remove(playbackId);

    public AriMonitor RegisterMonitor(string supervisorChannel, AriLeg agent, MonitorMode mode, string snoopChannel, string bridgeId)
    {
        var monitor = new AriMonitor(supervisorChannel, agent.Id, mode, snoopChannel, bridgeId);
        _monitorsBySupervisor[supervisorChannel] = monitor;
        _monitorsBySnoop[snoopChannel] = monitor;
        agent.Monitors.Add(monitor);
        return monitor;
    }

    public void ForgetMonitor(AriMonitor monitor)
    {
        monitor.Ended = true;
        _monitorsBySupervisor.Remove(monitor.SupervisorChannel);
        _monitorsBySnoop.Remove(monitor.SnoopChannel);
        if (_legs.TryGetValue(monitor.Agent.Value, out var agent))
        {
            agent.Monitors.Remove(monitor);
        }
    }

    /// <summary>The call bridge of <paramref name="customer"/> joins it to <paramref name="agent"/> (before the REST calls go out).</summary>
    public static void BeginCall(AriLeg customer, AriLeg agent, string bridgeId)
    {
        customer.CallBridge = bridgeId;
        customer.Agent = agent.Id;
    }

    /// <summary>The agent's bridge when it is not its holding bridge: the call it is on.</summary>
    public string? CallBridgeOf(AriLeg agent) =>
        agent.BridgeId is { } bridge && bridge != options.HoldingBridge(agent.Id) ? bridge : null;

    public void Translate(AriEvent evt, DateTimeOffset at, List<LegEvent> output, List<AriFollowUp> followUps)
    {
        ArgumentNullException.ThrowIfNull(evt);
        switch (evt.View)
        {
            case StasisStartEvent { Channel: { } channel } start:
                if (Find(channel.Id) is { } started)
                {
                    OnStasisStart(started, channel, start.Args, at, output, followUps);
                }
                else if (_monitorsBySupervisor.TryGetValue(channel.Id, out var supervised))
                {
                    supervised.SupervisorUp = true;
                    followUps.Add(new AriFollowUp.StartMonitor(supervised, _legs.TryGetValue(supervised.Agent.Value, out var agent) ? CallBridgeOf(agent) : null));
                }
                else if (_monitorsBySnoop.TryGetValue(channel.Id, out var snooping))
                {
                    followUps.Add(new AriFollowUp.JoinMonitor(snooping));
                }

                break;

            case StasisEndEvent { Channel: { } channel } when Find(channel.Id) is { } ended:
                ended.InStasis = false;
                break;

            case ChannelStateChangeEvent { Channel: { } channel } when Find(channel.Id) is { } changed:
                changed.Created = true;
                changed.ChannelName ??= channel.Name;
                OnState(changed, channel.State, at, output, followUps);
                break;

            case DialEvent { Peer: { } peer } dial when Find(peer.Id) is { } dialed:
                dialed.Created = true;
                dialed.ChannelName ??= peer.Name;
                OnDial(dialed, dial.DialStatus ?? string.Empty, at, output, followUps);
                break;

            case ChannelEnteredBridgeEvent { Bridge: { } bridge, Channel: { } channel }:
                OnEnteredBridge(bridge, channel, at, output);
                break;

            case ChannelLeftBridgeEvent { Bridge: { } bridge, Channel: { } channel }:
                OnLeftBridge(bridge, channel, at, output, followUps);
                break;

            case ChannelDestroyedEvent { Channel: { } channel } destroyed:
                OnDestroyed(channel, destroyed.Cause, destroyed.CauseText, at, output, followUps);
                break;

            case PlaybackFinishedEvent { Playback.Id: { } playbackId } when _hangupAfterPlayback.Remove(playbackId, out var player):
                if (_legs.ContainsKey(player.Value))
                {
                    followUps.Add(new AriFollowUp.Hangup(player.Value, 16));
                }

                break;

            case BridgeDestroyedEvent { Bridge.Id: { } bridgeId }:
                foreach (var monitor in _monitorsBySupervisor.Values.Where(m => m.BargedInto == bridgeId).ToList())
                {
                    // The call the supervisor barged into is over: so is the supervisor's part in it.
                    followUps.Add(new AriFollowUp.Hangup(monitor.SupervisorChannel, 16));
                }

                break;
        }
    }

    /// <summary>
    /// After a reconnect: legs of older generations that Asterisk no longer has ended while the application was not
    /// registered; live ones catch up (answered, held). Monitors whose channels are gone are cleaned up.
    /// </summary>
    public void Reconcile(IReadOnlyList<AriChannel> live, long generation, DateTimeOffset at, List<LegEvent> output, List<AriFollowUp> followUps)
    {
        ArgumentNullException.ThrowIfNull(live);
        var byId = live.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var leg in _legs.Values.Where(l => l.Generation < generation).ToList())
        {
            if (!byId.TryGetValue(leg.ChannelId, out var channel))
            {
                End(leg, leg.DialFailure is { } failure ? FromDialStatus(failure) : HangupCause.Unknown, "gone after ARI reconnect", at, output, followUps);
                continue;
            }

            leg.Created = true;
            leg.ChannelName = channel.Name;
            leg.InStasis = channel.Dialplan?.AppName == "Stasis";
            OnState(leg, channel.State, at, output, followUps);
        }

        foreach (var monitor in _monitorsBySupervisor.Values.Where(m => !byId.ContainsKey(m.SupervisorChannel)).ToList())
        {
            EndMonitor(monitor, followUps); // the supervisor hung up unseen (a monitor of a gone agent ended with the agent above)
        }
    }

    /// <summary>Placing an agent in its holding bridge failed: it is answered and in the app all the same, so it can be bridged.</summary>
    public void HoldingFailed(LegId agent, DateTimeOffset at, List<LegEvent> output)
    {
        if (_legs.TryGetValue(agent.Value, out var leg))
        {
            Answer(leg, at, output);
        }
    }

    private AriLeg? Find(string? channelId) => channelId is not null && _legs.TryGetValue(channelId, out var leg) ? leg : null;

    private void OnStasisStart(AriLeg leg, AriChannel channel, IReadOnlyList<string> args, DateTimeOffset at, List<LegEvent> output, List<AriFollowUp> followUps)
    {
        leg.Created = true;
        leg.InStasis = true;
        leg.ChannelName = channel.Name;
        if (channel.State == "Up")
        {
            leg.Up = true;
        }

        if (!leg.Up)
        {
            return; // a created channel, not dialed yet
        }

        if (args is ["amd", var status, ..] && !leg.IsAgent)
        {
            Answer(leg, at, output);
            if (!leg.Verdict)
            {
                leg.Verdict = true;
                var machine = string.Equals(status, "MACHINE", StringComparison.OrdinalIgnoreCase);
                output.Add(new LegEvent(leg.Id, machine ? LegEventKind.MachineDetected : LegEventKind.HumanDetected, at) { RawCause = string.Join(' ', args.Skip(1)).Trim() });
            }

            return;
        }

        OnUpInStasis(leg, at, output, followUps);
    }

    private void OnUpInStasis(AriLeg leg, DateTimeOffset at, List<LegEvent> output, List<AriFollowUp> followUps)
    {
        if (leg.IsAgent)
        {
            if (!leg.HoldingRequested)
            {
                leg.HoldingRequested = true;
                MarkDialing(leg, at, output);
                followUps.Add(new AriFollowUp.EnterHolding(leg.Id, options.HoldingBridge(leg.Id)));
            }

            return;
        }

        Answer(leg, at, output);
        if (leg.DetectMachine && !leg.AmdStarted)
        {
            leg.AmdStarted = true;
            followUps.Add(new AriFollowUp.ContinueToAmd(leg.Id));
        }
    }

    private void OnState(AriLeg leg, string state, DateTimeOffset at, List<LegEvent> output, List<AriFollowUp> followUps)
    {
        switch (state)
        {
            case "Ringing" or "Ring":
                MarkRinging(leg, at, output);
                break;
            case "Up":
                leg.Up = true;
                if (leg.InStasis)
                {
                    OnUpInStasis(leg, at, output, followUps);
                }

                break;
        }
    }

    private void OnDial(AriLeg leg, string status, DateTimeOffset at, List<LegEvent> output, List<AriFollowUp> followUps)
    {
        MarkDialing(leg, at, output);
        switch (status)
        {
            case "RINGING":
                MarkRinging(leg, at, output);
                break;
            case "PROGRESS" when !leg.EarlyMedia && !leg.Answered:
                leg.EarlyMedia = true;
                output.Add(new LegEvent(leg.Id, LegEventKind.EarlyMedia, at));
                break;
            case "ANSWER":
                leg.Up = true;
                if (leg.InStasis)
                {
                    OnUpInStasis(leg, at, output, followUps);
                }

                break;
            case "BUSY" or "CONGESTION" or "CHANUNAVAIL" or "NOANSWER" when !leg.Up && leg.DialFailure is null:
                // Asterisk leaves a created channel up after a failed dial (an originate's goes by itself): hang it up.
                leg.DialFailure = status;
                followUps.Add(new AriFollowUp.Hangup(leg.ChannelId, ToQ850(FromDialStatus(status))));
                break;
        }
    }

    private void OnEnteredBridge(AriBridge bridge, AriChannel channel, DateTimeOffset at, List<LegEvent> output)
    {
        if (Find(channel.Id) is { } entered)
        {
            entered.BridgeId = bridge.Id;
            if (entered.IsAgent && entered.Up)
            {
                Answer(entered, at, output); // held: ready for customers
            }
        }

        var members = bridge.Channels.Select(Find).OfType<AriLeg>().ToList();
        var agent = members.FirstOrDefault(m => m.IsAgent);
        if (agent is null)
        {
            return;
        }

        foreach (var customer in members.Where(m => !m.IsAgent && m.ReportedBridge != bridge.Id))
        {
            customer.ReportedBridge = bridge.Id;
            output.Add(new LegEvent(customer.Id, LegEventKind.Bridged, at) { OtherLeg = agent.Id });
        }
    }

    private void OnLeftBridge(AriBridge bridge, AriChannel channel, DateTimeOffset at, List<LegEvent> output, List<AriFollowUp> followUps)
    {
        if (Find(channel.Id) is not { } left)
        {
            return;
        }

        if (left.BridgeId == bridge.Id)
        {
            left.BridgeId = null;
        }

        if (left.IsAgent)
        {
            return;
        }

        if (left.ReportedBridge == bridge.Id)
        {
            left.ReportedBridge = null;
            output.Add(new LegEvent(left.Id, LegEventKind.Unbridged, at));
        }

        if (left.CallBridge == bridge.Id)
        {
            CloseCall(left, followUps);
        }
    }

    private void OnDestroyed(AriChannel channel, int code, string? text, DateTimeOffset at, List<LegEvent> output, List<AriFollowUp> followUps)
    {
        if (Find(channel.Id) is { } leg)
        {
            var raw = $"{code} {text}".Trim();
            if (!leg.Answered && !leg.Up && leg.DialFailure is { } failure)
            {
                End(leg, FromDialStatus(failure), $"Dial {failure}; ChannelDestroyed {raw}", at, output, followUps);
            }
            else
            {
                End(leg, Q850.ToHangupCause(code), raw, at, output, followUps);
            }

            return;
        }

        if (_monitorsBySupervisor.TryGetValue(channel.Id, out var supervised))
        {
            EndMonitor(supervised, followUps);
        }
        else if (_monitorsBySnoop.TryGetValue(channel.Id, out var snooped))
        {
            EndMonitor(snooped, followUps);
        }
    }

    private void End(AriLeg leg, HangupCause cause, string raw, DateTimeOffset at, List<LegEvent> output, List<AriFollowUp> followUps)
    {
        output.Add(new LegEvent(leg.Id, LegEventKind.Ended, at) { Cause = cause, RawCause = raw });
        _legs.Remove(leg.ChannelId);
        foreach (var playback in _hangupAfterPlayback.Where(p => p.Value == leg.Id).Select(p => p.Key).ToList())
        {
            _hangupAfterPlayback.Remove(playback);
        }

        if (leg.CallBridge is not null)
        {
            CloseCall(leg, followUps);
        }

        if (leg.IsAgent && leg.HoldingRequested)
        {
            followUps.Add(new AriFollowUp.DestroyBridge(options.HoldingBridge(leg.Id)));
        }

        foreach (var monitor in leg.Monitors.ToList())
        {
            EndMonitor(monitor, followUps); // ChanSpy's E: the supervisor leaves when the agent does
        }
    }

    /// <summary>The customer's call is over: the agent returns to holding, the call bridge goes, barging supervisors leave.</summary>
    private void CloseCall(AriLeg customer, List<AriFollowUp> followUps)
    {
        var bridge = customer.CallBridge!;
        customer.CallBridge = null;
        var agent = customer.Agent;
        followUps.Add(new AriFollowUp.ReturnToHolding(agent, agent is { } a ? options.HoldingBridge(a) : string.Empty, bridge));
        foreach (var monitor in _monitorsBySupervisor.Values.Where(m => m.BargedInto == bridge).ToList())
        {
            EndMonitor(monitor, followUps);
        }
    }

    private void EndMonitor(AriMonitor monitor, List<AriFollowUp> followUps)
    {
        if (monitor.Ended)
        {
            return;
        }

        ForgetMonitor(monitor);
        followUps.Add(new AriFollowUp.Hangup(monitor.SupervisorChannel, 16));
        followUps.Add(new AriFollowUp.Hangup(monitor.SnoopChannel, 16));
        followUps.Add(new AriFollowUp.DestroyBridge(monitor.BridgeId));
    }

    private static void MarkDialing(AriLeg leg, DateTimeOffset at, List<LegEvent> output)
    {
        if (!leg.Dialing)
        {
            leg.Dialing = true;
            output.Add(new LegEvent(leg.Id, LegEventKind.Dialing, at));
        }
    }

    private static void MarkRinging(AriLeg leg, DateTimeOffset at, List<LegEvent> output)
    {
        MarkDialing(leg, at, output);
        if (!leg.Ringing && !leg.Answered)
        {
            leg.Ringing = true;
            output.Add(new LegEvent(leg.Id, LegEventKind.Ringing, at));
        }
    }

    private static void Answer(AriLeg leg, DateTimeOffset at, List<LegEvent> output)
    {
        if (leg.Answered)
        {
            return;
        }

        MarkDialing(leg, at, output);
        leg.Answered = true;
        output.Add(new LegEvent(leg.Id, LegEventKind.Answered, at));
    }

    /// <summary>A Dial event's failure status, normalized.</summary>
    public static HangupCause FromDialStatus(string status) => status switch
    {
        "BUSY" => HangupCause.Busy,
        "CONGESTION" => HangupCause.Congestion,
        "NOANSWER" => HangupCause.NoAnswer,
        "CHANUNAVAIL" => HangupCause.ChannelUnavailable,
        _ => HangupCause.Failed,
    };

    /// <summary>The Q.850 code to hang up with for a normalized cause.</summary>
    public static int ToQ850(HangupCause cause) => cause switch
    {
        HangupCause.Busy => 17,
        HangupCause.NoAnswer => 19,
        HangupCause.Rejected => 21,
        HangupCause.Congestion => 34,
        HangupCause.InvalidNumber => 1,
        HangupCause.ChannelUnavailable => 27,
        _ => 16,
    };
}
