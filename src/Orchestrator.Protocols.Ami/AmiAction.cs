using System.Text;

namespace Orchestrator.Protocols.Ami;

/// <summary>
/// A request to send to Asterisk: <c>Action: Name</c>, then headers in the order added. The client sets
/// <see cref="ActionId"/> when it is empty, and correlates the response by it.
/// </summary>
public sealed class AmiAction
{
    private static readonly string[] SecretHeaders = ["Secret", "Key"];
    private readonly List<(string Name, string Value)> _headers = [];

    public AmiAction(string name)
    {
        AmiHeaderValidation.ThrowIfInvalid(AmiHeaders.Action, name);
        Name = name;
    }

    public string Name { get; }

    public string? ActionId { get; set; }

    public IReadOnlyList<(string Name, string Value)> Headers => _headers;

    /// <summary>The first value of the named header, or null.</summary>
    public string? this[string name] => _headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    public AmiAction Add(string name, string value)
    {
        AmiHeaderValidation.ThrowIfInvalid(name, value);
        if (IsActionId(name))
        {
            // Kept in place, so an action can be written exactly as another tool wrote it.
            ActionId = value;
        }

        _headers.Add((name, value));
        return this;
    }

    /// <summary>Adds the header only when <paramref name="value"/> is not null.</summary>
    public AmiAction AddIfSet(string name, string? value) => value is null ? this : Add(name, value);

    /// <summary>
    /// The action as a message. An ActionID added as a header stays where it was added; one assigned
    /// later through <see cref="ActionId"/> follows the Action line.
    /// </summary>
    public AmiMessage ToMessage()
    {
        var builder = new AmiMessageBuilder().Add(AmiHeaders.Action, Name);
        var placed = _headers.Any(h => IsActionId(h.Name));
        if (ActionId is not null && !placed)
        {
            builder.Add(AmiHeaders.ActionId, ActionId);
        }

        foreach (var (name, value) in _headers)
        {
            builder.Add(name, IsActionId(name) && ActionId is not null ? ActionId : value);
        }

        return builder.Build();
    }

    private static bool IsActionId(string name) => string.Equals(name, AmiHeaders.ActionId, StringComparison.OrdinalIgnoreCase);

    /// <summary>For logs: secrets and MD5 keys are masked.</summary>
    public override string ToString()
    {
        var text = new StringBuilder().Append("Action: ").Append(Name);
        if (ActionId is not null && !_headers.Any(h => IsActionId(h.Name)))
        {
            text.Append(", ActionID: ").Append(ActionId);
        }

        foreach (var (name, value) in _headers)
        {
            var masked = SecretHeaders.Contains(name, StringComparer.OrdinalIgnoreCase) ? "***" : value;
            text.Append(", ").Append(name).Append(": ").Append(masked);
        }

        return text.ToString();
    }
}
