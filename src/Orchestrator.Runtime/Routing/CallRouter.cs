using System.Collections.Concurrent;
using Orchestrator.Runtime.Campaigns;
using Orchestrator.Switching;

namespace Orchestrator.Runtime.Routing;

/// <summary>Which campaign runner owns which customer leg, so switch events reach the right loop.</summary>
internal sealed class CallRouter
{
    private readonly ConcurrentDictionary<LegId, CampaignRunner> _owners = new();

    public void Register(LegId leg, CampaignRunner runner) => _owners[leg] = runner;

    public void Unregister(LegId leg) => _owners.TryRemove(leg, out _);

    public bool TryGetOwner(LegId leg, out CampaignRunner runner) => _owners.TryGetValue(leg, out runner!);
}
