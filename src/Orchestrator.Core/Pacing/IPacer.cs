namespace Orchestrator.Core.Pacing;

/// <summary>Decides how many calls to place now. Pure: no I/O, no clock but the snapshot's.</summary>
public interface IPacer
{
    /// <summary>The number of new calls to place right now (never negative).</summary>
    int CallsToPlace(PacingSnapshot snapshot);
}
