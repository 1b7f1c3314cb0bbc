namespace Orchestrator.Switching;

/// <summary>The adapter's link to its switch.</summary>
public enum SwitchConnectionState
{
    /// <summary>Not started, or stopped.</summary>
    Disconnected = 0,

    /// <summary>Opening the transport.</summary>
    Connecting,

    /// <summary>Transport open; logging in or registering.</summary>
    Authenticating,

    /// <summary>Logged in, registered and reconciled: commands may be sent.</summary>
    Ready,
}
