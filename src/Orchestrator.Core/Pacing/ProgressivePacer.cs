namespace Orchestrator.Core.Pacing;

/// <summary>
/// One call per ready agent: never more calls in progress than ready agents, so a connected customer
/// always finds an agent (abandons come only from an agent who leaves between answer and bridge).
/// </summary>
public sealed class ProgressivePacer : IPacer
{
    public int CallsToPlace(PacingSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var wanted = snapshot.ReadyAgents - snapshot.CallsInProgress;
        var lineRoom = snapshot.LineCap - snapshot.CallsInProgress;
        return Math.Max(0, Math.Min(wanted, lineRoom));
    }
}
