using Orchestrator.Protocols.Ami;

namespace Orchestrator.Simulator.Control;

/// <summary>
/// A benchmark and test hook on the simulator's sockets (see <c>docs/performance.md</c>): it sees every message
/// a session has written to its socket and every frame its reader has cut, so a harness can time the wire itself
/// (an answer event written → the Redirect that answers it read). Set <see cref="SimulatorControl.WireTap"/> before
/// clients connect; each session takes the tap it finds when it opens. Unset (the default), it costs nothing.
/// </summary>
/// <remarks>
/// Both methods run on the session's own I/O loops: they must be quick, thread-safe and must not throw.
/// <c>timestamp</c> is <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>, wall time on purpose: the tap times
/// the real wire, whatever clock the simulated calls run on.
/// </remarks>
public interface IAmiWireTap
{
    /// <summary>
    /// A write to the socket has completed: called once per message of that write, in wire order, each message with
    /// its blank line; <paramref name="timestamp"/> was taken once, as the write completed.
    /// </summary>
    void Written(long sessionId, ReadOnlySpan<byte> message, long timestamp);

    /// <summary>The session's reader has just cut this frame (<paramref name="timestamp"/>), before it is queued for processing.</summary>
    void Read(long sessionId, AmiMessage message, long timestamp);
}
