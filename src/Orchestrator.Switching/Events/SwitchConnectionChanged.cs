namespace Orchestrator.Switching.Events;

/// <summary>
/// The adapter's link changed state. Each reconnect starts a new <paramref name="Generation"/>; when a
/// generation reaches <see cref="SwitchConnectionState.Ready"/>, the adapter has already listed the live
/// channels, and the runtime reconciles its calls in flight against <paramref name="LiveLegs"/>.
/// </summary>
public sealed record SwitchConnectionChanged(
    SwitchConnectionState State,
    long Generation,
    string? Reason,
    IReadOnlyList<LiveChannel>? LiveLegs,
    DateTimeOffset SwitchTime) : SwitchEvent(SwitchTime);
