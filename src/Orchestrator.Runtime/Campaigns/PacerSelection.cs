using Orchestrator.Core.Campaigns;
using Orchestrator.Core.Pacing;

namespace Orchestrator.Runtime.Campaigns;

/// <summary>The pacer for a dial mode.</summary>
internal static class PacerSelection
{
    public static IPacer For(DialMode mode) => mode switch
    {
        DialMode.Progressive => new ProgressivePacer(),
        _ => throw new CampaignModeNotSupportedException(mode),
    };
}

/// <summary>The campaign's dial mode has no pacer in this version yet.</summary>
public sealed class CampaignModeNotSupportedException(DialMode mode)
    : Exception($"{mode} dialing is not available yet; this version dials Progressive campaigns. Change the campaign's dial mode to Progressive.")
{
    public DialMode Mode { get; } = mode;
}
