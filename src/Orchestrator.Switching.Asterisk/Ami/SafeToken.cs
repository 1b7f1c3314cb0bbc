namespace Orchestrator.Switching.Asterisk.Ami;

/// <summary>
/// Names and destinations that end up in dialplan extensions and file names: letters, digits, '-', '_', '+'
/// only, so a value can neither escape the recording folder nor start a second dialplan step.
/// </summary>
internal static class SafeToken
{
    public static void ThrowIfInvalid(string value, string parameter)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 80 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '+'))
        {
            throw new ArgumentException($"'{value}' may only contain letters, digits, '-', '_' and '+' (at most 80).", parameter);
        }
    }
}
