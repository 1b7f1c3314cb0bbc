using Orchestrator.Simulator.Engine;

namespace Orchestrator.Simulator.Dialplan;

/// <summary>
/// A supervisor's phone called into <c>[orchestrator-spy]</c> (exten listen, whisper or barge): it answers
/// like an agent phone and runs ChanSpy on the channel in <c>ORCH_SPY_TARGET</c> until hung up.
/// </summary>
internal sealed class SpyLeg : OrchestratorLeg
{
    private readonly SimulatorTimings _timings;

    private SpyLeg(SwitchCore core, OriginateRequest request, SimulatorTimings timings, TaskCompletionSource<bool>? completion)
        : base(core, request, completion) => _timings = timings;

    public static SpyLeg Start(SwitchCore core, OriginateRequest request, SimulatorTimings timings, TaskCompletionSource<bool>? completion)
    {
        var leg = new SpyLeg(core, request, timings, completion);
        core.Register(leg);
        leg.Dial();
        return leg;
    }

    public override bool Hangup(SimChannel channel, int cause)
    {
        Teardown(farHungUp: channel == Far, cause);
        return true;
    }

    public override string? Redirect(SimChannel channel, string context, string exten, string priority) => "Redirect failed, channel is spying.";

    private void Dial()
    {
        CreateChannels();
        Ring();
        After(_timings.AgentAnswer, () =>
        {
            Answer();
            var options = Dialplan!.Exten switch
            {
                "whisper" => "qswE",
                "barge" => "qsBE",
                _ => "qsE",
            };
            Exec("1", "ChanSpy", $"{Request.Variable("ORCH_SPY_TARGET")},{options}");
        });
    }
}
