using Orchestrator.Core.Attempts;

namespace Orchestrator.State;

/// <summary>A call the orchestrator placed and has not yet seen end.</summary>
public sealed record CallInFlight(
    AttemptId Attempt,
    long CampaignId,
    long LeadId,
    string PhoneNumber,
    CallStage Stage,
    DateTimeOffset StageSince,
    long? AgentId);
