using Orchestrator.Simulator.Engine;

namespace Orchestrator.Simulator.Dialplan;

/// <summary>
/// One originated leg of the orchestrator dialplan: the channel that runs the dialplan (<see cref="Dialplan"/>:
/// the <c>;1</c> half of a Local channel, or a PJSIP channel) and, for Local, the far half (<see cref="Far"/>)
/// standing for the phone. It emits the events a real Asterisk 22 emits for each step, in the recordings' order.
/// </summary>
internal abstract partial class OrchestratorLeg : ICallDriver
{
    private readonly List<ScheduledStep> _steps = [];
    private readonly TaskCompletionSource<bool>? _completion;
    private bool _originateAnswered;
    private bool _hangupHandler;

    protected OrchestratorLeg(SwitchCore core, OriginateRequest request, TaskCompletionSource<bool>? completion)
    {
        Core = core;
        Request = request;
        _completion = completion;
    }

    protected SwitchCore Core { get; }

    protected OriginateRequest Request { get; }

    /// <summary>The channel that runs the dialplan (null until created).</summary>
    protected SimChannel? Dialplan { get; private set; }

    /// <summary>The <c>;2</c> half of a Local channel: the simulated phone.</summary>
    protected SimChannel? Far { get; private set; }

    protected bool Ended { get; private set; }

    protected bool Answered => Dialplan?.AnsweredAt is not null;

    /// <summary>The conference the dialplan channel is in, if any.</summary>
    protected SimBridge? Conference { get; private set; }

    /// <summary>ORCH_LEG, else the ChannelId, else the Uniqueid: what the dialplan prints.</summary>
    protected string LegId => Request.Variable("ORCH_LEG") ?? Request.ChannelId ?? Dialplan?.Uniqueid ?? string.Empty;

    public abstract bool Hangup(SimChannel channel, int cause);

    public abstract string? Redirect(SimChannel channel, string context, string exten, string priority);

    public void Abandon()
    {
        Ended = true;
        CancelSteps();
        _completion?.TrySetResult(false);
    }

    protected void After(TimeSpan delay, Action step) =>
        _steps.Add(Core.Scheduler.After(delay, () =>
        {
            if (!Ended)
            {
                step();
            }
        }));

    protected void CancelSteps()
    {
        foreach (var step in _steps)
        {
            step.Cancel();
        }

        _steps.Clear();
    }

    /// <summary>Creates the channel(s) and starts dialing: Newchannel, variables, caller ID, LocalBridge, DialBegin.</summary>
    protected void CreateChannels()
    {
        var dial = Request.Dial;
        var now = Core.Now;
        var sequence = Core.Ids.NextChannelSequence();
        var one = Request.ChannelId ?? Core.Ids.NextUniqueid();
        if (dial.IsLocal)
        {
            var two = Request.OtherChannelId ?? (Request.ChannelId is { } id ? id + ";2" : Core.Ids.NextUniqueid());
            Dialplan = NewChannel($"{dial.ChannelPrefix}-{sequence};1", one, one, now, ChannelStates.Down, dial.LocalContext, dial.LocalExten);
            Far = NewChannel($"{dial.ChannelPrefix}-{sequence};2", two, one, now, ChannelStates.Ring, dial.LocalContext, dial.LocalExten);
            Emit(CdrEvents.Cel("CHAN_START", Dialplan, now));
            Emit(ChannelEvents.Newchannel(Dialplan));
            Emit(CdrEvents.Cel("CHAN_START", Far, now));
            Emit(ChannelEvents.Newchannel(Far));
            Exec(Dialplan, "1", "AppDial2", "(Outgoing Line)");
            SetIdentity(Dialplan, reversedVariables: true, connectedAfterCallerId: true);
            SetIdentity(Far, reversedVariables: false, connectedAfterCallerId: false);
            Emit(ChannelEvents.LocalBridge(Dialplan, Far, dial.LocalContext, dial.LocalExten, !dial.NoOptimization));
        }
        else
        {
            Dialplan = NewChannel($"{dial.ChannelPrefix}-{sequence}", one, one, now, ChannelStates.Down, "default", string.Empty);
            Emit(CdrEvents.Cel("CHAN_START", Dialplan, now));
            Emit(ChannelEvents.Newchannel(Dialplan));
            SetIdentity(Dialplan, reversedVariables: false, connectedAfterCallerId: true);
        }

        Emit(ChannelEvents.DialBegin(null, Dialplan, dial.DialBeginString));
    }

    /// <summary>The phone rings: the dialplan channel goes Ringing.</summary>
    protected void Ring()
    {
        var d = Dialplan!;
        d.State = ChannelStates.Ringing;
        Emit(ChannelEvents.Newstate(d));
        Emit(ChannelEvents.DeviceStateChange(d.Device, "RINGING"));
        Emit(ChannelEvents.DialState(null, d, "RINGING"));
    }

    /// <summary>The phone answers: both halves Up, the Originate succeeds, the dialplan channel enters the Originate's context.</summary>
    protected void Answer()
    {
        var d = Dialplan!;
        var now = Core.Now;
        if (Far is { } far)
        {
            Emit(CdrEvents.Cel("ANSWER", d, now));
            far.Application = "Answer";
            far.ApplicationData = string.Empty;
            far.AnsweredAt = now;
            Emit(CdrEvents.Cel("ANSWER", far, now));
            far.State = ChannelStates.Up;
            Emit(ChannelEvents.Newstate(far));
        }
        else
        {
            Emit(CdrEvents.Cel("ANSWER", d, now));
        }

        d.State = ChannelStates.Up;
        d.AnsweredAt = now;
        Emit(ChannelEvents.Newstate(d));
        Emit(ChannelEvents.DeviceStateChange(d.Device, "INUSE"));
        _originateAnswered = true;
        if (Request.Async)
        {
            Emit(ChannelEvents.OriginateResponse(Request.ActionId, true, d.Name, Request.Context, Request.Exten, 4, d.Uniqueid, Request.CallerIdNum ?? "<unknown>", Request.CallerIdName ?? "<unknown>"));
        }

        Emit(ChannelEvents.DialEnd(null, d, "ANSWER"));
        _completion?.TrySetResult(true);
        d.Context = Request.Context;
        d.Exten = Request.Exten;
    }

    /// <summary>Runs one dialplan priority on the dialplan channel (a Newexten).</summary>
    protected void Exec(string priority, string application, string data) => Exec(Dialplan!, priority, application, data);

    /// <summary>The dialplan channel continues in <paramref name="context"/>, <paramref name="exten"/>.</summary>
    protected void Enter(string context, string exten)
    {
        Dialplan!.Context = context;
        Dialplan.Exten = exten;
    }

    /// <summary><c>Set(CHANNEL(hangup_handler_push)=orchestrator-hangup,s,1)</c>: the handler runs when the channel hangs up.</summary>
    protected void PushHangupHandler() => _hangupHandler = true;

    protected void SetVariable(string name, string value)
    {
        Dialplan!.SetVariable(name, value);
        Emit(ChannelEvents.VarSet(Dialplan, name, value));
    }

    protected void Emit(Protocols.Ami.AmiMessage message) => Core.Emit(message, this);

    private void Exec(SimChannel channel, string priority, string application, string data)
    {
        channel.Priority = priority;
        channel.Application = application;
        channel.ApplicationData = data;
        Emit(ChannelEvents.Newexten(channel));
    }

    private SimChannel NewChannel(string name, string uniqueid, string linkedid, DateTimeOffset now, int state, string context, string exten)
    {
        var channel = new SimChannel(name, uniqueid, linkedid, now, this) { State = state, Context = context, Exten = exten };
        Core.Channels.Add(channel);
        return channel;
    }

    private void SetIdentity(SimChannel channel, bool reversedVariables, bool connectedAfterCallerId)
    {
        var variables = reversedVariables ? Request.Variables.Reverse() : Request.Variables;
        foreach (var (name, value) in variables)
        {
            channel.SetVariable(name, value);
            Emit(ChannelEvents.VarSet(channel, name, value));
        }

        void Account()
        {
            if (Request.Account.Length > 0)
            {
                var old = channel.AccountCode;
                channel.AccountCode = Request.Account;
                Emit(ChannelEvents.NewAccountCode(channel, old));
            }
        }

        if (connectedAfterCallerId)
        {
            Account();
        }

        if (Request.HasCallerId)
        {
            channel.CallerIdNum = Request.CallerIdNum ?? "<unknown>";
            channel.CallerIdName = Request.CallerIdName ?? "<unknown>";
            channel.Ani = connectedAfterCallerId ? Request.CallerIdNum ?? string.Empty : string.Empty;
            Emit(ChannelEvents.NewCallerid(channel));
        }

        if (!connectedAfterCallerId)
        {
            Account();
        }

        if (Request.HasCallerId)
        {
            channel.ConnectedLineNum = channel.CallerIdNum;
            channel.ConnectedLineName = channel.CallerIdName;
            Emit(ChannelEvents.NewConnectedLine(channel));
        }
    }
}
