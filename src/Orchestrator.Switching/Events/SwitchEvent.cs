namespace Orchestrator.Switching.Events;

/// <summary>Something the switch reported, in the normalized vocabulary.</summary>
/// <param name="SwitchTime">
/// When it happened: the switch's own timestamp where the protocol carries one, otherwise when the
/// adapter received it (from the injected clock).
/// </param>
public abstract record SwitchEvent(DateTimeOffset SwitchTime);
