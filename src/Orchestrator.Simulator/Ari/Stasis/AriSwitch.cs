using System.Globalization;
using System.Text.Json;
using Orchestrator.Simulator.Engine;

namespace Orchestrator.Simulator.Ari.Stasis;

/// <summary>Where the switch's events go: the open events sockets, by application.</summary>
internal interface IEventSink
{
    bool IsRegistered(string application);

    /// <summary>Queues one event for every socket of <paramref name="application"/>. Under the gate.</summary>
    void Deliver(string application, byte[] payload);
}

/// <summary>An error a resource answers with: the status, Asterisk's reason phrase and its message.</summary>
internal sealed record StasisError(int Status, string Reason, string Message)
{
    /// <summary>The body says <c>{"error": ...}</c> rather than <c>{"message": ...}</c> (an allocation failure).</summary>
    public bool ErrorField { get; init; }

    public static StasisError ChannelNotFound { get; } = new(404, "Not Found", "Channel not found");

    public static StasisError NotInStasis { get; } = new(409, "Conflict", "Channel not in Stasis application");

    public static StasisError BridgeNotFound { get; } = new(404, "Not found", "Bridge not found");

    public static StasisError RecordingNotFound { get; } = new(404, "Not Found", "Recording not found");
}

/// <summary>A hangup request event before the channel goes: its cause, and whether it was soft (asked, e.g. by DELETE).</summary>
internal sealed record HangupRequest(int Cause, bool Soft);

/// <summary>What the other half of a Local pair sees when one half goes.</summary>
internal enum PeerHangup
{
    /// <summary>A hard hangup request with the cause, then a soft one (16), then it is destroyed.</summary>
    Full,

    /// <summary>Only the soft request, then destroyed.</summary>
    SoftOnly,

    /// <summary>The peer started it: it is simply destroyed.</summary>
    Initiator,
}

/// <summary>
/// The simulated Asterisk behind ARI: channels, bridges, playbacks, recordings, all behind one gate, with every
/// timed step on one scheduler (<see cref="SwitchScheduler"/>, shared with the AMI simulator). Events are built as
/// Asterisk 22 writes them and handed to the sink in the order they happen.
/// </summary>
internal sealed partial class AriSwitch : IDisposable
{
    private readonly IEventSink _sink;
    private readonly List<StasisChannel> _channels = [];
    private readonly Dictionary<string, StasisChannel> _byId = new(StringComparer.Ordinal);
    private readonly List<StasisBridge> _bridges = [];
    private readonly Dictionary<string, StasisPlayback> _playbacks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StasisRecording> _liveRecordings = new(StringComparer.Ordinal);
    private readonly List<(string Name, string Format)> _storedRecordings = [];
    private readonly long _seed;
    private Random _random;
    private int _sequence;
    private long _uniqueSequence;
    private long _customerDials;

    public AriSwitch(AsteriskAriSimulatorOptions options, TimeProvider time, IEventSink sink, AriSimulatorCounters counters)
    {
        Options = options;
        Time = time;
        _sink = sink;
        Counters = counters;
        Scheduler = new SwitchScheduler(Gate, time);
        _seed = options.Seed ?? options.Outcomes.Seed;
        _random = new Random(unchecked((int)(_seed ^ (_seed >> 32)) ^ 0x0A21));
        _sequence = options.FirstChannelSequence;
        StartedAt = time.GetUtcNow();
    }

    public object Gate { get; } = new();

    public AsteriskAriSimulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public SwitchScheduler Scheduler { get; }

    public AriSimulatorCounters Counters { get; }

    /// <summary>When the simulated Asterisk (re)started: <c>startup_time</c>.</summary>
    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset Now => Scheduler.Now;

    public IReadOnlyList<StasisChannel> Channels => _channels;

    public IReadOnlyList<StasisBridge> Bridges => _bridges;

    public IReadOnlyList<(string Name, string Format)> StoredRecordings => _storedRecordings;

    public StasisChannel? FindChannel(string id) => _byId.GetValueOrDefault(id);

    public StasisBridge? FindBridge(string id) => _bridges.Find(b => b.Id == id);

    public StasisPlayback? FindPlayback(string id) => _playbacks.GetValueOrDefault(id);

    public StasisRecording? FindLiveRecording(string name) => _liveRecordings.GetValueOrDefault(name);

    public TimeSpan SoundDuration(string sound)
    {
        var name = sound.StartsWith("sound:", StringComparison.Ordinal) ? sound[6..] : sound;
        return Options.SoundDurations.TryGetValue(name, out var duration) ? duration : Options.DefaultPlaybackDuration;
    }

    /// <summary>Forgets everything without a word, as a crashed Asterisk would (stored recordings stay on disk).</summary>
    public void Reset()
    {
        foreach (var channel in _channels)
        {
            channel.Gone = true;
        }

        _channels.Clear();
        _byId.Clear();
        _bridges.Clear();
        _playbacks.Clear();
        _liveRecordings.Clear();
        Scheduler.Clear();
        _sequence = 0;
        _uniqueSequence = 0;
    }

    /// <summary>The switch is up again: startup_time is now.</summary>
    public void Boot() => StartedAt = Time.GetUtcNow();

    public void Dispose() => Scheduler.Dispose();

    // ---- identifiers -------------------------------------------------------------------------------------------

    public string NextSequence() => (_sequence++).ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>A channel id as Asterisk makes one when the request chose none: <c>&lt;unix seconds&gt;.&lt;n&gt;</c>.</summary>
    public string NextUniqueId() => string.Create(CultureInfo.InvariantCulture, $"{Now.ToUnixTimeSeconds()}.{_uniqueSequence++}");

    public string NextUuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }

    public int NextRandom(int min, int maxInclusive) => _random.Next(min, maxInclusive + 1);

    /// <summary>The lead index of the next trunk customer (common random numbers per lead).</summary>
    public long NextCustomerIndex() => _customerDials++;

    // ---- events ------------------------------------------------------------------------------------------------

    /// <summary>Sends an event built per application to every application in <paramref name="applications"/>.</summary>
    public void Send(IEnumerable<string> applications, Func<string, byte[]> build)
    {
        foreach (var application in applications.Distinct(StringComparer.Ordinal).ToList())
        {
            if (_sink.IsRegistered(application))
            {
                _sink.Deliver(application, build(application));
                Counters.EventSent();
            }
            else
            {
                Counters.EventLost();
            }
        }
    }

    public void ChannelEvent(StasisChannel channel, string type, Action<Utf8JsonWriter>? before = null, Action<Utf8JsonWriter>? after = null) =>
        Send(channel.Subscribers, app => AriJson.Event(type, Now, Options.EntityId, app, before, w =>
        {
            after?.Invoke(w);
            AriJson.Channel(w, "channel", channel);
        }));

    public void Varset(StasisChannel channel, string variable, string value)
    {
        channel.SetVariable(variable, value);
        ChannelEvent(channel, "ChannelVarset", before: w =>
        {
            w.WriteString("variable", variable);
            w.WriteString("value", value);
        });
    }

    public void SetState(StasisChannel channel, string state)
    {
        if (channel.State == state)
        {
            return;
        }

        channel.State = state;
        ChannelEvent(channel, "ChannelStateChange");
    }

    /// <summary>One dialplan priority starts on <paramref name="channel"/>: ChannelDialplan.</summary>
    public void ExecuteStep(StasisChannel channel, DialplanStep step, string data)
    {
        channel.Locate(step.Context, step.Exten, step.Priority, step.App, data);
        ChannelEvent(channel, "ChannelDialplan", after: w =>
        {
            w.WriteString("dialplan_app", step.App);
            w.WriteString("dialplan_app_data", data);
        });
    }

    /// <summary>Dial progress of <paramref name="peer"/> (an originate or /dial has no caller channel).</summary>
    public void DialEvent(StasisChannel peer, string status, string dialString) =>
        Send(peer.Subscribers, app => AriJson.Event("Dial", Now, Options.EntityId, app, null, w =>
        {
            w.WriteString("dialstatus", status);
            w.WriteString("forward", string.Empty);
            w.WriteString("dialstring", dialString);
            AriJson.Channel(w, "peer", peer);
        }));

    private void HangupRequestEvent(StasisChannel channel, HangupRequest request) =>
        ChannelEvent(channel, "ChannelHangupRequest", before: w =>
        {
            w.WriteNumber("cause", request.Cause);
            if (request.Soft)
            {
                w.WriteBoolean("soft", true);
            }
        });

    private void DestroyedEvent(StasisChannel channel, int cause) =>
        ChannelEvent(channel, "ChannelDestroyed", after: w =>
        {
            w.WriteNumber("cause", cause);
            w.WriteString("cause_txt", HangupCauses.Describe(cause));
        });

    private void CallerIdEvents(StasisChannel channel)
    {
        ChannelEvent(channel, "ChannelCallerId", after: w =>
        {
            w.WriteNumber("caller_presentation", 0);
            w.WriteString("caller_presentation_txt", "Presentation Allowed, Not Screened");
        });
        ChannelEvent(channel, "ChannelConnectedLine");
    }

    private void StasisStartEvent(StasisChannel channel, IReadOnlyList<string> args) =>
        ChannelEvent(channel, "StasisStart", after: w =>
        {
            w.WriteStartArray("args");
            foreach (var arg in args)
            {
                w.WriteStringValue(arg);
            }

            w.WriteEndArray();
        });

    /// <summary>A bridge event goes to the channel's applications and to the bridge's creator.</summary>
    private void BridgeChannelEvent(string type, StasisBridge bridge, StasisChannel channel) =>
        Send(channel.Subscribers.Concat(bridge.Subscribers), app => AriJson.Event(type, Now, Options.EntityId, app, null, w =>
        {
            AriJson.Bridge(w, "bridge", bridge);
            AriJson.Channel(w, "channel", channel);
        }));
}
