using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Orchestrator.Core.Calls;
using Orchestrator.Protocols.Ami;
using Orchestrator.Protocols.Ami.Client;
using Orchestrator.Protocols.Ami.Events;
using Orchestrator.Switching.Commands;
using Orchestrator.Switching.Events;

namespace Orchestrator.Switching.Asterisk.Ami;

/// <summary>
/// The switch contract over the Asterisk Manager Interface, for PBXs without ARI: customers are originated
/// into <c>orchestrator-customer</c> (with app_amd when asked), agents wait in their own ConfBridge, and an
/// answered customer is redirected into the agent's conference — no agent ring time.
/// </summary>
public sealed class AmiSwitchAdapter : ISwitchAdapter
{
    private readonly AmiClient _client;
    private readonly AmiSwitchOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AmiEventTranslator _translator;
    private readonly Lock _lock = new();
    // The consumer (the runtime) may continue on the adapter's own pump when it is waiting for an event: one
    // thread hop fewer between an answer and its bridge command. This is the adapter's task, not the socket
    // reader's — the AMI client still hands every event across a queue, so no consumer code runs on the reader.
    private readonly Channel<SwitchEvent> _events = Channel.CreateBounded<SwitchEvent>(new BoundedChannelOptions(65_536)
    {
        SingleReader = true,
        SingleWriter = false,
        AllowSynchronousContinuations = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly CancellationTokenSource _stopping = new();
    private Task _pumps = Task.CompletedTask;

    public AmiSwitchAdapter(AmiClient client, AmiSwitchOptions options, TimeProvider time, ILogger<AmiSwitchAdapter> logger)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _translator = new AmiEventTranslator(options);

        // The adapter is the client's only reader: events it would not read are never made into messages.
        _client.EventFilter = AmiEventTranslator.Filter;
    }

    public string Name => "asterisk-ami";

    public SwitchCapabilities Capabilities =>
        SwitchCapabilities.AnsweringMachineDetection | SwitchCapabilities.NailedUpAgentLegs | SwitchCapabilities.Bridging |
        SwitchCapabilities.PlayThenHangup | SwitchCapabilities.ChannelListing | SwitchCapabilities.Recording |
        SwitchCapabilities.Transfer | SwitchCapabilities.Monitoring;

    public SwitchConnectionState State => _client.State switch
    {
        AmiConnectionState.Ready => SwitchConnectionState.Ready,
        AmiConnectionState.Authenticating => SwitchConnectionState.Authenticating,
        AmiConnectionState.Connecting => SwitchConnectionState.Connecting,
        _ => SwitchConnectionState.Disconnected,
    };

    public ChannelReader<SwitchEvent> Events => _events.Reader;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _client.StartAsync(cancellationToken);
        _pumps = Task.WhenAll(
            Task.Run(() => PumpEventsAsync(_stopping.Token), CancellationToken.None),
            Task.Run(() => PumpConnectionChangesAsync(_stopping.Token), CancellationToken.None));
    }

    public async Task OriginateAsync(OriginateCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.DetectMachine && !Capabilities.HasFlag(SwitchCapabilities.AnsweringMachineDetection))
        {
            throw new SwitchCapabilityMissingException(SwitchCapabilities.AnsweringMachineDetection);
        }

        var leg = command.Leg;
        var action = new AmiAction("Originate")
            .Add("Channel", DialString.Expand(command.Trunk ?? _options.DefaultTrunk, command.Destination))
            .Add("Context", _options.CustomerContext)
            .Add("Exten", command.DetectMachine ? "amd" : "s")
            .Add("Priority", "1")
            .Add("CallerID", command.CallerId.ToString())
            .Add("Timeout", ((long)command.RingTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture))
            .Add("Async", "true")
            .Add(AmiHeaders.ActionId, $"orig-{leg}")
            .Add("ChannelId", leg.Value)
            .Add("OtherChannelId", $"{leg}-2")
            .Add(AmiHeaders.Variable, $"ORCH_LEG={leg}");
        foreach (var (name, value) in command.Variables)
        {
            action.Add(AmiHeaders.Variable, $"{name}={value}");
        }

        await SendOriginateAsync(leg, agentId: null, action, cancellationToken);
    }

    public async Task OpenAgentLegAsync(AgentLegCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var leg = command.Leg;
        var action = new AmiAction("Originate")
            .Add("Channel", command.Endpoint)
            .Add("Context", _options.AgentContext)
            .Add("Exten", command.AgentId.ToString(CultureInfo.InvariantCulture))
            .Add("Priority", "1")
            .Add("CallerID", command.CallerId.ToString())
            .Add("Timeout", ((long)command.RingTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture))
            .Add("Async", "true")
            .Add(AmiHeaders.ActionId, $"orig-{leg}")
            .Add("ChannelId", leg.Value)
            .Add("OtherChannelId", $"{leg}-2")
            .Add(AmiHeaders.Variable, $"ORCH_LEG={leg}");

        await SendOriginateAsync(leg, command.AgentId, action, cancellationToken);
    }

    public async Task BridgeAsync(BridgeCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        string channel;
        long agentId;
        lock (_lock)
        {
            channel = ChannelOf(command.Customer);
            agentId = _translator.TryGet(command.Agent, out var agentLeg) && agentLeg.AgentId is { } id
                ? id
                : throw new UnknownLegException(command.Agent);
        }

        await SendAsync(new AmiAction("Redirect")
            .Add("Channel", channel)
            .Add("Context", _options.ConnectContext)
            .Add("Exten", agentId.ToString(CultureInfo.InvariantCulture))
            .Add("Priority", "1"), cancellationToken);
    }

    public async Task PlayThenHangupAsync(PlayThenHangupCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        string channel;
        lock (_lock)
        {
            channel = ChannelOf(command.Leg);
        }

        if (!string.IsNullOrEmpty(command.Prompt))
        {
            await SendAsync(new AmiAction("Setvar").Add("Channel", channel).Add("Variable", "ORCH_SAFE_HARBOR").Add("Value", command.Prompt), cancellationToken);
        }

        await SendAsync(new AmiAction("Redirect")
            .Add("Channel", channel)
            .Add("Context", _options.SafeHarborContext)
            .Add("Exten", "s")
            .Add("Priority", "1"), cancellationToken);
    }

    public async Task HangupAsync(HangupCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var cause = ToQ850(command.Cause);
        string? channel;
        lock (_lock)
        {
            if (!_translator.TryGet(command.Leg, out var leg))
            {
                return; // already gone: hanging up twice is not an error
            }

            channel = leg.ChannelName;
            if (channel is null)
            {
                // Not created yet: hang it up as soon as Asterisk names it.
                leg.PendingHangupCause = cause;
                return;
            }
        }

        try
        {
            await SendAsync(new AmiAction("Hangup").Add("Channel", channel).Add("Cause", cause.ToString(CultureInfo.InvariantCulture)), cancellationToken);
        }
        catch (SwitchCommandRejectedException)
        {
            // "No such channel": it ended on its own meanwhile; its Hangup event is on the way.
        }
    }

    /// <summary>MixMonitor on the leg: in a ConfBridge it hears both the customer and the agent.</summary>
    public async Task StartRecordingAsync(RecordingCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        SafeToken.ThrowIfInvalid(command.Name, nameof(command));
        await SendAsync(new AmiAction("MixMonitor").Add("Channel", LockedChannelOf(command.Leg)).Add("File", $"{command.Name}.{_options.RecordingFormat}"), cancellationToken);
    }

    public async Task StopRecordingAsync(RecordingCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        await SendAsync(new AmiAction("StopMixMonitor").Add("Channel", LockedChannelOf(command.Leg)), cancellationToken);
    }

    /// <summary>Redirects the leg into the transfer context, the destination as the extension.</summary>
    public async Task TransferAsync(TransferCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        SafeToken.ThrowIfInvalid(command.Destination, nameof(command));
        await SendAsync(new AmiAction("Redirect")
            .Add("Channel", LockedChannelOf(command.Leg))
            .Add("Context", _options.TransferContext)
            .Add("Exten", command.Destination)
            .Add("Priority", "1"), cancellationToken);
    }

    /// <summary>Calls the supervisor's phone into the spy context, which runs ChanSpy on the agent's channel.</summary>
    public async Task MonitorAsync(MonitorCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var target = LockedChannelOf(command.AgentLeg);
        var mode = command.Mode switch
        {
            MonitorMode.Whisper => "whisper",
            MonitorMode.Barge => "barge",
            _ => "listen",
        };
        await SendAsync(new AmiAction("Originate")
            .Add("Channel", command.SupervisorEndpoint)
            .Add("Context", _options.SpyContext)
            .Add("Exten", mode)
            .Add("Priority", "1")
            .Add("CallerID", $"\"{mode} {command.AgentLeg}\" <0>")
            .Add("Timeout", "30000")
            .Add("Async", "true")
            .Add(AmiHeaders.Variable, $"ORCH_SPY_TARGET={target}"), cancellationToken);
    }

    public async Task<IReadOnlyList<LiveChannel>> ListLiveChannelsAsync(CancellationToken cancellationToken)
    {
        AmiListResponse list;
        try
        {
            list = await _client.SendListAsync(new AmiAction("CoreShowChannels"), cancellationToken);
        }
        catch (AmiException error)
        {
            throw Translate(error, "CoreShowChannels");
        }

        return list.Items.Select(item => new CoreShowChannelEvent(item)).Select(channel => new LiveChannel(
            LegId.TryParse(channel.Uniqueid, out var leg) ? leg : null,
            channel.Channel ?? string.Empty,
            channel.Uniqueid ?? string.Empty,
            channel.ChannelStateDesc ?? string.Empty,
            channel.IsUp,
            channel.Message["BridgeId"] is { Length: > 0 } bridge ? bridge : null)).ToList();
    }

    public async Task HangupLeftoverAsync(LiveChannel channel, HangupCause cause, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentException.ThrowIfNullOrEmpty(channel.ChannelName);
        try
        {
            await SendAsync(new AmiAction("Hangup").Add("Channel", channel.ChannelName).Add("Cause", ToQ850(cause).ToString(CultureInfo.InvariantCulture)), cancellationToken);
        }
        catch (SwitchCommandRejectedException)
        {
            // "No such channel": it ended meanwhile.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _client.DisposeAsync();
        await _pumps;
        _events.Writer.TryComplete();
        _stopping.Dispose();
    }

    private async Task SendOriginateAsync(LegId leg, long? agentId, AmiAction action, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            // Registered before sending: the first events can arrive before the response does.
            _translator.Register(leg, agentId, action.ActionId!, _client.Generation);
        }

        try
        {
            await _client.SendAsync(action, cancellationToken);
        }
        catch (AmiOutcomeUnknownException error)
        {
            // The Originate may have gone out: keep the leg; the resync after reconnect settles it.
            AmiSwitchAdapterLog.OriginateOutcomeUnknown(_logger, leg, error.Message);
            throw new SwitchOutcomeUnknownException($"Originate of {leg}: {error.Message}", error);
        }
        catch (Exception error) when (error is AmiException or OperationCanceledException)
        {
            lock (_lock)
            {
                _translator.Forget(leg);
            }

            throw error is AmiException ami ? Translate(ami, "Originate") : error;
        }
    }

    private async Task SendAsync(AmiAction action, CancellationToken cancellationToken)
    {
        try
        {
            await _client.SendAsync(action, cancellationToken);
        }
        catch (AmiException error)
        {
            throw Translate(error, action.Name);
        }
    }

    private string LockedChannelOf(LegId leg)
    {
        lock (_lock)
        {
            return ChannelOf(leg);
        }
    }

    private string ChannelOf(LegId leg) =>
        _translator.TryGet(leg, out var tracked) && tracked.ChannelName is { } name ? name : throw new UnknownLegException(leg);

    private static SwitchException Translate(AmiException error, string action) => error switch
    {
        AmiNotConnectedException => new SwitchNotReadyException(error.Message),
        AmiActionFailedException failed => new SwitchCommandRejectedException($"Asterisk refused {action}: {failed.Response[AmiHeaders.Message]}"),
        AmiOutcomeUnknownException => new SwitchOutcomeUnknownException(error.Message, error),
        _ => new SwitchException(error.Message, error),
    };

    private static int ToQ850(HangupCause cause) => cause switch
    {
        HangupCause.Busy => 17,
        HangupCause.NoAnswer => 19,
        HangupCause.Rejected => 21,
        HangupCause.Congestion => 34,
        HangupCause.InvalidNumber => 1,
        _ => 16,
    };

    private async Task PumpEventsAsync(CancellationToken stopping)
    {
        var output = new List<LegEvent>();
        var hangups = new List<(string Channel, int Cause)>();
        try
        {
            await foreach (var message in _client.Events.ReadAllAsync(stopping))
            {
                if (message.Kind != AmiMessageKind.Event)
                {
                    continue;
                }

                var at = SwitchTime(message);
                lock (_lock)
                {
                    _translator.Translate(message, at, output, hangups);
                }

                foreach (var legEvent in output)
                {
                    await _events.Writer.WriteAsync(legEvent, stopping);
                }

                output.Clear();
                foreach (var (channel, cause) in hangups)
                {
                    _ = HangupLaterAsync(channel, cause);
                }

                hangups.Clear();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task HangupLaterAsync(string channel, int cause)
    {
        // Off the event pump: a send waits for the socket when Asterisk has stopped reading (up to the action timeout).
        await Task.Yield();
        try
        {
            await _client.SendAsync(new AmiAction("Hangup").Add("Channel", channel).Add("Cause", cause.ToString(CultureInfo.InvariantCulture)), CancellationToken.None);
        }
        catch (AmiException)
        {
            // The channel ended or the link dropped; either way its end is reported by events or the resync.
        }
    }

    private async Task PumpConnectionChangesAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var change in _client.ConnectionChanges.ReadAllAsync(stopping))
            {
                if (change.State == AmiConnectionState.Ready)
                {
                    await ResyncAsync(change.Generation, stopping);
                }
                else
                {
                    if (change.State == AmiConnectionState.Disconnected)
                    {
                        AmiSwitchAdapterLog.Disconnected(_logger, change.Generation, change.Reason);
                    }

                    await _events.Writer.WriteAsync(new SwitchConnectionChanged(Map(change.State), change.Generation, change.Reason, null, change.At), stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task ResyncAsync(long generation, CancellationToken stopping)
    {
        IReadOnlyList<LiveChannel> live;
        try
        {
            live = await ListLiveChannelsAsync(stopping);
        }
        catch (SwitchException error)
        {
            // The link dropped again before the list came back; the next Ready resyncs.
            AmiSwitchAdapterLog.ResyncFailed(_logger, error.Message);
            return;
        }

        var output = new List<LegEvent>();
        int tracked;
        lock (_lock)
        {
            _translator.Reconcile(live, generation, _time.GetUtcNow(), output);
            tracked = _translator.Count;
        }

        foreach (var legEvent in output)
        {
            await _events.Writer.WriteAsync(legEvent, stopping);
        }

        AmiSwitchAdapterLog.Ready(_logger, generation, live.Count, tracked);
        await _events.Writer.WriteAsync(new SwitchConnectionChanged(SwitchConnectionState.Ready, generation, null, live, _time.GetUtcNow()), stopping);
    }

    private static SwitchConnectionState Map(AmiConnectionState state) => state switch
    {
        AmiConnectionState.Ready => SwitchConnectionState.Ready,
        AmiConnectionState.Authenticating => SwitchConnectionState.Authenticating,
        AmiConnectionState.Connecting => SwitchConnectionState.Connecting,
        _ => SwitchConnectionState.Disconnected,
    };

    /// <summary>Asterisk stamps events only with <c>timestampevents = yes</c>; otherwise the arrival time stands in.</summary>
    private DateTimeOffset SwitchTime(AmiMessage message) =>
        message["Timestamp"] is { } stamp && double.TryParse(stamp, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000))
            : _time.GetUtcNow();
}
