using Orchestrator.Simulator.Engine;

namespace Orchestrator.Simulator.Ari.Stasis;

/// <summary>Where an answered originate goes: into a Stasis application, or to a dialplan location.</summary>
internal sealed record AnswerTarget(string? Application, IReadOnlyList<string> Args, string? Context, string? Exten, long Priority);

/// <summary>
/// A channel dialing its far end: <c>POST /channels</c> (the originate), or <c>POST /channels/{id}/dial</c> of a
/// channel made with <c>/channels/create</c>. Progress reaches the app as Dial events (peer = the channel) and
/// ChannelStateChange; the far end (a <see cref="DialplanRunner"/>) decides what happens. Under the gate.
/// </summary>
internal sealed class OutboundDial
{
    private readonly AriSwitch _switch;
    private readonly StasisChannel _caller;
    private readonly string _dialString;
    private readonly AnswerTarget? _target;
    private ScheduledStep? _timer;

    /// <param name="target">For an originate: where the answered channel goes. Null for <c>/dial</c> (the channel is already in Stasis).</param>
    public OutboundDial(AriSwitch owner, StasisChannel caller, string dialString, TimeSpan timeout, AnswerTarget? target)
    {
        _switch = owner;
        _caller = caller;
        _dialString = dialString;
        Timeout = timeout;
        _target = target;
    }

    public StasisChannel Caller => _caller;

    /// <summary>How long the far end may ring; zero: forever. <c>/dial?timeout=</c> sets it before <see cref="Start"/>.</summary>
    public TimeSpan Timeout { get; set; }

    public DialplanRunner? FarEnd { get; set; }

    public bool Finished { get; private set; }

    /// <summary>True for <c>POST /channels</c>: a failed or unanswered dial hangs the channel up.</summary>
    public bool IsOriginate => _target is not null;

    public void Start()
    {
        _switch.DialEvent(_caller, string.Empty, _dialString);
        if (Timeout > TimeSpan.Zero)
        {
            _timer = _switch.Scheduler.After(Timeout, TimedOut);
        }

        if (FarEnd is { } far)
        {
            far.Dial = this;
            far.Start();
        }
    }

    public void FarRinging()
    {
        if (Finished || _caller.State is "Ringing" or "Up")
        {
            return;
        }

        _switch.SetState(_caller, "Ringing");
        _switch.DialEvent(_caller, "RINGING", _dialString);
    }

    public void FarAnswered()
    {
        if (Finished)
        {
            return;
        }

        Finish();
        _switch.SetState(_caller, "Up");
        _switch.DialEvent(_caller, "ANSWER", _dialString);
        _switch.DialAnswered(_caller, _target);
    }

    /// <summary>BUSY, CONGESTION or CHANUNAVAIL, with the far end's cause.</summary>
    public void FarFailed(string status, int cause)
    {
        if (Finished)
        {
            return;
        }

        Finish();
        _switch.DialFailed(_caller, status);
        _switch.DialEvent(_caller, status, _dialString);
        if (IsOriginate)
        {
            // The originate gives up: a Local ;1 ends with cause 0 (its ;2 keeps the real cause), a SIP channel with the far end's.
            _switch.TearDown(_caller, _caller.LocalPeer is null ? cause : 0, request: null, PeerHangup.Full);
        }

        // After /dial the channel stays in Stasis: Asterisk leaves it to the application to hang up.
    }

    /// <summary>The caller is going away: stop everything still pending.</summary>
    public void Cancel()
    {
        Finish();
        FarEnd?.Stop();
    }

    private void TimedOut()
    {
        if (Finished)
        {
            return;
        }

        Finish();
        _switch.Counters.Unanswered();
        if (IsOriginate)
        {
            _switch.TearDown(_caller, 19, new HangupRequest(19, Soft: false), PeerHangup.SoftOnly);
        }
        else
        {
            _switch.TearDown(_caller, 19, new HangupRequest(32, Soft: true), PeerHangup.Full);
        }
    }

    private void Finish()
    {
        Finished = true;
        _timer?.Cancel();
    }
}
