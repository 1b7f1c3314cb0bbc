namespace Orchestrator.Core.Compliance;

/// <summary>Everything the compliance gate needs to know about one number at dial time.</summary>
/// <param name="PhoneNumber">The number to dial, E.164.</param>
/// <param name="TimeZoneId">The lead's IANA time zone (e.g. <c>America/Chicago</c>).</param>
/// <param name="OnDoNotCallList">Whether any applicable DNC list holds the number.</param>
/// <param name="Consent">The lead's consent for this campaign's purpose.</param>
/// <param name="ProtectedUntil">
/// Set after an abandoned call: the number may not be called again before this instant
/// unless an agent is guaranteed (preview or manual dialing).
/// </param>
public sealed record DialCandidate(
    string PhoneNumber,
    string TimeZoneId,
    bool OnDoNotCallList,
    ConsentStatus Consent,
    DateTimeOffset? ProtectedUntil);
