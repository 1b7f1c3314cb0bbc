using System.Globalization;
using System.Text.RegularExpressions;
using Orchestrator.Protocols.Ami;
using Orchestrator.Simulator.Engine;
using Orchestrator.Simulator.Recordings;

namespace Orchestrator.Simulator.Lab;

/// <summary>
/// Turns a single-call lab recording into a <see cref="LabTemplate"/>: the server's events after the Originate,
/// split into what the call does by itself and how it ends. Events caused by later actions that the simulator
/// regenerates itself (MixMonitor's) are left out; a recorded Hangup action's aftermath becomes the teardown.
/// </summary>
public static partial class LabTemplateExtractor
{
    private static readonly HashSet<string> RegeneratedEvents = new(StringComparer.Ordinal) { "MixMonitorStart", "MixMonitorStop" };

    /// <summary>The template of the recording's one Originate to <c>Local/…@sim-customers</c>, or null when it has none or its events were off.</summary>
    public static LabTemplate? Extract(AsteriskTranscript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var messages = RecordingReader.Read(transcript);
        var originates = messages
            .Where(m => m.Direction == TranscriptDirection.Client && m.Message is { } a && a.ActionName == "Originate"
                && (a["Channel"] ?? string.Empty).EndsWith("@sim-customers", StringComparison.Ordinal))
            .ToList();
        if (originates.Count != 1)
        {
            return null;
        }

        var originate = originates[0];
        var action = originate.Message!;
        var connection = originate.Connection;
        var originateIndex = IndexOf(messages, originate);
        var actionId = action.ActionId;
        var events = new List<TimedEvent>();
        TimeSpan? hangupAt = null;
        int? hangupCause = null;
        var teardownStart = -1;
        TimeSpan? syncResponseAt = null;
        bool? syncSuccess = null;

        for (var i = originateIndex + 1; i < messages.Count; i++)
        {
            var m = messages[i];
            if (m.Connection != connection || m.Message is not { } message)
            {
                continue;
            }

            var offset = m.Offset - originate.Offset;
            if (m.Direction == TranscriptDirection.Client)
            {
                if (message.ActionName == "Logoff")
                {
                    break;
                }

                if (message.ActionName == "Hangup" && hangupAt is null)
                {
                    hangupAt = offset;
                    hangupCause = int.TryParse(message["Cause"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? c : HangupCauses.NormalClearing;
                    teardownStart = events.Count;
                }

                continue;
            }

            if (message.Kind == AmiMessageKind.Response)
            {
                if (syncResponseAt is null && message.ActionId == actionId && message["Message"] != "Originate successfully queued")
                {
                    syncResponseAt = offset;
                    syncSuccess = message.ResponseStatus == "Success";
                }

                continue;
            }

            if (message.Kind != AmiMessageKind.Event || RegeneratedEvents.Contains(message.EventName)
                || (message.EventName == "VarSet" && message["Variable"] == "MIXMONITOR_FILENAME")
                || (message.ActionId is { } id && id != actionId))
            {
                continue;
            }

            events.Add(new TimedEvent(offset, message));
        }

        if (events.Count == 0)
        {
            return null;
        }

        TimeSpan? naturalAt = null;
        if (teardownStart < 0)
        {
            teardownStart = events.FindIndex(IsTeardownMarker);
            if (teardownStart < 0)
            {
                teardownStart = events.Count;
            }
            else
            {
                naturalAt = events[teardownStart].Offset;
            }
        }

        var teardownBase = hangupAt ?? naturalAt ?? TimeSpan.Zero;
        var prelude = events.Take(teardownStart).ToList();
        var teardown = events.Skip(teardownStart).Select(e => e with { Offset = Max(TimeSpan.Zero, e.Offset - teardownBase) }).ToList();
        var response = events.Select(e => e.Message).FirstOrDefault(e => e.EventName == "OriginateResponse");
        var answered = events.FirstOrDefault(e => e.Message.EventName == "OriginateResponse" && e.Message["Response"] == "Success");
        var dial = DialString.Parse(action["Channel"]!)!;
        var context = action["Context"] ?? string.Empty;
        var exten = action["Exten"] ?? string.Empty;
        var async = string.Equals(action["Async"], "true", StringComparison.OrdinalIgnoreCase);
        var responseEvent = events.FirstOrDefault(e => e.Message.EventName == "OriginateResponse");
        var timeout = OriginateRequest.TryParseTimeout(action["Timeout"], out var parsed) ? parsed : TimeSpan.FromSeconds(30);
        return new LabTemplate
        {
            Source = transcript.Name,
            Behaviour = LabBehaviours.FromNumber(dial.LocalExten),
            Context = context,
            ExtenClass = LabBehaviours.ExtenClass(context, exten),
            Async = async,
            Originate = action,
            OriginateWallTime = RecordedAt(transcript) + originate.Offset,
            Prelude = prelude,
            Teardown = teardown,
            NaturalTeardownAt = hangupAt is null ? naturalAt : null,
            HangupActionCause = hangupCause,
            AnsweredAt = answered?.Offset,
            CompletesAt = syncResponseAt ?? responseEvent?.Offset ?? (teardown.Count > 0 ? teardownBase : TimeSpan.Zero),
            Succeeds = syncSuccess ?? (response?["Response"] == "Success"),
            RecordedTimeout = timeout,
        };
    }

    /// <summary>The first event that belongs to the end of the call.</summary>
    private static bool IsTeardownMarker(TimedEvent e) => e.Message.EventName switch
    {
        "SoftHangupRequest" or "HangupRequest" or "Hangup" or "Cdr" => true,
        "CEL" => e.Message["EventName"] == "HANGUP",
        _ => false,
    };

    private static DateTimeOffset RecordedAt(AsteriskTranscript transcript)
    {
        foreach (var comment in transcript.Comments)
        {
            var match = RecordedPattern().Match(comment);
            if (match.Success && DateTimeOffset.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return at;
            }
        }

        return DateTimeOffset.UnixEpoch;
    }

    private static int IndexOf(IReadOnlyList<RecordedMessage> messages, RecordedMessage target)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            if (ReferenceEquals(messages[i], target))
            {
                return i;
            }
        }

        return -1;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [GeneratedRegex(@"^# recorded (\S+)")]
    private static partial Regex RecordedPattern();
}
