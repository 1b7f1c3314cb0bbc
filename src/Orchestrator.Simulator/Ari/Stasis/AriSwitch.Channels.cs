using Orchestrator.Simulator.Engine;
using Orchestrator.Simulator.Lab;

namespace Orchestrator.Simulator.Ari.Stasis;

internal sealed partial class AriSwitch
{
    private static readonly string[] KnownTechnologies = ["Local", "PJSIP", "SIP", "IAX2", "DAHDI"];

    /// <summary>
    /// <c>POST /channels</c> (dials at once; the channel enters the app when answered) or, with
    /// <paramref name="createOnly"/>, <c>POST /channels/create</c> (in the app at once, dialed by <see cref="StartDial"/>).
    /// </summary>
    public StasisError? Originate(OriginateSpec spec, bool createOnly, out StasisChannel? channel)
    {
        channel = null;
        if (spec.Endpoint.Length == 0)
        {
            return new StasisError(400, "Bad Request", "Endpoint must be specified");
        }

        var toApp = !string.IsNullOrEmpty(spec.Application);
        if (createOnly && !toApp)
        {
            return new StasisError(400, "Bad Request", "Application must be specified");
        }

        if (!toApp && string.IsNullOrEmpty(spec.Extension) && string.IsNullOrEmpty(spec.Context))
        {
            return new StasisError(400, "Bad Request", "Application or extension must be specified");
        }

        if (DialString.Parse(spec.Endpoint) is not { } dial)
        {
            return new StasisError(400, "Bad Request", "Invalid endpoint specified");
        }

        var id = string.IsNullOrEmpty(spec.ChannelId) ? NextUniqueId() : spec.ChannelId;
        var otherId = string.IsNullOrEmpty(spec.OtherChannelId) ? NextUniqueId() : spec.OtherChannelId;
        if (_byId.ContainsKey(id) || (dial.IsLocal && _byId.ContainsKey(otherId)))
        {
            return new StasisError(409, "Conflict", "Channel with given unique ID already exists");
        }

        if (!toApp && !AriDialplan.Exists(spec.Context ?? "default", spec.Extension ?? "s"))
        {
            return new StasisError(400, "Bad Request", "Extension does not exist");
        }

        if (Classify(dial, spec) is not { } party)
        {
            // Asterisk's own words when it cannot allocate the channel (unknown technology, no such Local extension).
            return new StasisError(500, "Internal Server Error", "Allocation failed") { ErrorField = true };
        }

        var sequence = NextSequence();
        var (callerName, callerNumber) = spec.ParsedCallerId();
        var first = new StasisChannel(id, dial.IsLocal ? $"{dial.ChannelPrefix}-{sequence};1" : $"{dial.ChannelPrefix}-{sequence}", Now);
        var location = dial.IsLocal ? (dial.LocalContext, dial.LocalExten) : ("default", "s");
        first.Locate(location.Item1, location.Item2, 1, createOnly ? string.Empty : "AppDial2", createOnly ? string.Empty : "(Outgoing Line)");
        StasisChannel? second = null;
        if (dial.IsLocal)
        {
            second = new StasisChannel(otherId, $"{dial.ChannelPrefix}-{sequence};2", Now) { State = "Ring", LocalPeer = first };
            second.Locate(location.Item1, location.Item2, 1, string.Empty, string.Empty);
            first.LocalPeer = second;
        }

        foreach (var half in new[] { first, second })
        {
            if (half is null)
            {
                continue;
            }

            half.CallerName = half.ConnectedName = callerName;
            half.CallerNumber = half.ConnectedNumber = callerNumber;
            foreach (var (name, value) in spec.Variables)
            {
                half.SetVariable(name, value);
            }

            Add(half);
        }

        first.Party = party;
        if (party.IsAgent)
        {
            Counters.AgentLeg();
        }

        var timeout = spec.TimeoutSeconds < 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(spec.TimeoutSeconds == 0 ? 30 : spec.TimeoutSeconds);
        var target = createOnly ? null : new AnswerTarget(spec.Application, spec.AppArgs, spec.Context, spec.Extension, spec.Priority ?? 1);
        first.Dial = new OutboundDial(this, first, dial.DialBeginString, timeout, target) { FarEnd = FarEnd(dial, party, second, timeout) };
        channel = first;

        if (createOnly)
        {
            first.Subscribe(spec.Application!);
            foreach (var (name, value) in spec.Variables.Reverse())
            {
                Varset(first, name, value);
            }

            var appData = StasisAppData(spec.Application!, spec.AppArgs);
            ExecuteStep(first, new DialplanStep(first.Context, first.Exten, first.Priority, StepKind.Stasis, "Stasis", appData), appData);
            EnterStasis(first, spec.Application!, spec.AppArgs);
            return null;
        }

        if (toApp)
        {
            first.Subscribe(spec.Application!);
            second?.Subscribe(spec.Application!);
        }

        var shown = second ?? first;
        foreach (var (name, value) in spec.Variables.Reverse())
        {
            Varset(shown, name, value);
        }

        if (second is not null && spec.CallerId is not null)
        {
            CallerIdEvents(second);
        }

        first.Dial.Start();
        return null;
    }

    /// <summary><c>POST /channels/{id}/dial</c>: a channel made with <c>/channels/create</c> dials its endpoint.</summary>
    public static StasisError? StartDial(StasisChannel channel, int? timeoutSeconds)
    {
        if (channel.StasisApp is null)
        {
            return StasisError.NotInStasis;
        }

        if (channel.Dial is not { IsOriginate: false, Finished: false } dial || channel.DialStarted)
        {
            return new StasisError(409, "Conflict", "Channel is not in a state to dial");
        }

        channel.DialStarted = true;
        if (timeoutSeconds is { } seconds && seconds >= 0)
        {
            dial.Timeout = seconds == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(seconds);
        }

        dial.Start();
        return null;
    }

    /// <summary>The dialed party answered: into the app, or into the dialplan the originate named.</summary>
    public void DialAnswered(StasisChannel channel, AnswerTarget? target)
    {
        if (channel.Party is { } party)
        {
            if (party.IsMachine)
            {
                Counters.Machine();
            }
            else if (!party.IsAgent)
            {
                Counters.Live();
            }

            party.Answered(this, channel);
        }

        if (target is null)
        {
            return;
        }

        if (target.Application is { } application)
        {
            channel.AppName = "Stasis";
            channel.AppData = StasisAppData(application, target.Args);
            if (!EnterStasis(channel, application, target.Args))
            {
                TearDown(channel, 16, request: null, PeerHangup.Full);
            }

            return;
        }

        RunContext(channel, target.Context ?? "default", target.Exten ?? "s", target.Priority);
    }

    public void DialFailed(StasisChannel channel, string status)
    {
        switch (status)
        {
            case "BUSY":
                Counters.BusySignal();
                break;
            case "CONGESTION":
                Counters.Congested();
                break;
            default:
                Counters.Unreachable();
                break;
        }
    }

    /// <summary>app_amd decided: AMDSTATUS and AMDCAUSE on the channel.</summary>
    public void AmdDecided(StasisChannel channel)
    {
        var machine = channel.Party?.AmdVerdict.Machine ?? false;
        Counters.AmdVerdict(machine);
        Varset(channel, "AMDSTATUS", machine ? "MACHINE" : "HUMAN");
        Varset(channel, "AMDCAUSE", machine ? "LONGGREETING-1500-1500" : "HUMAN-803-800");
    }

    /// <summary>Stasis(app,args) in the dialplan. False when the application is not registered (the dialplan goes on).</summary>
    public bool EnterStasisFromDialplan(StasisChannel channel, string data, DialplanRunner runner)
    {
        var parts = data.Split(',');
        channel.Runner = runner;
        return EnterStasis(channel, parts[0], parts[1..]);
    }

    /// <summary><c>POST /channels/{id}/continue</c>: out of the app, back into the dialplan.</summary>
    public StasisError? Continue(StasisChannel channel, string? context, string? exten, long? priority)
    {
        if (channel.StasisApp is null)
        {
            return StasisError.NotInStasis;
        }

        Counters.Continued();
        if (channel.Bridge is { } bridge)
        {
            LeaveBridge(channel, bridge);
        }

        channel.StasisApp = null;
        channel.AppName = channel.AppData = string.Empty;
        ChannelEvent(channel, "StasisEnd");
        if (!string.IsNullOrEmpty(context) || !string.IsNullOrEmpty(exten))
        {
            RunContext(channel, string.IsNullOrEmpty(context) ? channel.Context : context, string.IsNullOrEmpty(exten) ? channel.Exten : exten, priority ?? 1);
        }
        else if (channel.Runner is { } runner)
        {
            runner.ResumeAfterStasis();
        }
        else
        {
            // An originate into the app has no dialplan to go back to: the channel hangs up.
            TearDown(channel, 16, request: null, PeerHangup.Full);
        }

        return null;
    }

    /// <summary><c>POST /channels/{id}/answer</c>.</summary>
    public StasisError? Answer(StasisChannel channel)
    {
        if (channel.StasisApp is null)
        {
            return StasisError.NotInStasis;
        }

        SetState(channel, "Up");
        return null;
    }

    /// <summary><c>DELETE /channels/{id}</c>: a soft hangup request (cause 32), then the channel goes with <paramref name="cause"/>.</summary>
    public void HangupByRequest(StasisChannel channel, int cause)
    {
        Counters.HangupRequested();
        TearDown(channel, cause, new HangupRequest(32, Soft: true), PeerHangup.Full);
    }

    /// <summary>The party at the far end of <paramref name="channel"/> hung up.</summary>
    public void HangupFromFarEnd(StasisChannel channel, int cause) =>
        TearDown(channel, cause, new HangupRequest(cause, Soft: false), PeerHangup.Initiator);

    /// <summary>Hangup() in a channel's dialplan; a runner without a channel is a far end the simulator plays.</summary>
    public void HangupFromDialplan(StasisChannel? channel, int cause, OutboundDial? dial)
    {
        if (channel is null)
        {
            if (dial?.Caller is { Gone: false } caller)
            {
                HangupFromFarEnd(caller, cause);
            }

            return;
        }

        if (channel.Name.EndsWith(";2", StringComparison.Ordinal) && channel.LocalPeer is { Gone: false } first)
        {
            // The far end of the ;1 half hung up.
            first.Dial?.Cancel();
            TearDown(first, cause, new HangupRequest(cause, Soft: false), PeerHangup.Initiator);
            return;
        }

        TearDown(channel, cause, request: null, PeerHangup.Full);
    }

    /// <summary>
    /// The channel goes: the hangup request (if any), out of its bridge, StasisEnd, STASISSTATUS, the other Local half's
    /// requests, ChannelDestroyed with its cause; then the other half, and the snoops on it.
    /// </summary>
    public void TearDown(StasisChannel channel, int cause, HangupRequest? request, PeerHangup peerMode)
    {
        if (channel.Gone)
        {
            return;
        }

        channel.Gone = true;
        StopActivity(channel);
        if (request is not null)
        {
            HangupRequestEvent(channel, request);
        }

        LeaveEverything(channel);
        var peer = channel.LocalPeer is { Gone: false } other ? other : null;
        if (peer is not null && peerMode == PeerHangup.Full)
        {
            HangupRequestEvent(peer, new HangupRequest(cause, Soft: false));
        }

        DestroyedEvent(channel, channel.OwnCause ?? cause);
        Remove(channel);
        if (peer is not null)
        {
            peer.Gone = true;
            StopActivity(peer);
            if (peerMode != PeerHangup.Initiator)
            {
                HangupRequestEvent(peer, new HangupRequest(16, Soft: true));
            }

            LeaveEverything(peer);
            DestroyedEvent(peer, peer.OwnCause ?? cause);
            Remove(peer);
        }

        foreach (var snoop in _channels.Where(c => c.SnoopTarget == channel || (peer is not null && c.SnoopTarget == peer)).ToList())
        {
            TearDown(snoop, 16, request: null, PeerHangup.Full);
        }
    }

    private void StopActivity(StasisChannel channel)
    {
        channel.Dial?.Cancel();
        channel.Runner?.Stop();
        channel.Party?.Cancel();
        foreach (var playback in _playbacks.Values.Where(p => p.Channel == channel).ToList())
        {
            FinishPlayback(playback);
        }
    }

    private void LeaveEverything(StasisChannel channel)
    {
        if (channel.Bridge is { } bridge)
        {
            LeaveBridge(channel, bridge);
        }

        foreach (var recording in _liveRecordings.Values.Where(r => r.Channel == channel).ToList())
        {
            FinishRecording(recording, "done", keep: true);
        }

        if (channel.StasisApp is not null)
        {
            channel.StasisApp = null;
            ChannelEvent(channel, "StasisEnd");
        }

        if (channel.WasInStasis)
        {
            Varset(channel, "STASISSTATUS", "SUCCESS");
        }
    }

    /// <summary>Enters <paramref name="application"/>: STASISSTATUS, then StasisStart. False (STASISSTATUS=FAILED) when the app is not registered.</summary>
    public bool EnterStasis(StasisChannel channel, string application, IReadOnlyList<string> args)
    {
        if (!_sink.IsRegistered(application))
        {
            Varset(channel, "STASISSTATUS", "FAILED");
            return false;
        }

        Varset(channel, "STASISSTATUS", string.Empty);
        channel.Subscribe(application);
        channel.StasisApp = application;
        channel.WasInStasis = true;
        StasisStartEvent(channel, args);
        return true;
    }

    private void RunContext(StasisChannel channel, string context, string exten, long priority)
    {
        var amd = channel.Party?.AmdVerdict.Seconds ?? 2.0;
        var talk = channel.Party?.TalkSeconds ?? 5;
        var steps = AriDialplan.Context(context, exten, priority, amd, talk);
        if (steps.Count == 0)
        {
            TearDown(channel, 16, request: null, PeerHangup.Full);
            return;
        }

        if (context == AriDialplan.TransferContext)
        {
            channel.Party?.Cancel(); // the transferred call lasts what the transfer step says
        }

        var runner = new DialplanRunner(this, channel, steps);
        channel.Runner = runner;
        runner.Start();
    }

    private static string StasisAppData(string application, IReadOnlyList<string> args) =>
        args.Count == 0 ? application : $"{application},{string.Join(',', args)}";

    private void Add(StasisChannel channel)
    {
        _channels.Add(channel);
        _byId[channel.Id] = channel;
    }

    private void Remove(StasisChannel channel)
    {
        _channels.Remove(channel);
        _byId.Remove(channel.Id);
    }

    /// <summary>Who answers a dial string, or null when Asterisk could not even create the channel.</summary>
    private FarParty? Classify(DialString dial, OriginateSpec spec)
    {
        if (!KnownTechnologies.Contains(dial.Technology, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        if (dial.IsLocal)
        {
            return dial.LocalContext switch
            {
                AriDialplan.SimCustomers => FarParty.LabCustomer(LabBehaviours.FromNumber(dial.LocalExten)),
                AriDialplan.SimAgents => FarParty.Agent(),
                _ => null,
            };
        }

        if (!dial.Resource.Contains('@', StringComparison.Ordinal))
        {
            return FarParty.Agent();
        }

        // The lead's index picks its customer (common random numbers); without one, customers are numbered in dial order.
        var lead = spec.Variables.LastOrDefault(v => v.Key == "ORCH_LEAD_INDEX").Value is { } text
            && long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var index)
                ? index
                : NextCustomerIndex();
        return FarParty.Customer(Options.Outcomes.Draw(lead, Now - StartedAt));
    }

    /// <summary>The far end of a dial: the ;2 half's dialplan for a Local channel, or the simulator playing the remote party.</summary>
    private DialplanRunner FarEnd(DialString dial, FarParty party, StasisChannel? second, TimeSpan timeout)
    {
        if (second is not null)
        {
            var steps = party.IsAgent
                ? AriDialplan.LabAgent(dial.LocalExten, Options.AgentAnswerDelay)
                : AriDialplan.LabCustomer(dial.LocalExten, NextRandom(2, 8));
            var runner = new DialplanRunner(this, second, steps);
            second.Runner = runner;
            return runner;
        }

        if (party.IsAgent)
        {
            return new DialplanRunner(this, null, AriDialplan.Remote(0, Options.AgentAnswerDelay.TotalSeconds, null));
        }

        var outcome = party.Outcome!;
        return new DialplanRunner(this, null, outcome.Class switch
        {
            Outcomes.OutcomeClass.Busy => AriDialplan.Remote(outcome.SignalSeconds, null, StepKind.Busy),
            Outcomes.OutcomeClass.Failed => AriDialplan.Remote(outcome.SignalSeconds, null, outcome.FailureIsCongestion ? StepKind.Congestion : StepKind.Unavailable),
            Outcomes.OutcomeClass.NoAnswer => AriDialplan.Remote(0, null, null),
            _ when timeout > TimeSpan.Zero && outcome.PickupSeconds >= timeout.TotalSeconds => AriDialplan.Remote(0, null, null),
            _ => AriDialplan.Remote(0, outcome.PickupSeconds, null),
        });
    }
}
