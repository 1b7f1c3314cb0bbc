using Orchestrator.Protocols.Ami;
using Orchestrator.Simulator.Engine;

namespace Orchestrator.Simulator.Lab;

/// <summary>
/// A call of the lab dialplan, replayed from its recording with this call's identifiers, on the recording's
/// timing. It ends by itself as recorded, or earlier when a Hangup action arrives.
/// </summary>
internal sealed class LabCall : ICallDriver
{
    private static readonly TimeSpan LongCallHold = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan ShortCallHold = TimeSpan.FromSeconds(8);

    private readonly SwitchCore _core;
    private readonly LabTemplate _template;
    private readonly OriginateRequest _request;
    private readonly LabCallRewriter _rewriter;
    private readonly TaskCompletionSource<bool>? _completion;
    private readonly List<ScheduledStep> _steps = [];
    private IReadOnlyList<TimedEvent> _teardown = [];
    private bool _responded;
    private bool _ending;
    private int? _causeOverride;

    private LabCall(SwitchCore core, LabTemplate template, OriginateRequest request, TaskCompletionSource<bool>? completion)
    {
        _core = core;
        _template = template;
        _request = request;
        _completion = completion;
        _rewriter = new LabCallRewriter(template, request, core.Ids, core.Now);
    }

    public LabTemplate Template => _template;

    /// <summary>Starts replaying. Call under the gate, after the Originate's response (if any) has been queued.</summary>
    /// <param name="completion">For a synchronous Originate: completed with success or failure when Asterisk would answer it.</param>
    public static LabCall Start(SwitchCore core, LabTemplate template, OriginateRequest request, TaskCompletionSource<bool>? completion)
    {
        var call = new LabCall(core, template, request, completion);
        core.Register(call);
        core.Counters.LabCall();
        call.Run();
        return call;
    }

    public bool Hangup(SimChannel channel, int cause)
    {
        BeginTeardown(_template.HangupActionCause is null ? null : cause);
        return true;
    }

    public string? Redirect(SimChannel channel, string context, string exten, string priority) =>
        "Redirect failed";

    public void Abandon()
    {
        _ending = true;
        CancelSteps();
        _completion?.TrySetResult(false);
    }

    private void Run()
    {
        foreach (var e in _rewriter.Shape(_template.Prelude, _request.Async))
        {
            _steps.Add(_core.Scheduler.After(e.Offset, () => Emit(e.Message)));
        }

        _teardown = _rewriter.Shape(_template.Teardown, _request.Async);
        if (NaturalTeardownAt() is { } end)
        {
            _steps.Add(_core.Scheduler.After(end, () => BeginTeardown(null)));
        }

        if (_completion is { } completion)
        {
            _core.Scheduler.After(_template.CompletesAt, () => completion.TrySetResult(_template.Succeeds));
        }
    }

    /// <summary>When the customer ends the call by itself, adjusted for this call's number and timeout.</summary>
    private TimeSpan? NaturalTeardownAt()
    {
        var behaviour = LabBehaviours.FromNumber(_request.Dial.LocalExten);
        var answered = _template.AnsweredAt ?? TimeSpan.FromSeconds(1);
        if (behaviour == LabBehaviour.NoAnswer && _template.NaturalTeardownAt is { } recorded)
        {
            return recorded - _template.RecordedTimeout + _request.Timeout;
        }

        if (behaviour == LabBehaviour.LongCall && _template.Behaviour != LabBehaviour.LongCall)
        {
            return answered + LongCallHold;
        }

        return _template.NaturalTeardownAt
            ?? (behaviour.Answers() ? answered + (behaviour == LabBehaviour.LongCall ? LongCallHold : ShortCallHold) : null);
    }

    private void BeginTeardown(int? cause)
    {
        if (_ending)
        {
            return;
        }

        _ending = true;
        _causeOverride = cause;
        CancelSteps();
        for (var i = 0; i < _teardown.Count; i++)
        {
            var e = _teardown[i];
            var last = i == _teardown.Count - 1;
            _steps.Add(_core.Scheduler.After(e.Offset, () =>
            {
                Emit(e.Message);
                if (last)
                {
                    Finish();
                }
            }));
        }

        if (_teardown.Count == 0)
        {
            Finish();
        }
    }

    private void Finish()
    {
        if (_request.Async && !_responded)
        {
            // Hung up before the recording's OriginateResponse: Asterisk reports the originate failed (hangup).
            var (name, num) = (_request.CallerIdName ?? "<unknown>", _request.CallerIdNum ?? "<unknown>");
            _core.Emit(ChannelEvents.OriginateResponse(_request.ActionId, false, _request.Dial.Raw, _request.Context, _request.Exten, 1, _request.ChannelId ?? "<unknown>", num, name), this);
        }

        _completion?.TrySetResult(false);
        _core.Unregister(this);
    }

    private void Emit(AmiMessage recorded)
    {
        if (recorded.EventName == "OriginateResponse")
        {
            _responded = true;
        }

        _core.Emit(_rewriter.Rewrite(recorded, _core.Now, _causeOverride), this);
    }

    private void CancelSteps()
    {
        foreach (var step in _steps)
        {
            step.Cancel();
        }

        _steps.Clear();
    }
}
