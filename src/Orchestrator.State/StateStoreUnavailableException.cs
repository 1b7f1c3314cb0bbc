namespace Orchestrator.State;

/// <summary>The state store could not be reached or did not answer in time. Nothing may be assumed written.</summary>
public sealed class StateStoreUnavailableException(string message, Exception? inner) : Exception(message, inner);
