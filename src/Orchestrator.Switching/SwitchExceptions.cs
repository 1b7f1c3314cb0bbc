namespace Orchestrator.Switching;

/// <summary>Base of every error an adapter reports.</summary>
public class SwitchException : Exception
{
    public SwitchException(string message)
        : base(message)
    {
    }

    public SwitchException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}

/// <summary>The adapter is not connected and ready; nothing was sent.</summary>
public sealed class SwitchNotReadyException(string message) : SwitchException(message);

/// <summary>The switch answered and refused the command; nothing happened.</summary>
public sealed class SwitchCommandRejectedException(string message) : SwitchException(message);

/// <summary>
/// The command may or may not have taken effect: the connection was lost or the answer timed out
/// after it was sent. Never retry blindly; reconcile against the live channels instead.
/// </summary>
public sealed class SwitchOutcomeUnknownException(string message, Exception? inner) : SwitchException(message, inner);

/// <summary>The adapter does not declare the capability the command needs.</summary>
public sealed class SwitchCapabilityMissingException(SwitchCapabilities missing)
    : SwitchException($"This switch adapter does not support {missing}.")
{
    public SwitchCapabilities Missing { get; } = missing;
}

/// <summary>The command names a leg the adapter does not know (never created, or already gone).</summary>
public sealed class UnknownLegException(LegId leg) : SwitchException($"No live leg '{leg}'.")
{
    public LegId Leg { get; } = leg;
}
