using System.Globalization;
using Orchestrator.Core.Calls;
using Orchestrator.Protocols.Ami;
using Orchestrator.Protocols.Ami.Events;
using Orchestrator.Protocols.Ami.Framing;
using Orchestrator.Switching.Events;

namespace Orchestrator.Switching.Asterisk.Ami;

/// <summary>
/// Turns Asterisk's AMI events into the normalized leg events, for the legs the adapter originated.
/// Pure and single-threaded: the adapter feeds it events in arrival order and commands' registrations,
/// under one lock; tests feed it recorded transcripts.
/// </summary>
/// <remarks>
/// A leg is recognized by its Uniqueid (the Originate's <c>ChannelId</c> is the leg id) or, for a failed
/// OriginateResponse that names no channel, by the Originate's ActionID. An unanswered leg ends when both
/// its channel's Hangup and the failed OriginateResponse have arrived (in either order — Asterisk sends
/// them both ways), because only the Reason says busy / no answer / congestion the same way on every
/// channel technology. An answered leg ends with its channel's Hangup and Q.850 cause.
/// </remarks>
internal sealed class AmiEventTranslator(AmiSwitchOptions options)
{
    private const string AmdStatusVariable = "AMDSTATUS";
    private const int MaxLookupLength = 150; // Asterisk's AST_MAX_UNIQUEID; channel names are shorter still

    private readonly Dictionary<string, AmiLeg> _byUniqueid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AmiLeg> _byActionId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AmiLeg> _agentByConference = new(StringComparer.Ordinal);

    // Legs whose Uniqueid is not their leg id (an Originate without ChannelId, or a switch that ignores it)
    // are found by channel name once a successful OriginateResponse has named the channel.
    private readonly Dictionary<string, AmiLeg> _byChannel = new(StringComparer.Ordinal);

    /// <summary>
    /// Every event <see cref="Translate"/> reads, and no other: the adapter's client cuts the rest before they become
    /// messages. VarSet only for AMDSTATUS — a dialplan sets variables at nearly every step.
    /// </summary>
    public static AmiEventFilter Filter { get; } = new([
        new AmiEventRule(AmiEventNames.Newchannel),
        new AmiEventRule(AmiEventNames.Newstate),
        new AmiEventRule(AmiEventNames.OriginateResponse),
        new AmiEventRule(AmiEventNames.VarSet, AmiHeaders.Variable, AmdStatusVariable),
        new AmiEventRule(AmiEventNames.ConfbridgeJoin),
        new AmiEventRule(AmiEventNames.ConfbridgeLeave),
        new AmiEventRule(AmiEventNames.Hangup),
    ]);

    public int Count => _byUniqueid.Count;

    public IEnumerable<AmiLeg> Legs => _byUniqueid.Values;

    public AmiLeg Register(LegId leg, long? agentId, string actionId, long generation)
    {
        var tracked = new AmiLeg(leg, agentId, actionId, generation);
        _byUniqueid[leg.Value] = tracked;
        _byActionId[actionId] = tracked;
        if (agentId is { } agent)
        {
            _agentByConference[ConferenceName(agent)] = tracked;
        }

        return tracked;
    }

    public bool TryGet(LegId leg, out AmiLeg tracked) => _byUniqueid.TryGetValue(leg.Value, out tracked!);

    public AmiLeg? AgentLeg(long agentId) => _agentByConference.GetValueOrDefault(ConferenceName(agentId));

    public string ConferenceName(long agentId) =>
        options.AgentConferenceName.Replace("{agent}", agentId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Forgets a leg whose originate was refused: no event will ever come for it.</summary>
    public void Forget(LegId leg)
    {
        if (_byUniqueid.Remove(leg.Value, out var tracked))
        {
            Remove(tracked);
        }
    }

    /// <param name="message">The event.</param>
    /// <param name="at">Its switch time.</param>
    /// <param name="output">Receives the leg events it means, in order.</param>
    /// <param name="hangups">Receives the hang-ups asked for before the channel had a name, now that it has one.</param>
    public void Translate(AmiMessage message, DateTimeOffset at, List<LegEvent> output, List<(string Channel, int Cause)>? hangups = null)
    {
        switch (message.EventName)
        {
            case AmiEventNames.Newchannel:
                if (Find(message) is { } created)
                {
                    created.ChannelName = new NewchannelEvent(message).Channel;
                    if (created.PendingHangupCause is { } cause && created.ChannelName is { } name && hangups is not null)
                    {
                        created.PendingHangupCause = null;
                        hangups.Add((name, cause));
                    }

                    if (!created.Dialing)
                    {
                        created.Dialing = true;
                        output.Add(new LegEvent(created.Id, LegEventKind.Dialing, at));
                    }
                }

                break;

            case AmiEventNames.Newstate:
                if (Find(message) is { } changed)
                {
                    var newstate = new NewstateEvent(message);
                    changed.ChannelName ??= newstate.Channel;
                    OnChannelState(changed, newstate.ChannelState, at, output);
                }

                break;

            case AmiEventNames.OriginateResponse:
                OnOriginateResponse(message, at, output);
                break;

            case AmiEventNames.VarSet:
                if (new VarSetEvent(message).Is(AmdStatusVariable) && Find(message) is { } detected)
                {
                    var verdict = new VarSetEvent(message).Value;
                    var kind = string.Equals(verdict, "MACHINE", StringComparison.OrdinalIgnoreCase) ? LegEventKind.MachineDetected : LegEventKind.HumanDetected;
                    output.Add(new LegEvent(detected.Id, kind, at) { RawCause = verdict });
                }

                break;

            case AmiEventNames.ConfbridgeJoin:
                if (Find(message) is { IsAgent: false } joined)
                {
                    var agent = _agentByConference.GetValueOrDefault(new ConfbridgeMemberEvent(message).Conference ?? string.Empty);
                    output.Add(new LegEvent(joined.Id, LegEventKind.Bridged, at) { OtherLeg = agent?.Id });
                }

                break;

            case AmiEventNames.ConfbridgeLeave:
                if (Find(message) is { IsAgent: false } left)
                {
                    output.Add(new LegEvent(left.Id, LegEventKind.Unbridged, at));
                }

                break;

            case AmiEventNames.Hangup:
                if (Find(message) is { } gone)
                {
                    OnHangup(gone, message, at, output);
                }

                break;
        }
    }

    /// <summary>
    /// After a reconnect: every leg of an older generation that Asterisk no longer has ended while we were
    /// away. Legs still live keep their state (their channel names are refreshed).
    /// </summary>
    public void Reconcile(IReadOnlyList<LiveChannel> live, long generation, DateTimeOffset at, List<LegEvent> output)
    {
        var liveById = live.Where(c => c.Leg is not null).ToDictionary(c => c.Leg!.Value.Value, StringComparer.Ordinal);
        foreach (var leg in _byUniqueid.Values.Where(l => l.Generation < generation).ToList())
        {
            if (liveById.TryGetValue(leg.Id.Value, out var channel))
            {
                leg.ChannelName = channel.ChannelName;
                if (channel.IsAnswered && !leg.Answered)
                {
                    leg.Answered = true;
                    output.Add(new LegEvent(leg.Id, LegEventKind.Answered, at));
                }

                continue;
            }

            End(leg, leg.OriginateFailure ?? HangupCause.Unknown, "gone after AMI reconnect", at, output);
        }
    }

    private static void OnChannelState(AmiLeg leg, int state, DateTimeOffset at, List<LegEvent> output)
    {
        switch (state)
        {
            case NewstateEvent.Ringing when !leg.Ringing && !leg.Answered:
                leg.Ringing = true;
                output.Add(new LegEvent(leg.Id, LegEventKind.Ringing, at));
                break;
            case NewstateEvent.Up when !leg.Answered:
                leg.Answered = true;
                output.Add(new LegEvent(leg.Id, LegEventKind.Answered, at));
                break;
        }
    }

    private void OnOriginateResponse(AmiMessage message, DateTimeOffset at, List<LegEvent> output)
    {
        var leg = message.ActionId is { } actionId && _byActionId.TryGetValue(actionId, out var byAction) ? byAction : Find(message);
        if (leg is null)
        {
            return;
        }

        var response = new OriginateResponseEvent(message);
        if (response.Succeeded)
        {
            leg.ChannelName ??= response.Channel;
            if (leg.ChannelName is { } channel)
            {
                _byChannel[channel] = leg;
            }

            if (!leg.Answered)
            {
                leg.Answered = true;
                output.Add(new LegEvent(leg.Id, LegEventKind.Answered, at));
            }

            return;
        }

        var reason = response.Reason;
        leg.OriginateFailure = OriginateReason.ToHangupCause(reason);
        leg.OriginateFailureReason = string.Create(CultureInfo.InvariantCulture, $"OriginateResponse Reason {reason}");

        // No channel was ever created (unknown technology, unreachable endpoint), or it is already gone.
        if (leg.ChannelGone || leg.ChannelName is null)
        {
            End(leg, leg.OriginateFailure.Value, leg.OriginateFailureReason, at, output);
        }
    }

    private void OnHangup(AmiLeg leg, AmiMessage message, DateTimeOffset at, List<LegEvent> output)
    {
        leg.ChannelGone = true;
        var hangup = new HangupEvent(message);
        var raw = string.Create(CultureInfo.InvariantCulture, $"{hangup.Cause} {hangup.CauseText}").Trim();
        if (leg.Answered)
        {
            End(leg, hangup.Cause >= 0 ? Q850.ToHangupCause(hangup.Cause) : HangupCause.Unknown, raw, at, output);
        }
        else if (leg.OriginateFailure is { } failure)
        {
            End(leg, failure, $"{leg.OriginateFailureReason}; Hangup {raw}", at, output);
        }

        // Otherwise the failed OriginateResponse is still to come and will end the leg with the real reason.
    }

    private void End(AmiLeg leg, HangupCause cause, string raw, DateTimeOffset at, List<LegEvent> output)
    {
        output.Add(new LegEvent(leg.Id, LegEventKind.Ended, at) { Cause = cause, RawCause = raw });
        _byUniqueid.Remove(leg.Id.Value);
        Remove(leg);
    }

    private void Remove(AmiLeg leg)
    {
        _byActionId.Remove(leg.ActionId);
        if (leg.ChannelName is { } channel)
        {
            _byChannel.Remove(channel);
        }

        if (leg.AgentId is { } agent && _agentByConference.TryGetValue(ConferenceName(agent), out var current) && current == leg)
        {
            _agentByConference.Remove(ConferenceName(agent));
        }
    }

    /// <summary>
    /// The leg an event is about, by Uniqueid or (for legs without a ChannelId) by channel name. Most events on a
    /// busy PBX are not ours, so the lookup reads the header's bytes without making a string of them.
    /// </summary>
    private AmiLeg? Find(AmiMessage message) =>
        Lookup(_byUniqueid, message, AmiHeaders.Uniqueid)
        ?? (_byChannel.Count > 0 ? Lookup(_byChannel, message, AmiHeaders.Channel) : null);

    private static AmiLeg? Lookup(Dictionary<string, AmiLeg> legs, AmiMessage message, string header)
    {
        var index = message.IndexOf(header);
        if (index < 0 || legs.Count == 0)
        {
            return null;
        }

        var bytes = message.ValueBytes(index);
        if (bytes.Length > MaxLookupLength || !System.Text.Ascii.IsValid(bytes))
        {
            return legs.GetValueOrDefault(message.GetValue(index));
        }

        Span<char> key = stackalloc char[bytes.Length];
        System.Text.Ascii.ToUtf16(bytes, key, out _);
        return legs.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var leg) ? leg : null;
    }
}
