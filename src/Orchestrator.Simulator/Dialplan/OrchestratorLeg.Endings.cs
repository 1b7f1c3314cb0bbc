using Orchestrator.Simulator.Engine;

namespace Orchestrator.Simulator.Dialplan;

/// <summary>How a leg ends: failures before answer, and the teardown of an answered leg, in the recordings' order.</summary>
internal abstract partial class OrchestratorLeg
{
    /// <summary>The call failed before answer: busy (17), congestion (34) or no answer at the ring timeout (19).</summary>
    protected void FailDialing(int cause, int reason, string dialStatus, string disposition)
    {
        var d = Dialplan!;
        var now = Core.Now;
        if (cause != HangupCauses.NoAnswer)
        {
            var signalled = Far ?? d;
            signalled.State = ChannelStates.Busy;
            Emit(ChannelEvents.Newstate(signalled));
            Emit(ChannelEvents.DeviceStateChange(d.Device, "BUSY"));
            Emit(ChannelEvents.DialEnd(null, d, dialStatus));
        }

        if (Far is { } far)
        {
            var farCause = cause;
            var oneCause = cause == HangupCauses.NoAnswer ? cause : HangupCauses.Unknown;
            Emit(ChannelEvents.HangupRequest(far, cause == HangupCauses.NoAnswer ? cause : HangupCauses.Unknown));
            Emit(ChannelEvents.SoftHangupRequest(far, HangupCauses.NormalClearing));
            Emit(CdrEvents.Cdr(far, now, disposition, far.Application, far.ApplicationData));
            Emit(ChannelEvents.Hangup(far, farCause));
            Emit(ChannelEvents.Hangup(d, oneCause));
            OriginateFailed(reason);
            Emit(ChannelEvents.DeviceStateChange(d.Device, "NOT_INUSE"));
            Emit(CdrEvents.Cel("HANGUP", far, now, extra: CdrEvents.HangupExtra(farCause, string.Empty)));
            Emit(CdrEvents.Cel("CHAN_END", far, now));
            Emit(CdrEvents.Cel("HANGUP", d, now, extra: CdrEvents.HangupExtra(oneCause, string.Empty)));
            Emit(CdrEvents.Cel("CHAN_END", d, now));
            Emit(CdrEvents.Cel("LINKEDID_END", d, now));
            Emit(CdrEvents.Cdr(d, now, disposition, d.Application, d.ApplicationData));
        }
        else
        {
            Emit(ChannelEvents.Hangup(d, cause));
            OriginateFailed(reason);
            Emit(ChannelEvents.DeviceStateChange(d.Device, "NOT_INUSE"));
            Emit(CdrEvents.Cel("HANGUP", d, now, extra: CdrEvents.HangupExtra(cause, string.Empty)));
            Emit(CdrEvents.Cel("CHAN_END", d, now));
            Emit(CdrEvents.Cel("LINKEDID_END", d, now));
            Emit(CdrEvents.Cdr(d, now, disposition, string.Empty, string.Empty));
        }

        End();
    }

    /// <summary>No channel could be created (reason 0): only the failed OriginateResponse.</summary>
    protected void FailUnavailable()
    {
        OriginateFailed(0);
        End();
    }

    /// <summary>
    /// The answered leg ends. <paramref name="farHungUp"/>: the phone hung up (the far half, or the network for
    /// PJSIP); otherwise the dialplan or a Hangup action ended the dialplan channel.
    /// </summary>
    protected void Teardown(bool farHungUp, int cause)
    {
        if (Ended || Dialplan is not { } d)
        {
            return;
        }

        CancelSteps();
        var now = Core.Now;
        var disposition = Answered ? "ANSWERED" : "NO ANSWER";
        if (Far is { } far)
        {
            if (farHungUp)
            {
                Emit(CdrEvents.Cdr(far, now, disposition, far.Application, far.ApplicationData));
                Emit(ChannelEvents.SoftHangupRequest(far, cause));
                Emit(ChannelEvents.HangupRequest(d, cause));
                Emit(ChannelEvents.Hangup(far, cause));
                LeaveConference();
                Emit(ChannelEvents.SoftHangupRequest(d, cause));
                RunHangupHandler(cause);
                Emit(ChannelEvents.Hangup(d, cause));
                Emit(CdrEvents.Cdr(d, now, disposition, d.Application, d.ApplicationData));
                Emit(CdrEvents.Cel("HANGUP", far, now, extra: CdrEvents.HangupExtra(cause, string.Empty)));
                Emit(CdrEvents.Cel("CHAN_END", far, now));
                Emit(CdrEvents.Cel("HANGUP", d, now, extra: CdrEvents.HangupExtra(cause, string.Empty)));
                Emit(CdrEvents.Cel("CHAN_END", d, now));
                Emit(CdrEvents.Cel("LINKEDID_END", d, now));
            }
            else
            {
                LeaveConference();
                Emit(ChannelEvents.SoftHangupRequest(d, cause));
                Emit(ChannelEvents.HangupRequest(far, cause));
                RunHangupHandler(cause);
                Emit(CdrEvents.Cdr(d, now, disposition, d.Application, d.ApplicationData));
                Emit(CdrEvents.Cdr(far, now, disposition, far.Application, far.ApplicationData));
                Emit(CdrEvents.Cel("HANGUP", far, now, extra: CdrEvents.HangupExtra(cause, string.Empty)));
                Emit(CdrEvents.Cel("CHAN_END", far, now));
                Emit(CdrEvents.Cel("HANGUP", d, now, extra: CdrEvents.HangupExtra(cause, "dialplan/builtin")));
                Emit(CdrEvents.Cel("CHAN_END", d, now));
                Emit(CdrEvents.Cel("LINKEDID_END", d, now));
                Emit(ChannelEvents.SoftHangupRequest(far, cause));
                Emit(ChannelEvents.Hangup(d, cause));
                Emit(ChannelEvents.Hangup(far, cause));
            }

            Emit(ChannelEvents.DeviceStateChange(d.Device, "NOT_INUSE"));
        }
        else
        {
            Emit(farHungUp ? ChannelEvents.HangupRequest(d, cause) : ChannelEvents.SoftHangupRequest(d, cause));
            LeaveConference();
            RunHangupHandler(cause);
            Emit(ChannelEvents.Hangup(d, cause));
            Emit(CdrEvents.Cdr(d, now, disposition, d.Application, d.ApplicationData));
            Emit(CdrEvents.Cel("HANGUP", d, now, extra: CdrEvents.HangupExtra(cause, farHungUp ? string.Empty : "dialplan/builtin")));
            Emit(CdrEvents.Cel("CHAN_END", d, now));
            Emit(CdrEvents.Cel("LINKEDID_END", d, now));
            Emit(ChannelEvents.DeviceStateChange(d.Device, "NOT_INUSE"));
        }

        if (!_originateAnswered)
        {
            // Hung up while still ringing: the Originate fails with reason 1 (hangup).
            OriginateFailed(1);
        }

        End();
    }

    private void RunHangupHandler(int cause)
    {
        if (!_hangupHandler)
        {
            return;
        }

        var d = Dialplan!;
        var (context, exten, priority, application, data) = (d.Context, d.Exten, d.Priority, d.Application, d.ApplicationData);
        Enter(KnownDialplan.HangupContext, "s");
        Exec(d, "1", "NoOp", $"ORCH leg {LegId} ended: {AmiEventBuilder.Int(cause)}");
        Exec(d, "2", "Return", string.Empty);
        (d.Context, d.Exten, d.Priority, d.Application, d.ApplicationData) = (context, exten, priority, application, data);
    }

    private void OriginateFailed(int reason)
    {
        _originateAnswered = true;
        if (Request.Async)
        {
            Emit(ChannelEvents.OriginateResponse(Request.ActionId, false, Request.Dial.Raw, Request.Context, Request.Exten, reason, Request.ChannelId ?? "<unknown>", Request.CallerIdNum ?? "<unknown>", Request.CallerIdName ?? "<unknown>"));
        }

        _completion?.TrySetResult(false);
    }

    private void End()
    {
        Ended = true;
        CancelSteps();
        Core.Unregister(this);
    }
}
