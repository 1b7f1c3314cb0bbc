using Orchestrator.Protocols.Ari;
using Orchestrator.Protocols.Ari.Client;
using Orchestrator.Protocols.Ari.Models;
using Orchestrator.Protocols.Ari.Rest;
using Orchestrator.Switching.Events;

namespace Orchestrator.Switching.Asterisk.Ari;

public sealed partial class AriSwitchAdapter
{
    private async Task PumpEventsAsync(CancellationToken stopping)
    {
        var output = new List<LegEvent>();
        var followUps = new List<AriFollowUp>();
        try
        {
            await foreach (var evt in _client.Events.ReadAllAsync(stopping))
            {
                var at = evt.Timestamp ?? _time.GetUtcNow();
                lock (_lock)
                {
                    _translator.Translate(evt, at, output, followUps);
                }

                await PublishAsync(output, followUps, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task PumpConnectionChangesAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var change in _client.ConnectionChanges.ReadAllAsync(stopping))
            {
                if (change.State == AriConnectionState.Ready)
                {
                    await ResyncAsync(change.Generation, stopping);
                    continue;
                }

                if (change.State == AriConnectionState.Disconnected)
                {
                    AriSwitchAdapterLog.Disconnected(_logger, change.Generation, change.Reason);
                }

                var state = change.State == AriConnectionState.Connecting ? SwitchConnectionState.Connecting : SwitchConnectionState.Disconnected;
                await _events.Writer.WriteAsync(new SwitchConnectionChanged(state, change.Generation, change.Reason, null, change.At), stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// The events socket is open (the application is registered again): list the live channels, end the legs Asterisk no
    /// longer has, then say Ready with the live legs. A list that keeps failing drops the socket, so the next one retries.
    /// </summary>
    private async Task ResyncAsync(long generation, CancellationToken stopping)
    {
        IReadOnlyList<AriChannel>? live = null;
        List<LiveChannel> legs = [];
        for (var attempt = 1; attempt <= _options.ResyncAttempts && live is null; attempt++)
        {
            try
            {
                (live, legs) = await ReadLiveChannelsAsync(stopping);
            }
            catch (AriException error)
            {
                AriSwitchAdapterLog.ResyncFailed(_logger, attempt, _options.ResyncAttempts, error.Message);
                if (attempt < _options.ResyncAttempts)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), _time, stopping);
                }
            }
        }

        if (live is null)
        {
            _client.DropConnection("the live channels could not be listed after connecting");
            return;
        }

        var output = new List<LegEvent>();
        var followUps = new List<AriFollowUp>();
        int tracked;
        lock (_lock)
        {
            _translator.Reconcile(live, generation, _time.GetUtcNow(), output, followUps);
            tracked = _translator.Count;
        }

        await PublishAsync(output, followUps, stopping);
        Interlocked.Exchange(ref _readyGeneration, generation);
        AriSwitchAdapterLog.Ready(_logger, generation, Application, live.Count, tracked);
        await _events.Writer.WriteAsync(new SwitchConnectionChanged(SwitchConnectionState.Ready, generation, null, legs, _time.GetUtcNow()), stopping);
    }

    private async Task PublishAsync(List<LegEvent> output, List<AriFollowUp> followUps, CancellationToken stopping)
    {
        foreach (var legEvent in output)
        {
            await _events.Writer.WriteAsync(legEvent, stopping);
        }

        foreach (var followUp in followUps)
        {
            _followUps.Writer.TryWrite(followUp);
        }

        output.Clear();
        followUps.Clear();
    }

    /// <summary>The REST calls events ask for, one after the other, off the event pump (a slow call never delays events).</summary>
    private async Task RunFollowUpsAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var followUp in _followUps.Reader.ReadAllAsync(stopping))
            {
                try
                {
                    await ExecuteAsync(followUp, stopping);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // One failed call must not stop the ones after it; what it was for is logged.
                    AriSwitchAdapterLog.FollowUpFailed(_logger, Describe(followUp), error.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task ExecuteAsync(AriFollowUp followUp, CancellationToken stopping)
    {
        switch (followUp)
        {
            case AriFollowUp.Hangup hangup:
                await HangupQuietlyAsync(hangup.ChannelId, hangup.Cause, stopping);
                break;

            case AriFollowUp.EnterHolding hold:
                await EnterHoldingAsync(hold, stopping);
                break;

            case AriFollowUp.ContinueToAmd amd:
                await IgnoreGoneAsync(() => _rest.ContinueInDialplanAsync(amd.Customer.Value, _options.AmdContext, _options.AmdExtension, 1, null, stopping));
                break;

            case AriFollowUp.ReturnToHolding back:
                await ReturnToHoldingAsync(back, stopping);
                break;

            case AriFollowUp.DestroyBridge destroy:
                await IgnoreGoneAsync(() => _rest.DestroyBridgeAsync(destroy.BridgeId, stopping));
                break;

            case AriFollowUp.StartMonitor start:
                await StartMonitorAsync(start, stopping);
                break;

            case AriFollowUp.JoinMonitor join:
                await EnsureBridgeAsync(join.Monitor.BridgeId, AriBridgeType.Mixing, stopping);
                await _rest.AddChannelsToBridgeAsync(join.Monitor.BridgeId, [join.Monitor.SupervisorChannel, join.Monitor.SnoopChannel], stopping);
                break;
        }
    }

    private async Task EnterHoldingAsync(AriFollowUp.EnterHolding hold, CancellationToken stopping)
    {
        lock (_lock)
        {
            if (!_translator.TryGet(hold.Agent, out var agent) || agent.BridgeId is not null)
            {
                return; // gone, or already bridged (to a customer, or held)
            }
        }

        try
        {
            await EnsureBridgeAsync(hold.BridgeId, AriBridgeType.Holding, stopping);
            await _rest.AddChannelsToBridgeAsync(hold.BridgeId, [hold.Agent.Value], stopping);
        }
        catch (AriException error)
        {
            AriSwitchAdapterLog.FollowUpFailed(_logger, $"put agent leg {hold.Agent} in holding bridge {hold.BridgeId}", error.Message);
            var output = new List<LegEvent>();
            lock (_lock)
            {
                _translator.HoldingFailed(hold.Agent, _time.GetUtcNow(), output);
            }

            await PublishAsync(output, [], stopping);
        }
    }

    private async Task ReturnToHoldingAsync(AriFollowUp.ReturnToHolding back, CancellationToken stopping)
    {
        var moveAgent = false;
        lock (_lock)
        {
            if (back.Agent is { } agentId && _translator.TryGet(agentId, out var agent) && (agent.BridgeId is null || agent.BridgeId == back.CallBridge))
            {
                moveAgent = true;
            }
        }

        if (moveAgent)
        {
            try
            {
                await EnsureBridgeAsync(back.HoldingBridge, AriBridgeType.Holding, stopping);
                await _rest.AddChannelsToBridgeAsync(back.HoldingBridge, [back.Agent!.Value.Value], stopping);
            }
            catch (AriRequestException error)
            {
                // The agent hung up meanwhile: its own end is on the way.
                AriSwitchAdapterLog.FollowUpFailed(_logger, $"return agent leg {back.Agent} to holding", error.Message);
            }
        }

        await IgnoreGoneAsync(() => _rest.DestroyBridgeAsync(back.CallBridge, stopping));
    }

    private async Task StartMonitorAsync(AriFollowUp.StartMonitor start, CancellationToken stopping)
    {
        var monitor = start.Monitor;
        if (monitor.Mode == Commands.MonitorMode.Barge && start.CallBridge is { } bridge)
        {
            lock (_lock)
            {
                monitor.BargedInto = bridge;
            }

            await _rest.AddChannelsToBridgeAsync(bridge, [monitor.SupervisorChannel], stopping);
            return;
        }

        var request = new AriSnoopRequest
        {
            App = Application,
            Spy = "both",
            Whisper = monitor.Mode == Commands.MonitorMode.Whisper ? "out" : "none",
            AppArgs = ["snoop", monitor.SupervisorChannel],
            SnoopId = monitor.SnoopChannel,
        };
        try
        {
            await _rest.SnoopAsync(monitor.Agent.Value, request, stopping);
        }
        catch (AriNotFoundException)
        {
            // The agent is gone: so is the reason to listen.
            await HangupQuietlyAsync(monitor.SupervisorChannel, 16, stopping);
        }
    }

    private async Task HangupQuietlyAsync(string channelId, int cause, CancellationToken stopping) =>
        await IgnoreGoneAsync(() => _rest.HangupChannelAsync(channelId, cause, null, stopping));

    /// <summary>Runs a cleanup call; a 404 means there is nothing left to clean.</summary>
    private static async Task IgnoreGoneAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (AriNotFoundException)
        {
        }
    }

    private static string Describe(AriFollowUp followUp) => followUp switch
    {
        AriFollowUp.Hangup h => $"hang up channel {h.ChannelId}",
        AriFollowUp.EnterHolding h => $"put agent leg {h.Agent} in holding",
        AriFollowUp.ContinueToAmd a => $"send {a.Customer} to answering-machine detection",
        AriFollowUp.ReturnToHolding r => $"return agent leg {r.Agent} to holding and destroy {r.CallBridge}",
        AriFollowUp.DestroyBridge d => $"destroy bridge {d.BridgeId}",
        AriFollowUp.StartMonitor m => $"start {m.Monitor.Mode} on {m.Monitor.Agent}",
        AriFollowUp.JoinMonitor m => $"bridge supervisor {m.Monitor.SupervisorChannel} with its snoop",
        _ => followUp.ToString(),
    };
}
