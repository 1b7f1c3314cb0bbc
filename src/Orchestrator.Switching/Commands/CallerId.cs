namespace Orchestrator.Switching.Commands;

/// <summary>The caller id presented on an outbound leg.</summary>
public sealed record CallerId(string Name, string Number)
{
    public override string ToString() => $"\"{Name}\" <{Number}>";
}
