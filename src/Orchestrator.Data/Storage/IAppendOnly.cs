namespace Orchestrator.Data.Storage;

/// <summary>
/// A record that is written once and never changed or deleted through the context (the audit log).
/// <see cref="OrchestratorDbContext"/> refuses to save a modification or deletion of such a row.
/// </summary>
public interface IAppendOnly;
