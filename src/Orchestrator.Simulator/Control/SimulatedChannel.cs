namespace Orchestrator.Simulator.Control;

/// <summary>A live channel as the control surface shows it (the same snapshot Status and CoreShowChannels report).</summary>
public sealed record SimulatedChannel(
    string Name,
    string Uniqueid,
    string Linkedid,
    int State,
    string StateDescription,
    string Context,
    string Exten,
    string Priority,
    string Application,
    string ApplicationData,
    string BridgeId,
    IReadOnlyDictionary<string, string> Variables,
    DateTimeOffset Created);
