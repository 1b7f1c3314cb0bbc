using Orchestrator.Runtime.Agents;

namespace Orchestrator.Runtime.Observability;

/// <summary>
/// Pushed notifications from the runtime (the web host forwards them over SignalR). Called on the
/// runtime's own loop: implementations must return at once and never block.
/// </summary>
public interface IRuntimeObserver
{
    void AgentChanged(AgentStatus agent);

    /// <summary>A customer was just bridged to the agent: show the lead and the questionnaire.</summary>
    void ScreenPop(ScreenPop pop);
}

/// <summary>What the agent screen needs when a call arrives.</summary>
public sealed record ScreenPop(
    long AgentId,
    string Attempt,
    long CampaignId,
    long LeadId,
    string PhoneNumber,
    string LeadName,
    IReadOnlyDictionary<string, string> CustomFields,
    long? QuestionnaireVersionId,
    string? QuestionnaireDefinition);

/// <summary>The default: nobody listens.</summary>
public sealed class NullRuntimeObserver : IRuntimeObserver
{
    public static NullRuntimeObserver Instance { get; } = new();

    public void AgentChanged(AgentStatus agent)
    {
    }

    public void ScreenPop(ScreenPop pop)
    {
    }
}
