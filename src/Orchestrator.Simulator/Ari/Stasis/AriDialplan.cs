using System.Globalization;
using Orchestrator.Simulator.Lab;

namespace Orchestrator.Simulator.Ari.Stasis;

/// <summary>What one dialplan priority does in the simulation.</summary>
internal enum StepKind
{
    /// <summary>NoOp, Goto, Set: only the ChannelDialplan event.</summary>
    Exec,
    Ringing,
    Answer,
    Wait,
    Playback,
    Busy,
    Congestion,

    /// <summary>The far end cannot be reached (no ChannelDialplan: only for channels the simulator plays itself).</summary>
    Unavailable,
    Hangup,

    /// <summary>Echo(): stays until hung up.</summary>
    Echo,

    /// <summary>AMD(): after <see cref="DialplanStep.Seconds"/>, AMDSTATUS and AMDCAUSE are set.</summary>
    Amd,

    /// <summary>Stasis(app,args): the channel enters the application; the dialplan resumes after <c>continue</c>.</summary>
    Stasis,

    /// <summary>Dial() of a transfer: the customer talks there for <see cref="DialplanStep.Seconds"/>.</summary>
    Talk,
}

/// <summary>One priority: where it is, the application and data it shows in ChannelDialplan, what it does.</summary>
internal sealed record DialplanStep(string Context, string Exten, long Priority, StepKind Kind, string App, string Data, double Seconds = 0, int Cause = 0);

/// <summary>
/// The dialplan the simulated Asterisk runs: the lab's <c>sim-customers</c>/<c>sim-behaviour</c>/<c>sim-agents</c> and
/// <c>outbound-message</c> (verbatim in <c>tests/fixtures/asterisk/README.md</c>), and the ARI contexts of
/// <c>asterisk-conf/extensions_orchestrator.conf</c>.
/// </summary>
internal static class AriDialplan
{
    public const string SimCustomers = "sim-customers";
    public const string SimAgents = "sim-agents";
    public const string AmdContext = "orchestrator-ari-amd";
    public const string TransferContext = "orchestrator-transfer";
    public const string OutboundMessage = "outbound-message";

    /// <summary>The Stasis application <c>orchestrator-ari-amd</c> names (the conf file's literal).</summary>
    public const string AmdApplication = "orchestrator";

    /// <summary>The <c>;2</c> half of <c>Local/&lt;number&gt;@sim-customers</c>: the last digit decides.</summary>
    public static List<DialplanStep> LabCustomer(string number, int randomWait)
    {
        var digit = number.Length == 0 ? "0" : number[^1..];
        var steps = new List<DialplanStep>
        {
            new(SimCustomers, number, 1, StepKind.Exec, "NoOp", $"SIM customer {number} behaviour={digit}"),
            new(SimCustomers, number, 2, StepKind.Exec, "Goto", $"sim-behaviour,{digit},1"),
        };
        var p = 1L;
        void Add(StepKind kind, string app, string data, double seconds = 0, int cause = 0) =>
            steps.Add(new DialplanStep("sim-behaviour", digit, p++, kind, app, data, seconds, cause));

        switch (LabBehaviours.FromNumber(number))
        {
            case LabBehaviour.ShortCall or LabBehaviour.LongCall:
                var longCall = LabBehaviours.FromNumber(number) == LabBehaviour.LongCall;
                Add(StepKind.Exec, "NoOp", longCall ? "SIM: human answers, long call" : "SIM: human answers, short call");
                Add(StepKind.Ringing, "Ringing", string.Empty);
                Add(StepKind.Wait, "Wait", "1", 1);
                Add(StepKind.Answer, "Answer", string.Empty);
                Add(StepKind.Playback, "Playback", "hello");
                Add(StepKind.Playback, "Playback", "silence/2");
                var wait = longCall ? 120 : randomWait;
                Add(StepKind.Wait, "Wait", wait.ToString(CultureInfo.InvariantCulture), wait);
                Add(StepKind.Hangup, "Hangup", "16", cause: 16);
                break;
            case LabBehaviour.Busy:
                Add(StepKind.Exec, "NoOp", "SIM: busy");
                Add(StepKind.Wait, "Wait", "0.5", 0.5);
                Add(StepKind.Busy, "Busy", "20", 20, 17);
                break;
            case LabBehaviour.NoAnswer:
                Add(StepKind.Exec, "NoOp", "SIM: rings, never answers");
                Add(StepKind.Ringing, "Ringing", string.Empty);
                Add(StepKind.Wait, "Wait", "90", 90);
                Add(StepKind.Hangup, "Hangup", "19", cause: 19);
                break;
            case LabBehaviour.Congestion:
                Add(StepKind.Exec, "NoOp", "SIM: congestion / network failure");
                Add(StepKind.Wait, "Wait", "0.5", 0.5);
                Add(StepKind.Congestion, "Congestion", "20", 20, 34);
                break;
            default:
                Add(StepKind.Exec, "NoOp", "SIM: answering machine");
                Add(StepKind.Ringing, "Ringing", string.Empty);
                Add(StepKind.Wait, "Wait", "2", 2);
                Add(StepKind.Answer, "Answer", string.Empty);
                Add(StepKind.Playback, "Playback", "vm-intro");
                Add(StepKind.Playback, "Playback", "beep");
                Add(StepKind.Wait, "Wait", "20", 20);
                Add(StepKind.Hangup, "Hangup", "16", cause: 16);
                break;
        }

        return steps;
    }

    /// <summary>The <c>;2</c> half of <c>Local/20XX@sim-agents</c>: rings, answers, says "agent logged in", echoes.</summary>
    public static List<DialplanStep> LabAgent(string exten, TimeSpan answerDelay)
    {
        var seconds = answerDelay.TotalSeconds;
        return
        [
            new(SimAgents, exten, 1, StepKind.Exec, "NoOp", $"SIM agent {exten}"),
            new(SimAgents, exten, 2, StepKind.Ringing, "Ringing", string.Empty),
            new(SimAgents, exten, 3, StepKind.Wait, "Wait", seconds.ToString(CultureInfo.InvariantCulture), seconds),
            new(SimAgents, exten, 4, StepKind.Answer, "Answer", string.Empty),
            new(SimAgents, exten, 5, StepKind.Playback, "Playback", "agent-loginok"),
            new(SimAgents, exten, 6, StepKind.Echo, "Echo", string.Empty),
            new(SimAgents, exten, 7, StepKind.Hangup, "Hangup", string.Empty, Cause: 16),
        ];
    }

    /// <summary>
    /// A far end the simulator plays without a channel of its own (a PJSIP trunk customer or phone): it rings after
    /// <paramref name="ringAfter"/>, then answers after <paramref name="answerAfter"/> (null: never), or fails with
    /// <paramref name="failure"/> after <paramref name="ringAfter"/>.
    /// </summary>
    public static List<DialplanStep> Remote(double ringAfter, double? answerAfter, StepKind? failure)
    {
        var steps = new List<DialplanStep>();
        void Add(StepKind kind, double seconds = 0, int cause = 0) => steps.Add(new DialplanStep("remote", "s", steps.Count + 1, kind, kind.ToString(), string.Empty, seconds, cause));
        if (failure is { } fail)
        {
            Add(StepKind.Wait, ringAfter);
            Add(fail, cause: fail switch { StepKind.Busy => 17, StepKind.Congestion => 34, _ => 27 });
            return steps;
        }

        Add(StepKind.Ringing);
        if (answerAfter is { } answer)
        {
            Add(StepKind.Wait, answer);
            Add(StepKind.Answer);
        }

        Add(StepKind.Echo);
        return steps;
    }

    /// <summary>Whether <paramref name="context"/>/<paramref name="exten"/> exists (originate and continue check it).</summary>
    public static bool Exists(string context, string exten) => context switch
    {
        AmdContext or OutboundMessage => exten == "s",
        TransferContext => exten.Length > 0 && exten.All(char.IsAsciiDigit),
        _ => false,
    };

    /// <summary>
    /// What a channel runs when sent to <paramref name="context"/> (originate with a context, or <c>continue</c>).
    /// <paramref name="amdSeconds"/> is when AMD decides; <paramref name="talkSeconds"/> how long a transferred call lasts.
    /// </summary>
    public static List<DialplanStep> Context(string context, string exten, long priority, double amdSeconds, double talkSeconds)
    {
        List<DialplanStep> steps = context switch
        {
            AmdContext =>
            [
                new(AmdContext, exten, 1, StepKind.Exec, "NoOp", "ORCH customer ${ORCH_LEG} answered, AMD before Stasis"),
                new(AmdContext, exten, 2, StepKind.Amd, "AMD", string.Empty, amdSeconds),
                new(AmdContext, exten, 3, StepKind.Stasis, "Stasis", AmdApplication + ",amd,${AMDSTATUS},${AMDCAUSE}"),
                new(AmdContext, exten, 4, StepKind.Hangup, "Hangup", "16", Cause: 16),
            ],
            OutboundMessage =>
            [
                new(OutboundMessage, exten, 1, StepKind.Exec, "NoOp", "Answered: LEAD_ID=${LEAD_ID} CAMPAIGN=${CAMPAIGN}"),
                new(OutboundMessage, exten, 2, StepKind.Playback, "Playback", "hello-world"),
                new(OutboundMessage, exten, 3, StepKind.Hangup, "Hangup", "16", Cause: 16),
            ],
            TransferContext =>
            [
                new(TransferContext, exten, 1, StepKind.Exec, "NoOp", "ORCH transfer ${ORCH_LEG} to ${EXTEN}"),
                new(TransferContext, exten, 2, StepKind.Talk, "Dial", "PJSIP/${EXTEN},30", talkSeconds),
                new(TransferContext, exten, 3, StepKind.Hangup, "Hangup", string.Empty, Cause: 16),
            ],
            _ => [],
        };
        return [.. steps.Where(s => s.Priority >= priority)];
    }
}
