namespace Orchestrator.Protocols.Ami.Framing;

/// <summary>Where one header's name and value sit in a message's bytes. A line without a colon has an empty name.</summary>
internal readonly record struct HeaderRange(int NameStart, int NameLength, int ValueStart, int ValueLength);
