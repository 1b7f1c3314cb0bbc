namespace Orchestrator.Data.Compliance;

public enum DncScope
{
    /// <summary>Applies to every project.</summary>
    Global = 0,

    /// <summary>Applies to one project (<see cref="DncEntry.ProjectId"/>).</summary>
    Project,
}
