using Orchestrator.Core.Campaigns;
using Orchestrator.Core.Compliance;
using Orchestrator.Core.Dispositions;
using Orchestrator.Data.Campaigns;
using Orchestrator.Switching.Commands;

namespace Orchestrator.Runtime.Campaigns;

/// <summary>A campaign's configuration as the runner uses it, read once when the campaign starts.</summary>
internal sealed record CampaignSettings(
    long CampaignId,
    long ProjectId,
    string Name,
    DialMode Mode,
    CompliancePolicy Compliance,
    FrequencyCap FrequencyCap,
    ClosureRules ClosureRules,
    double AbandonCapPercent,
    TimeSpan AbandonThreshold,
    TimeSpan RingTimeout,
    bool DetectMachine,
    double LinesPerAgent,
    int MaxCallsPerSecond,
    long? TrunkId,
    string? TrunkTemplate,
    CallerId CallerId,
    long? QuestionnaireVersionId,
    string? QuestionnaireDefinition,
    string? SafeHarborPrompt,
    IReadOnlyList<long> ContactListIds);
