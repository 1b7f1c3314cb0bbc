namespace Orchestrator.Simulator.Ari;

/// <summary>What the ARI simulator has seen and done since it started; every counter is safe to read at any time.</summary>
public sealed class AriSimulatorCounters
{
    private long _requests;
    private long _originates;
    private long _creates;
    private long _unauthorized;
    private long _unavailable;
    private long _socketsOpened;
    private long _eventsSent;
    private long _eventsLost;
    private long _answeredLive;
    private long _answeredMachine;
    private long _busy;
    private long _noAnswer;
    private long _congestion;
    private long _channelUnavailable;
    private long _agentLegs;
    private long _playbacks;
    private long _recordings;
    private long _snoops;
    private long _amdHuman;
    private long _amdMachine;
    private long _continues;
    private long _hangupRequests;

    /// <summary>REST requests and WebSocket upgrades received (answered or not).</summary>
    public long RequestsReceived => Interlocked.Read(ref _requests);

    /// <summary><c>POST /channels</c> requests received (whatever became of them): a resent originate shows here.</summary>
    public long OriginatesReceived => Interlocked.Read(ref _originates);

    /// <summary><c>POST /channels/create</c> requests received.</summary>
    public long CreatesReceived => Interlocked.Read(ref _creates);

    /// <summary>Requests and upgrades refused with 401.</summary>
    public long Unauthorized => Interlocked.Read(ref _unauthorized);

    /// <summary>Requests and upgrades answered 503 while the simulated Asterisk was starting.</summary>
    public long ServiceUnavailable => Interlocked.Read(ref _unavailable);

    /// <summary>Events WebSockets opened (each one registers its application).</summary>
    public long EventSocketsOpened => Interlocked.Read(ref _socketsOpened);

    public long EventsSent => Interlocked.Read(ref _eventsSent);

    /// <summary>Events for an application with no open events socket (lost, as with a real Asterisk).</summary>
    public long EventsLost => Interlocked.Read(ref _eventsLost);

    public long AnsweredLive => Interlocked.Read(ref _answeredLive);

    public long AnsweredMachine => Interlocked.Read(ref _answeredMachine);

    public long Busy => Interlocked.Read(ref _busy);

    public long NoAnswer => Interlocked.Read(ref _noAnswer);

    public long Congestion => Interlocked.Read(ref _congestion);

    public long ChannelUnavailable => Interlocked.Read(ref _channelUnavailable);

    /// <summary>Calls to agent phones (and supervisors' phones).</summary>
    public long AgentLegs => Interlocked.Read(ref _agentLegs);

    public long Playbacks => Interlocked.Read(ref _playbacks);

    /// <summary>Recordings started (bridge or channel).</summary>
    public long Recordings => Interlocked.Read(ref _recordings);

    public long Snoops => Interlocked.Read(ref _snoops);

    public long AmdHuman => Interlocked.Read(ref _amdHuman);

    public long AmdMachine => Interlocked.Read(ref _amdMachine);

    /// <summary><c>POST /channels/{id}/continue</c> calls that sent a channel back to the dialplan.</summary>
    public long Continues => Interlocked.Read(ref _continues);

    /// <summary><c>DELETE /channels/{id}</c> calls that hung a channel up.</summary>
    public long HangupRequests => Interlocked.Read(ref _hangupRequests);

    public override string ToString() =>
        $"requests {RequestsReceived}, originates {OriginatesReceived}, live {AnsweredLive}, machine {AnsweredMachine}, busy {Busy}, " +
        $"no answer {NoAnswer}, congestion {Congestion}, unavailable {ChannelUnavailable}, agent legs {AgentLegs}, events {EventsSent} (lost {EventsLost})";

    internal void Request() => Interlocked.Increment(ref _requests);

    internal void Originate() => Interlocked.Increment(ref _originates);

    internal void Create() => Interlocked.Increment(ref _creates);

    internal void Refused() => Interlocked.Increment(ref _unauthorized);

    internal void Starting() => Interlocked.Increment(ref _unavailable);

    internal void SocketOpened() => Interlocked.Increment(ref _socketsOpened);

    internal void EventSent() => Interlocked.Increment(ref _eventsSent);

    internal void EventLost() => Interlocked.Increment(ref _eventsLost);

    internal void Live() => Interlocked.Increment(ref _answeredLive);

    internal void Machine() => Interlocked.Increment(ref _answeredMachine);

    internal void BusySignal() => Interlocked.Increment(ref _busy);

    internal void Unanswered() => Interlocked.Increment(ref _noAnswer);

    internal void Congested() => Interlocked.Increment(ref _congestion);

    internal void Unreachable() => Interlocked.Increment(ref _channelUnavailable);

    internal void AgentLeg() => Interlocked.Increment(ref _agentLegs);

    internal void Playback() => Interlocked.Increment(ref _playbacks);

    internal void Recording() => Interlocked.Increment(ref _recordings);

    internal void Snoop() => Interlocked.Increment(ref _snoops);

    internal void AmdVerdict(bool machine) => Interlocked.Increment(ref machine ? ref _amdMachine : ref _amdHuman);

    internal void Continued() => Interlocked.Increment(ref _continues);

    internal void HangupRequested() => Interlocked.Increment(ref _hangupRequests);
}
