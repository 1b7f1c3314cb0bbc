using System.Text.RegularExpressions;
using Orchestrator.Simulator.Engine;

namespace Orchestrator.Simulator.Ari.Stasis;

/// <summary>
/// Runs dialplan priorities on one channel, one after the other, each timed step on the switch's scheduler. A
/// runner without a channel plays a far end the simulator does not show (a trunk customer, a SIP phone). Under the gate.
/// </summary>
internal sealed partial class DialplanRunner
{
    private readonly AriSwitch _switch;
    private readonly StasisChannel? _channel;
    private readonly IReadOnlyList<DialplanStep> _steps;
    private ScheduledStep? _pending;
    private int _index;
    private bool _stopped;

    public DialplanRunner(AriSwitch owner, StasisChannel? channel, IReadOnlyList<DialplanStep> steps)
    {
        _switch = owner;
        _channel = channel;
        _steps = steps;
    }

    /// <summary>The dial this far end answers, refuses or lets ring.</summary>
    public OutboundDial? Dial { get; set; }

    public void Start() => RunFrom(0);

    /// <summary>The channel came back from Stasis (<c>continue</c> without a location): the next priority runs.</summary>
    public void ResumeAfterStasis() => RunFrom(_index + 1);

    public void Stop()
    {
        _stopped = true;
        _pending?.Cancel();
    }

    private void RunFrom(int index)
    {
        for (var i = index; i < _steps.Count; i++)
        {
            if (_stopped || _channel is { Gone: true })
            {
                return;
            }

            _index = i;
            var step = _steps[i];
            _channel?.Locate(step.Context, step.Exten, step.Priority, step.App, step.Data);
            var data = Expand(step.Data);
            if (_channel is not null)
            {
                _switch.ExecuteStep(_channel, step, data);
            }

            var next = i + 1;
            switch (step.Kind)
            {
                case StepKind.Exec:
                    continue;

                case StepKind.Ringing:
                    Dial?.FarRinging();
                    continue;

                case StepKind.Answer:
                    if (_channel is not null)
                    {
                        _switch.SetState(_channel, "Up");
                    }

                    Dial?.FarAnswered();
                    continue;

                case StepKind.Wait or StepKind.Talk:
                    After(step.Seconds, () => RunFrom(next));
                    return;

                case StepKind.Playback:
                    After(_switch.SoundDuration(data).TotalSeconds, () =>
                    {
                        if (_channel is not null)
                        {
                            _switch.Varset(_channel, "PLAYBACKSTATUS", "SUCCESS");
                        }

                        RunFrom(next);
                    });
                    return;

                case StepKind.Busy or StepKind.Congestion or StepKind.Unavailable:
                    if (_channel is not null)
                    {
                        _channel.OwnCause = step.Cause;
                        if (step.Kind == StepKind.Busy)
                        {
                            _switch.SetState(_channel, "Busy");
                        }
                    }

                    Dial?.FarFailed(step.Kind switch { StepKind.Busy => "BUSY", StepKind.Congestion => "CONGESTION", _ => "CHANUNAVAIL" }, step.Cause);
                    After(step.Seconds, () => _switch.HangupFromDialplan(_channel, step.Cause, Dial));
                    return;

                case StepKind.Hangup:
                    _switch.HangupFromDialplan(_channel, step.Cause, Dial);
                    return;

                case StepKind.Echo:
                    return;

                case StepKind.Amd:
                    After(step.Seconds, () =>
                    {
                        if (_channel is not null)
                        {
                            _switch.AmdDecided(_channel);
                        }

                        RunFrom(next);
                    });
                    return;

                case StepKind.Stasis:
                    if (_channel is not null && _switch.EnterStasisFromDialplan(_channel, data, this))
                    {
                        return; // resumes after continue
                    }

                    continue;
            }
        }
    }

    private void After(double seconds, Action step) =>
        _pending = _switch.Scheduler.After(TimeSpan.FromSeconds(Math.Max(0, seconds)), () =>
        {
            if (!_stopped && _channel is not { Gone: true })
            {
                step();
            }
        });

    /// <summary>${VAR} and ${EXTEN} from the channel.</summary>
    private string Expand(string data) =>
        _channel is null || !data.Contains("${", StringComparison.Ordinal)
            ? data
            : Variable().Replace(data, m => m.Groups[1].Value == "EXTEN" ? _channel.Exten : _channel.GetVariable(m.Groups[1].Value) ?? string.Empty);

    [GeneratedRegex(@"\$\{([A-Za-z0-9_]+)\}", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex Variable();
}
