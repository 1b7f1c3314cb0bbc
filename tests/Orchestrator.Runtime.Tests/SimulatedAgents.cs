using System.Threading.Channels;
using Orchestrator.Core.Agents;
using Orchestrator.Runtime.Agents;
using Orchestrator.Runtime.Observability;

namespace Orchestrator.Runtime.Tests;

/// <summary>Agents that disposition every call a moment after wrap-up starts (NOINT: refused, so the lead closes).</summary>
internal sealed class SimulatedAgents(TimeSpan wrapTime) : IRuntimeObserver, IDisposable
{
    private readonly Channel<AgentStatus> _wrapUps = Channel.CreateUnbounded<AgentStatus>();
    private readonly CancellationTokenSource _stop = new();
    private Task _worker = Task.CompletedTask;

    public bool Enabled { get; set; } = true;

    public List<ScreenPop> ScreenPops { get; } = [];

    public void Attach(IAgentDesk desk) => _worker = Task.Run(async () =>
    {
        await foreach (var agent in _wrapUps.Reader.ReadAllAsync(_stop.Token))
        {
            await Task.Delay(wrapTime, _stop.Token);
            if (!Enabled || agent.Attempt is not { } attempt)
            {
                continue;
            }

            try
            {
                await desk.SubmitDispositionAsync(agent.AgentId, attempt, new DispositionSubmission("NOINT"), _stop.Token);
            }
            catch (Exception error) when (error is DispositionRejectedException or AgentNotFoundException)
            {
                // The agent logged out or the call was settled otherwise; nothing to do.
            }
        }
    });

    public void AgentChanged(AgentStatus agent)
    {
        if (agent.State == AgentState.WrapUp)
        {
            _wrapUps.Writer.TryWrite(agent);
        }
    }

    public void ScreenPop(ScreenPop pop)
    {
        lock (ScreenPops)
        {
            ScreenPops.Add(pop);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _wrapUps.Writer.TryComplete();
        try
        {
            _worker.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Cancelled on purpose.
        }

        _stop.Dispose();
    }
}
