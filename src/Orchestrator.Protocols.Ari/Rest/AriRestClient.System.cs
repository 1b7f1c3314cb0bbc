using Orchestrator.Protocols.Ari.Json;
using Orchestrator.Protocols.Ari.Models;

namespace Orchestrator.Protocols.Ari.Rest;

public sealed partial class AriRestClient
{
    /// <summary>GET /asterisk/info, optionally only some parts (<c>build</c>, <c>system</c>, <c>config</c>, <c>status</c>).</summary>
    public Task<AriAsteriskInfo> GetAsteriskInfoAsync(CancellationToken cancellationToken, params IReadOnlyList<string> only) =>
        GetAsync(AriQuery.For("asterisk/info").Add("only", only.Count == 0 ? null : only).ToString(), AriJsonContext.Default.AriAsteriskInfo, cancellationToken);

    /// <summary>GET /asterisk/ping: is Asterisk answering (and which entity id)?</summary>
    public Task<AriAsteriskPing> PingAsync(CancellationToken cancellationToken) =>
        GetAsync("asterisk/ping", AriJsonContext.Default.AriAsteriskPing, cancellationToken);

    /// <summary>GET /applications.</summary>
    public async Task<IReadOnlyList<AriApplication>> ListApplicationsAsync(CancellationToken cancellationToken) =>
        await GetAsync("applications", AriJsonContext.Default.ListAriApplication, cancellationToken);

    /// <summary>GET /applications/{name}: registered? (404 while no events socket is open for it).</summary>
    public Task<AriApplication> GetApplicationAsync(string application, CancellationToken cancellationToken) =>
        GetAsync($"applications/{AriQuery.Segment(application)}", AriJsonContext.Default.AriApplication, cancellationToken);

    /// <summary>
    /// POST /applications/{name}/subscription: also receive events of these sources (<c>channel:&lt;id&gt;</c>,
    /// <c>bridge:&lt;id&gt;</c>, <c>endpoint:&lt;tech&gt;/&lt;resource&gt;</c>), e.g. to follow a channel after it leaves Stasis.
    /// </summary>
    public Task<AriApplication> SubscribeAsync(string application, IReadOnlyList<string> eventSources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventSources);
        ArgumentOutOfRangeException.ThrowIfZero(eventSources.Count);
        return PostAsync(
            AriQuery.For($"applications/{AriQuery.Segment(application)}/subscription").Add("eventSource", eventSources).ToString(),
            null,
            AriJsonContext.Default.AriApplication,
            cancellationToken);
    }

    /// <summary>DELETE /applications/{name}/subscription.</summary>
    public Task UnsubscribeAsync(string application, IReadOnlyList<string> eventSources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventSources);
        ArgumentOutOfRangeException.ThrowIfZero(eventSources.Count);
        return DeleteAsync(
            AriQuery.For($"applications/{AriQuery.Segment(application)}/subscription").Add("eventSource", eventSources).ToString(),
            retryable: false,
            cancellationToken);
    }

    /// <summary>GET /endpoints: e.g. which agent phones are online.</summary>
    public async Task<IReadOnlyList<AriEndpoint>> ListEndpointsAsync(CancellationToken cancellationToken) =>
        await GetAsync("endpoints", AriJsonContext.Default.ListAriEndpoint, cancellationToken);

    /// <summary>GET /sounds/{id}: does a prompt exist, in which languages and formats.</summary>
    public Task<AriSound> GetSoundAsync(string soundId, CancellationToken cancellationToken) =>
        GetAsync($"sounds/{AriQuery.Segment(soundId)}", AriJsonContext.Default.AriSound, cancellationToken);
}
