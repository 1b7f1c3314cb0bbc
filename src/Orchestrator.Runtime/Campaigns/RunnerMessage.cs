using Orchestrator.Core.Attempts;
using Orchestrator.Switching.Events;

namespace Orchestrator.Runtime.Campaigns;

/// <summary>What a campaign runner's loop handles, one at a time, in order.</summary>
internal abstract record RunnerMessage
{
    private RunnerMessage()
    {
    }

    /// <summary>The pacer's clock.</summary>
    public sealed record Tick : RunnerMessage;

    /// <summary>An agent of this campaign became ready.</summary>
    public sealed record AgentReady : RunnerMessage;

    /// <summary>Progress of one of this campaign's customer legs.</summary>
    public sealed record Leg(LegEvent Event) : RunnerMessage;

    /// <summary>The switch link changed (after a reconnect, with the live channels).</summary>
    public sealed record Switch(SwitchConnectionChanged Change) : RunnerMessage;

    /// <summary>A waiting customer reached the abandon threshold.</summary>
    public sealed record AbandonDeadline(AttemptId Attempt) : RunnerMessage;

    /// <summary>Stop placing calls.</summary>
    public sealed record Stop(bool HangUpCalls) : RunnerMessage;
}
