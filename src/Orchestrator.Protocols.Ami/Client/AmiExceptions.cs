namespace Orchestrator.Protocols.Ami.Client;

/// <summary>Base of the client's errors.</summary>
public class AmiException : Exception
{
    public AmiException(string message)
        : base(message)
    {
    }

    public AmiException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}

/// <summary>The connection is not Ready: the action was not sent.</summary>
public sealed class AmiNotConnectedException(string message) : AmiException(message);

/// <summary>Asterisk refused the login: wrong username or secret, or the ACL denies this address.</summary>
public sealed class AmiAuthenticationException(string message) : AmiException(message);

/// <summary>Asterisk answered <c>Response: Error</c>.</summary>
public sealed class AmiActionFailedException(string action, AmiMessage response)
    : AmiException($"AMI action {action} failed: {response[AmiHeaders.Message] ?? "(no message)"}")
{
    public AmiMessage Response { get; } = response;
}

/// <summary>
/// The action was sent but its outcome is unknown: the connection dropped or no response came in time.
/// A mutating action (an Originate) may have taken effect; never resend it blindly.
/// </summary>
public abstract class AmiOutcomeUnknownException(string message, Exception? inner) : AmiException(message, inner);

/// <summary>The connection was lost after the action was sent.</summary>
public sealed class AmiConnectionLostException(string message, Exception? inner = null) : AmiOutcomeUnknownException(message, inner);

/// <summary>No response arrived within the action timeout.</summary>
public sealed class AmiActionTimeoutException(string message) : AmiOutcomeUnknownException(message, null);
