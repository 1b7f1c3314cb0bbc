using System.Globalization;
using Orchestrator.Protocols.Ami;
using Orchestrator.Simulator.Engine;

namespace Orchestrator.Simulator.Lab;

/// <summary>
/// Makes a recorded call into this call: channel names, sequence numbers, Uniqueids, Linkedids, bridge ids,
/// caller ID, account, the dialed number and agent, variables, ActionID and times are substituted; every other
/// byte stays as Asterisk sent it.
/// </summary>
internal sealed partial class LabCallRewriter
{
    private readonly LabTemplate _template;
    private readonly OriginateRequest _request;
    private readonly TokenReplacer _tokens = new();
    private readonly TimeSpan _clockShift;
    private readonly string _recordedContext;
    private readonly string _recordedExten;
    private readonly string _recordedDigit;
    private readonly string _newDigit;
    private readonly string? _recordedCallerNum;
    private readonly string? _recordedCallerName;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _recordedVariables;
    private string? _customerHold;

    public LabCallRewriter(LabTemplate template, OriginateRequest request, SwitchIds ids, DateTimeOffset originatedAt)
    {
        _template = template;
        _request = request;
        _clockShift = originatedAt - template.OriginateWallTime;
        var recordedDial = DialString.Parse(template.Originate["Channel"]!)!;
        _recordedContext = template.Originate["Context"] ?? string.Empty;
        _recordedExten = template.Originate["Exten"] ?? string.Empty;
        _recordedDigit = recordedDial.LocalExten[^1..];
        _newDigit = request.Dial.LocalExten.Length > 0 ? request.Dial.LocalExten[^1..] : _recordedDigit;
        (_recordedCallerName, _recordedCallerNum) = OriginateRequest.ParseCallerId(template.Originate["CallerID"]);
        _recordedVariables = OriginateRequest.ParseVariables(template.Originate);

        AddIdentifierTokens(template, recordedDial, ids);
        AddDialplanTokens(template, recordedDial);
    }

    /// <summary>
    /// The recorded events with this call's shape: the Originate's variables instead of the recorded ones
    /// (same order and side as Asterisk set them), and no NewAccountCode / NewCallerid / NewConnectedLine
    /// when this Originate has no account or caller ID, as Asterisk would not send them.
    /// </summary>
    public IReadOnlyList<TimedEvent> Shape(IReadOnlyList<TimedEvent> events, bool keepOriginateResponse)
    {
        var recordedNames = _recordedVariables.Select(v => v.Key).ToList();
        var shaped = new List<TimedEvent>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var message = events[i].Message;
            switch (message.EventName)
            {
                case "NewAccountCode" when string.IsNullOrEmpty(_request.Account):
                case "NewCallerid" or "NewConnectedLine" when !_request.HasCallerId:
                case "OriginateResponse" when !keepOriginateResponse:
                    continue;
                case "VarSet" when recordedNames.Contains(message["Variable"] ?? string.Empty):
                    var run = new List<TimedEvent>();
                    while (i < events.Count && IsVariableOfRun(events[i].Message, message["Channel"], recordedNames))
                    {
                        run.Add(events[i++]);
                    }

                    i--;
                    shaped.AddRange(ReplaceVariables(run, recordedNames));
                    continue;
                default:
                    shaped.Add(events[i]);
                    break;
            }
        }

        return shaped;
    }

    /// <summary>One recorded event as this call's, emitted <paramref name="now"/>.</summary>
    public AmiMessage Rewrite(AmiMessage recorded, DateTimeOffset now, int? causeOverride = null)
    {
        var eventName = recorded.EventName;
        var context = recorded["Context"] ?? recorded["DestinationContext"] ?? string.Empty;
        DateTimeOffset? start = null;
        DateTimeOffset? answer = null;
        var builder = new AmiMessageBuilder();
        for (var i = 0; i < recorded.Count; i++)
        {
            var name = recorded.GetName(i);
            var value = recorded.GetValue(i);
            if (name.Length == 0)
            {
                builder.AddLine(value);
                continue;
            }

            if (name == AmiHeaders.ActionId && eventName == "OriginateResponse")
            {
                if (!string.IsNullOrEmpty(_request.ActionId))
                {
                    builder.Add(name, _request.ActionId);
                }

                continue;
            }

            builder.Add(name, RewriteValue(eventName, context, name, value, now, causeOverride, ref start, ref answer));
        }

        return builder.Build();
    }

    private string RewriteValue(string eventName, string context, string name, string value, DateTimeOffset now, int? causeOverride, ref DateTimeOffset? start, ref DateTimeOffset? answer)
    {
        switch (name)
        {
            case "Context" or "DestinationContext" when value == _recordedContext:
                return _request.Context;
            case "Exten" or "Extension" or "Destination" when context == "sim-behaviour" && value == _recordedDigit:
                return _newDigit;
            case "Exten" or "Extension" or "Destination" when context == _recordedContext && value == _recordedExten:
                return _request.Exten;
            case "AppData" or "ApplicationData" or "Data" when _customerHold is not null && context == "sim-behaviour" && value.Length > 0 && value.All(char.IsAsciiDigit) && value != "1":
                return _customerHold;
            case "EventTime" or "EndTime":
                return AmiEventBuilder.CelTime(now);
            case "StartTime" or "AnswerTime" when value.Length > 0:
                var shifted = Shift(value);
                if (name == "StartTime")
                {
                    start = shifted;
                }
                else
                {
                    answer = shifted;
                }

                return AmiEventBuilder.CelTime(shifted);
            case "Duration" when eventName == "Cdr" && start is { } s:
                return AmiEventBuilder.Int((long)Math.Max(0, (now - s).TotalSeconds));
            case "BillableSeconds" when eventName == "Cdr":
                return AmiEventBuilder.Int(answer is { } a ? (long)Math.Max(0, (now - a).TotalSeconds) : 0);
            case "Cause" when causeOverride is { } cause && eventName is "Hangup" or "HangupRequest" or "SoftHangupRequest" && _template.HangupActionCause?.ToString(CultureInfo.InvariantCulture) == value:
                return AmiEventBuilder.Int(cause);
            case "Cause-txt" when causeOverride is { } cause && eventName == "Hangup":
                return HangupCauses.Describe(cause);
        }

        if (!_request.HasCallerId && _recordedCallerNum is not null)
        {
            if (value == _recordedCallerNum || value == _recordedCallerName)
            {
                var celLike = name is "CallerIDnum" or "CallerIDname" or "CallerIDani" or "Source";
                return celLike ? string.Empty : "<unknown>";
            }

            if (name == "CallerID" && eventName == "Cdr")
            {
                return "\"\" <>";
            }
        }

        var replaced = _tokens.Replace(value);
        if (causeOverride is { } c && name == "Extra" && _template.HangupActionCause is { } recordedCause)
        {
            replaced = replaced.Replace($"\"hangupcause\":{recordedCause},", $"\"hangupcause\":{c},", StringComparison.Ordinal);
        }

        return replaced;
    }

    private DateTimeOffset Shift(string recorded) =>
        DateTimeOffset.TryParseExact(recorded, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at + _clockShift
            : at;

    private static bool IsVariableOfRun(AmiMessage message, string? channel, List<string> names) =>
        message.EventName == "VarSet" && message["Channel"] == channel && names.Contains(message["Variable"] ?? string.Empty);

    private IEnumerable<TimedEvent> ReplaceVariables(List<TimedEvent> run, List<string> recordedOrder)
    {
        var channel = run[0].Message["Channel"] ?? string.Empty;
        var reversed = run.Count >= 2
            ? recordedOrder.IndexOf(run[0].Message["Variable"]!) > recordedOrder.IndexOf(run[1].Message["Variable"]!)
            : channel.EndsWith(";1", StringComparison.Ordinal);
        var variables = reversed ? _request.Variables.Reverse().ToList() : [.. _request.Variables];
        for (var i = 0; i < variables.Count; i++)
        {
            var (name, value) = variables[i];
            var source = run[Math.Min(i, run.Count - 1)];
            yield return source with { Message = WithVariable(source.Message, name, value) };
        }
    }

    private static AmiMessage WithVariable(AmiMessage varSet, string variable, string value)
    {
        var builder = new AmiMessageBuilder();
        foreach (var (name, recorded) in varSet.Headers())
        {
            builder.Add(name, name == "Variable" ? variable : name == "Value" ? value : recorded);
        }

        return builder.Build();
    }
}
