using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Orchestrator.Protocols.Ari;

/// <summary>Checks <see cref="AriClientOptions"/> at start and reports every problem at once, each with its fix.</summary>
public sealed class AriClientOptionsValidator : IValidateOptions<AriClientOptions>
{
    public ValidateOptionsResult Validate(string? name, AriClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        var annotations = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), annotations, validateAllProperties: true);
        failures.AddRange(annotations.Select(r => $"Ari: {r.ErrorMessage}"));

        if (!string.IsNullOrWhiteSpace(options.Host) && Uri.CheckHostName(options.Host.Trim('[', ']')) == UriHostNameType.Unknown)
        {
            failures.Add($"Ari:Host '{options.Host}' is not a host name or IP address; set it to Asterisk's http.conf bindaddr (e.g. 127.0.0.1).");
        }

        Positive(failures, options.ConnectTimeout, nameof(options.ConnectTimeout));
        Positive(failures, options.RequestTimeout, nameof(options.RequestTimeout));
        Positive(failures, options.TotalRequestTimeout, nameof(options.TotalRequestTimeout));
        Positive(failures, options.RetryDelay, nameof(options.RetryDelay));
        Positive(failures, options.ReconnectDelayMin, nameof(options.ReconnectDelayMin));
        Positive(failures, options.ReconnectDelayMax, nameof(options.ReconnectDelayMax));

        if (options.TotalRequestTimeout < options.RequestTimeout)
        {
            failures.Add($"Ari:TotalRequestTimeout ({options.TotalRequestTimeout}) is shorter than Ari:RequestTimeout ({options.RequestTimeout}); raise it to at least the request timeout.");
        }

        if (options.ReconnectDelayMax < options.ReconnectDelayMin)
        {
            failures.Add($"Ari:ReconnectDelayMax ({options.ReconnectDelayMax}) is shorter than Ari:ReconnectDelayMin ({options.ReconnectDelayMin}); swap them or raise the maximum.");
        }

        if (options.KeepaliveInterval < TimeSpan.Zero)
        {
            failures.Add("Ari:KeepaliveInterval is negative; use zero to turn keepalive off, or a positive interval such as 00:00:15.");
        }

        if (options.KeepaliveInterval > TimeSpan.Zero && options.KeepaliveTimeout <= TimeSpan.Zero)
        {
            failures.Add("Ari:KeepaliveTimeout must be positive while keepalive is on (e.g. 00:00:10).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"Ari:{name} must be positive (it is {value}).");
        }
    }
}
