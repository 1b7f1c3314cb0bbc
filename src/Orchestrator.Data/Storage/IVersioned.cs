namespace Orchestrator.Data.Storage;

/// <summary>
/// A row that several writers update (the runtime, agents, managers). <see cref="Version"/> is a
/// concurrency token that <see cref="OrchestratorDbContext"/> increments on every tracked update, so a
/// writer holding a stale copy gets a <c>DbUpdateConcurrencyException</c> instead of overwriting.
/// Bulk <c>ExecuteUpdate</c> statements bypass it and must set <c>Version = Version + 1</c> themselves.
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}
