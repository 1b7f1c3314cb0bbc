using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Orchestrator.Protocols.Ari;
using Orchestrator.Protocols.Ari.Client;
using Orchestrator.Protocols.Ari.Models;
using Orchestrator.Protocols.Ari.Rest;
using Orchestrator.Switching.Asterisk.Ami;
using Orchestrator.Switching.Commands;
using Orchestrator.Switching.Events;

namespace Orchestrator.Switching.Asterisk.Ari;

/// <summary>
/// The switch contract over the Asterisk REST Interface. Customers are originated straight into the Stasis application
/// (<c>POST /channels</c>, channel id = leg id); answered agents wait in a holding bridge of their own; bridging a call
/// makes a mixing bridge per call and moves the agent into it; when the customer leaves, the agent goes back to holding
/// and the call bridge is destroyed. AMD runs in the dialplan (<c>orchestrator-ari-amd</c>).
/// </summary>
/// <remarks>
/// Ready means the events socket is open (the application is registered) and the live channels were listed and
/// reconciled after it opened. A <c>POST /channels</c> whose answer is lost is never sent again: it surfaces as
/// <see cref="SwitchOutcomeUnknownException"/>, the leg stays tracked, and its events (or the next resync) settle it.
/// </remarks>
public sealed partial class AriSwitchAdapter : ISwitchAdapter
{
    private readonly AriClient _client;
    private readonly AriRestClient _rest;
    private readonly AriSwitchOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AriEventTranslator _translator;
    private readonly Lock _lock = new();
    private readonly Channel<SwitchEvent> _events = Channel.CreateBounded<SwitchEvent>(new BoundedChannelOptions(65_536)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly Channel<AriFollowUp> _followUps = Channel.CreateUnbounded<AriFollowUp>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private Task _pumps = Task.CompletedTask;
    private long _readyGeneration;
    private long _sequence;

    public AriSwitchAdapter(AriClient client, AriSwitchOptions options, TimeProvider time, ILogger<AriSwitchAdapter> logger)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _rest = client.Rest;
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _translator = new AriEventTranslator(options);
    }

    public string Name => "asterisk-ari";

    /// <summary>Everything: AMD through the dialplan, nailed-up agents in holding bridges, bridge recording, snoop monitoring, transfer by <c>continue</c>.</summary>
    public SwitchCapabilities Capabilities =>
        SwitchCapabilities.AnsweringMachineDetection | SwitchCapabilities.NailedUpAgentLegs | SwitchCapabilities.Bridging |
        SwitchCapabilities.PlayThenHangup | SwitchCapabilities.ChannelListing | SwitchCapabilities.Recording |
        SwitchCapabilities.Transfer | SwitchCapabilities.Monitoring;

    /// <summary>Ready only when the events socket is open and this generation has been reconciled; Authenticating in between.</summary>
    public SwitchConnectionState State => _client.State switch
    {
        AriConnectionState.Ready when _client.IsHealthy && Interlocked.Read(ref _readyGeneration) == _client.Generation => SwitchConnectionState.Ready,
        AriConnectionState.Ready => SwitchConnectionState.Authenticating,
        AriConnectionState.Connecting => SwitchConnectionState.Connecting,
        _ => SwitchConnectionState.Disconnected,
    };

    public ChannelReader<SwitchEvent> Events => _events.Reader;

    private string Application => _client.Application;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _client.StartAsync(cancellationToken);
        _pumps = Task.WhenAll(
            Task.Run(() => PumpEventsAsync(_stopping.Token), CancellationToken.None),
            Task.Run(() => PumpConnectionChangesAsync(_stopping.Token), CancellationToken.None),
            Task.Run(() => RunFollowUpsAsync(_stopping.Token), CancellationToken.None));
    }

    /// <summary><c>POST /channels</c> into the application; with AMD the answered customer is sent through the AMD context.</summary>
    public async Task OriginateAsync(OriginateCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var leg = command.Leg;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["ORCH_LEG"] = leg.Value };
        foreach (var (name, value) in command.Variables)
        {
            variables[name] = value;
        }

        var request = new AriOriginateRequest
        {
            Endpoint = DialString.Expand(command.Trunk ?? _options.DefaultTrunk, command.Destination),
            App = Application,
            AppArgs = command.DetectMachine ? ["customer", "amd"] : ["customer"],
            CallerId = command.CallerId.ToString(),
            TimeoutSeconds = RingSeconds(command.RingTimeout),
            ChannelId = leg.Value,
            OtherChannelId = $"{leg}.2",
            Variables = variables,
        };
        await OriginateLegAsync(leg, agentId: null, command.DetectMachine, request, cancellationToken);
    }

    /// <summary><c>POST /channels</c> to the agent's phone into the application; once answered it waits in its own holding bridge.</summary>
    public async Task OpenAgentLegAsync(AgentLegCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var leg = command.Leg;
        var request = new AriOriginateRequest
        {
            Endpoint = command.Endpoint,
            App = Application,
            AppArgs = ["agent", command.AgentId.ToString(CultureInfo.InvariantCulture)],
            CallerId = command.CallerId.ToString(),
            TimeoutSeconds = RingSeconds(command.RingTimeout),
            ChannelId = leg.Value,
            OtherChannelId = $"{leg}.2",
            Variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["ORCH_LEG"] = leg.Value },
        };
        await OriginateLegAsync(leg, command.AgentId, detectMachine: false, request, cancellationToken);
    }

    /// <summary>A mixing bridge for this call (id from the customer leg); the agent moves into it from holding, the customer joins.</summary>
    public async Task BridgeAsync(BridgeCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        string bridgeId;
        lock (_lock)
        {
            var customer = Tracked(command.Customer);
            var agent = Tracked(command.Agent);
            if (!customer.InStasis || !customer.Answered)
            {
                throw new SwitchCommandRejectedException($"Customer leg {command.Customer} is not answered and in the application yet; it cannot be bridged.");
            }

            bridgeId = _options.CallBridge(command.Customer);
            AriEventTranslator.BeginCall(customer, agent, bridgeId);
        }

        try
        {
            await EnsureBridgeAsync(bridgeId, AriBridgeType.Mixing, cancellationToken);
            await _rest.AddChannelsToBridgeAsync(bridgeId, [command.Agent.Value, command.Customer.Value], cancellationToken);
        }
        catch (AriException error)
        {
            lock (_lock)
            {
                if (_translator.TryGet(command.Customer, out var customer) && customer.CallBridge == bridgeId)
                {
                    customer.CallBridge = null;
                }
            }

            _followUps.Writer.TryWrite(new AriFollowUp.DestroyBridge(bridgeId));
            throw Translate(error, $"bridge {command.Customer} to {command.Agent}", command.Customer);
        }
    }

    /// <summary>Plays <c>sound:&lt;prompt&gt;</c> to the leg; when PlaybackFinished arrives, the leg is hung up.</summary>
    public async Task PlayThenHangupAsync(PlayThenHangupCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var media = Media(string.IsNullOrEmpty(command.Prompt) ? _options.SafeHarborPrompt : command.Prompt);
        var playbackId = $"orch-play-{command.Leg}-{Interlocked.Increment(ref _sequence)}";
        lock (_lock)
        {
            Tracked(command.Leg);
            _translator.HangupAfterPlayback(playbackId, command.Leg);
        }

        try
        {
            await _rest.PlayAsync(command.Leg.Value, media, playbackId, cancellationToken);
        }
        catch (AriException error)
        {
            lock (_lock)
            {
                _translator.ForgetPlayback(playbackId);
            }

            throw Translate(error, $"play {media} to {command.Leg}", command.Leg);
        }
    }

    /// <summary>Hangs up a listed channel this adapter did not create, and an agent leg's holding bridge with it.</summary>
    public async Task HangupLeftoverAsync(LiveChannel channel, Core.Calls.HangupCause cause, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentException.ThrowIfNullOrEmpty(channel.SwitchId);
        try
        {
            await _rest.HangupChannelAsync(channel.SwitchId, AriEventTranslator.ToQ850(cause), null, cancellationToken);
            if (channel.Leg is { IsAgentLeg: true } leg)
            {
                // Nobody tracks the leftover's holding bridge; agent leg ids never repeat, so it would stay for good.
                await DestroyLeftoverBridgeAsync(_options.HoldingBridge(leg), cancellationToken);
            }
        }
        catch (AriNotFoundException)
        {
            // Gone meanwhile.
        }
        catch (AriException error)
        {
            throw Translate(error, $"hang up leftover channel {channel.ChannelName}", channel.Leg);
        }
    }

    private async Task DestroyLeftoverBridgeAsync(string bridgeId, CancellationToken cancellationToken)
    {
        try
        {
            await _rest.DestroyBridgeAsync(bridgeId, cancellationToken);
        }
        catch (AriNotFoundException)
        {
            // No such bridge: nothing to clean.
        }
    }

    /// <summary><c>DELETE /channels/{id}</c> with the Q.850 cause; a channel already gone (404) is not an error.</summary>
    public async Task HangupAsync(HangupCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var cause = AriEventTranslator.ToQ850(command.Cause);
        lock (_lock)
        {
            if (!_translator.TryGet(command.Leg, out var leg))
            {
                return; // already gone: hanging up twice is not an error
            }

            if (!leg.Created)
            {
                // The originate may still be on its way: hang up as soon as Asterisk confirms the channel.
                leg.PendingHangupCause = cause;
            }
        }

        try
        {
            await _rest.HangupChannelAsync(command.Leg.Value, cause, null, cancellationToken);
        }
        catch (AriNotFoundException)
        {
            // Gone meanwhile (its ChannelDestroyed is on the way), or not created yet (the pending hangup covers it).
        }
        catch (AriException error)
        {
            throw Translate(error, $"hang up {command.Leg}", command.Leg);
        }
    }

    /// <summary>Records the leg's call bridge (both sides) when it is in one, else the leg's channel.</summary>
    public async Task StartRecordingAsync(RecordingCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        SafeToken.ThrowIfInvalid(command.Name, nameof(command));
        string? bridge;
        lock (_lock)
        {
            var leg = Tracked(command.Leg);
            bridge = leg.IsAgent ? _translator.CallBridgeOf(leg) : leg.CallBridge ?? leg.BridgeId;
        }

        var request = new AriRecordRequest { Name = command.Name, Format = _options.RecordingFormat, IfExists = "fail", Beep = false };
        try
        {
            if (bridge is not null)
            {
                await _rest.RecordBridgeAsync(bridge, request, cancellationToken);
            }
            else
            {
                await _rest.RecordChannelAsync(command.Leg.Value, request, cancellationToken);
            }
        }
        catch (AriException error)
        {
            throw Translate(error, $"record {command.Leg}", command.Leg);
        }
    }

    /// <summary>Stops the live recording (kept). One already stopped (its bridge or channel went) is not an error.</summary>
    public async Task StopRecordingAsync(RecordingCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        SafeToken.ThrowIfInvalid(command.Name, nameof(command));
        try
        {
            await _rest.StopLiveRecordingAsync(command.Name, cancellationToken);
        }
        catch (AriNotFoundException)
        {
            // Finished already: the recording stops by itself when its bridge or channel goes.
        }
        catch (AriException error)
        {
            throw Translate(error, $"stop recording {command.Name}", null);
        }
    }

    /// <summary>
    /// Sends the leg back to the dialplan at <c>orchestrator-transfer,&lt;destination&gt;,1</c>. The application stays
    /// subscribed to the channel, so its end is still reported after it leaves Stasis.
    /// </summary>
    public async Task TransferAsync(TransferCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        SafeToken.ThrowIfInvalid(command.Destination, nameof(command));
        lock (_lock)
        {
            Tracked(command.Leg);
        }

        try
        {
            await _rest.SubscribeAsync(Application, [$"channel:{command.Leg}"], cancellationToken);
            await _rest.ContinueInDialplanAsync(command.Leg.Value, _options.TransferContext, command.Destination, 1, null, cancellationToken);
        }
        catch (AriException error)
        {
            throw Translate(error, $"transfer {command.Leg} to {command.Destination}", command.Leg);
        }
    }

    /// <summary>
    /// Calls the supervisor's phone into the application. Once answered: listen and whisper snoop on the agent's channel
    /// (spy both; whisper out, to the agent) and bridge the snoop with the supervisor; barge adds the supervisor to the
    /// agent's call bridge (a snoop that listens when the agent is between calls).
    /// </summary>
    public async Task MonitorAsync(MonitorCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var n = Interlocked.Increment(ref _sequence);
        var supervisor = $"orch.sup.{command.AgentLeg}.{n}";
        var mode = command.Mode.ToString().ToLowerInvariant();
        AriMonitor monitor;
        lock (_lock)
        {
            var agent = Tracked(command.AgentLeg);
            monitor = _translator.RegisterMonitor(supervisor, agent, command.Mode, $"orch.snoop.{command.AgentLeg}.{n}", $"orch-mon-{command.AgentLeg}-{n}");
        }

        var request = new AriOriginateRequest
        {
            Endpoint = command.SupervisorEndpoint,
            App = Application,
            AppArgs = ["supervisor", command.AgentLeg.Value, mode],
            CallerId = $"\"{mode} {command.AgentLeg}\" <0>",
            TimeoutSeconds = RingSeconds(_options.SupervisorRingTimeout),
            ChannelId = supervisor,
            OtherChannelId = $"{supervisor}.2",
        };
        try
        {
            await _rest.OriginateAsync(request, cancellationToken);
        }
        catch (AriOutcomeUnknownException error)
        {
            throw new SwitchOutcomeUnknownException($"Monitor of {command.AgentLeg}: {error.Message}", error);
        }
        catch (AriException error)
        {
            lock (_lock)
            {
                _translator.ForgetMonitor(monitor);
            }

            throw Translate(error, $"call supervisor {command.SupervisorEndpoint}", null);
        }
    }

    /// <summary><c>GET /channels</c>: every channel, with its leg id when the channel id is one (helper channels and Local <c>;2</c> halves have none).</summary>
    public async Task<IReadOnlyList<LiveChannel>> ListLiveChannelsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (_, live) = await ReadLiveChannelsAsync(cancellationToken);
            return live;
        }
        catch (AriException error)
        {
            throw Translate(error, "list channels", null);
        }
    }

    /// <summary>The channels as ARI lists them, and as live channels with the bridge each is in (two requests).</summary>
    private async Task<(IReadOnlyList<AriChannel> Channels, List<LiveChannel> Live)> ReadLiveChannelsAsync(CancellationToken cancellationToken)
    {
        var channels = await _rest.ListChannelsAsync(cancellationToken);
        var bridgeOf = BridgeOf(await _rest.ListBridgesAsync(cancellationToken));
        return (channels, [.. channels.Select(c => ToLiveChannel(c, bridgeOf.GetValueOrDefault(c.Id)))]);
    }

    /// <summary>Which bridge each channel is in: a channel is in at most one, and ARI's channel model does not say.</summary>
    private static Dictionary<string, string> BridgeOf(IReadOnlyList<AriBridge> bridges)
    {
        var bridgeOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var bridge in bridges)
        {
            foreach (var channel in bridge.Channels)
            {
                bridgeOf[channel] = bridge.Id;
            }
        }

        return bridgeOf;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _client.DisposeAsync();
        _followUps.Writer.TryComplete();
        await _pumps;
        _events.Writer.TryComplete();
        _stopping.Dispose();
    }

    private static LiveChannel ToLiveChannel(AriChannel channel, string? bridgeId) =>
        new(LegId.TryParse(channel.Id, out var leg) ? leg : null, channel.Name, channel.Id, channel.State, channel.State == "Up", bridgeId);

    private static int RingSeconds(TimeSpan timeout) => timeout <= TimeSpan.Zero ? -1 : Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));

    /// <summary><c>sound:&lt;prompt&gt;</c>, unless the prompt already names its media scheme (<c>recording:</c>, <c>sound:</c>).</summary>
    private static string Media(string prompt)
    {
        if (prompt.Contains("..", StringComparison.Ordinal) || !prompt.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/' or '.' or ':'))
        {
            throw new ArgumentException($"'{prompt}' is not a prompt name: letters, digits, '-', '_', '/', '.' and a media scheme only.", nameof(prompt));
        }

        return prompt.StartsWith("sound:", StringComparison.Ordinal) || prompt.StartsWith("recording:", StringComparison.Ordinal) ? prompt : "sound:" + prompt;
    }

    private AriLeg Tracked(LegId leg) => _translator.TryGet(leg, out var tracked) ? tracked : throw new UnknownLegException(leg);

    private async Task OriginateLegAsync(LegId leg, long? agentId, bool detectMachine, AriOriginateRequest request, CancellationToken cancellationToken)
    {
        if (State != SwitchConnectionState.Ready)
        {
            // Without the events socket the application is not registered: the call could not enter it.
            throw new SwitchNotReadyException($"Asterisk ARI is not ready ({State}): {_client.LastError ?? "the events socket is not open"}. Nothing was sent.");
        }

        lock (_lock)
        {
            // Registered before sending: the first events can arrive before the response does.
            _translator.Register(leg, agentId, detectMachine, _client.Generation);
        }

        try
        {
            await _rest.OriginateAsync(request, cancellationToken);
        }
        catch (AriOutcomeUnknownException error)
        {
            // The call may exist: keep the leg; its events or the resync after a reconnect settle it. Never resend.
            AriSwitchAdapterLog.OriginateOutcomeUnknown(_logger, leg, error.Message);
            throw new SwitchOutcomeUnknownException($"Originate of {leg}: {error.Message}", error);
        }
        catch (Exception error) when (error is AriException or OperationCanceledException)
        {
            lock (_lock)
            {
                _translator.Forget(leg);
            }

            throw error is AriException ari ? Translate(ari, $"originate {leg}", null) : error;
        }

        int? pending;
        lock (_lock)
        {
            pending = null;
            if (_translator.TryGet(leg, out var tracked))
            {
                tracked.Created = true;
                pending = tracked.PendingHangupCause;
                tracked.PendingHangupCause = null;
            }
        }

        if (pending is { } cause)
        {
            _followUps.Writer.TryWrite(new AriFollowUp.Hangup(leg.Value, cause));
        }
    }

    /// <summary>Creates the bridge, or finds it already there (a retry, or a reconnect that kept it).</summary>
    private async Task EnsureBridgeAsync(string bridgeId, AriBridgeType type, CancellationToken cancellationToken)
    {
        try
        {
            await _rest.CreateBridgeAsync(type, bridgeId, bridgeId, cancellationToken);
        }
        catch (AriRequestException error) when (error is not AriNotFoundException && (int)error.StatusCode is 409 or 500)
        {
            // "Possible duplicate bridge id?": it is there if GET finds it; otherwise the original error stands.
            if (!await BridgeExistsAsync(bridgeId, cancellationToken))
            {
                throw;
            }
        }
    }

    private async Task<bool> BridgeExistsAsync(string bridgeId, CancellationToken cancellationToken)
    {
        try
        {
            await _rest.GetBridgeAsync(bridgeId, cancellationToken);
            return true;
        }
        catch (AriNotFoundException)
        {
            return false;
        }
    }

    private static SwitchException Translate(AriException error, string what, LegId? leg) => error switch
    {
        AriNotConnectedException or AriNotReadyException => new SwitchNotReadyException($"Asterisk ARI could not {what}: {error.Message}"),
        AriRequestException { StatusCode: System.Net.HttpStatusCode.ServiceUnavailable } => new SwitchNotReadyException($"Asterisk is starting and could not {what} yet: {error.Message}"),
        AriOutcomeUnknownException => new SwitchOutcomeUnknownException($"Asterisk ARI may or may not {what}: {error.Message}", error),
        AriNotFoundException when leg is { } gone => new UnknownLegException(gone),
        AriRequestException request => new SwitchCommandRejectedException($"Asterisk refused to {what}: {(int)request.StatusCode} {request.AsteriskMessage}"),
        _ => new SwitchException($"Asterisk ARI could not {what}: {error.Message}", error),
    };
}
