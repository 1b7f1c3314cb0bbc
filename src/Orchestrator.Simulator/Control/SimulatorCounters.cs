namespace Orchestrator.Simulator.Control;

/// <summary>What the simulator has seen and done since it started; every counter is safe to read at any time.</summary>
public sealed class SimulatorCounters
{
    private long _originatesReceived;
    private long _actionsDispatched;
    private long _answeredLive;
    private long _answeredMachine;
    private long _busy;
    private long _noAnswer;
    private long _congestion;
    private long _unavailable;
    private long _labCalls;
    private long _agentLegs;
    private long _redirects;
    private long _safeHarbors;
    private long _amdHuman;
    private long _amdMachine;
    private long _connectionsAccepted;
    private long _loginFailures;

    /// <summary>Originate actions received (valid or not).</summary>
    public long OriginatesReceived => Interlocked.Read(ref _originatesReceived);

    /// <summary>
    /// Actions whose handling has started (their timers exist). Tests that drive a fake clock wait for this to
    /// reach the number of actions they sent before advancing time.
    /// </summary>
    public long ActionsDispatched => Interlocked.Read(ref _actionsDispatched);

    /// <summary>Customer calls answered by a human (orchestrator dialplan).</summary>
    public long AnsweredLive => Interlocked.Read(ref _answeredLive);

    /// <summary>Customer calls answered by a machine (orchestrator dialplan).</summary>
    public long AnsweredMachine => Interlocked.Read(ref _answeredMachine);

    public long Busy => Interlocked.Read(ref _busy);

    public long NoAnswer => Interlocked.Read(ref _noAnswer);

    public long Congestion => Interlocked.Read(ref _congestion);

    /// <summary>Failed without a channel (unknown technology, unreachable, unregistered endpoint).</summary>
    public long Unavailable => Interlocked.Read(ref _unavailable);

    /// <summary>Calls replayed from the lab recordings.</summary>
    public long LabCalls => Interlocked.Read(ref _labCalls);

    public long AgentLegs => Interlocked.Read(ref _agentLegs);

    public long Redirects => Interlocked.Read(ref _redirects);

    public long SafeHarbors => Interlocked.Read(ref _safeHarbors);

    public long AmdHuman => Interlocked.Read(ref _amdHuman);

    public long AmdMachine => Interlocked.Read(ref _amdMachine);

    public long ConnectionsAccepted => Interlocked.Read(ref _connectionsAccepted);

    public long LoginFailures => Interlocked.Read(ref _loginFailures);

    public override string ToString() =>
        $"originates {OriginatesReceived}, live {AnsweredLive}, machine {AnsweredMachine}, busy {Busy}, no answer {NoAnswer}, " +
        $"congestion {Congestion}, unavailable {Unavailable}, lab {LabCalls}, agent legs {AgentLegs}, redirects {Redirects}, safe harbor {SafeHarbors}";

    internal void OriginateReceived() => Interlocked.Increment(ref _originatesReceived);

    internal void ActionDispatched() => Interlocked.Increment(ref _actionsDispatched);

    internal void Live() => Interlocked.Increment(ref _answeredLive);

    internal void Machine() => Interlocked.Increment(ref _answeredMachine);

    internal void BusySignal() => Interlocked.Increment(ref _busy);

    internal void Unanswered() => Interlocked.Increment(ref _noAnswer);

    internal void Congested() => Interlocked.Increment(ref _congestion);

    internal void Unreachable() => Interlocked.Increment(ref _unavailable);

    internal void LabCall() => Interlocked.Increment(ref _labCalls);

    internal void AgentLeg() => Interlocked.Increment(ref _agentLegs);

    internal void Redirected() => Interlocked.Increment(ref _redirects);

    internal void SafeHarbor() => Interlocked.Increment(ref _safeHarbors);

    internal void AmdVerdict(bool machine) => Interlocked.Increment(ref machine ? ref _amdMachine : ref _amdHuman);

    internal void ConnectionAccepted() => Interlocked.Increment(ref _connectionsAccepted);

    internal void LoginFailed() => Interlocked.Increment(ref _loginFailures);
}
