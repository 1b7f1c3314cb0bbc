using System.Text.RegularExpressions;
using Orchestrator.Protocols.Ami;
using Orchestrator.Simulator.Engine;

namespace Orchestrator.Simulator.Lab;

/// <summary>Which recorded values become which: the identifiers Asterisk invented, and what the dialplan printed.</summary>
internal sealed partial class LabCallRewriter
{
    private static readonly string[] ChannelHeaders = ["Channel", "DestChannel", "LocalOneChannel", "LocalTwoChannel", "Peer", "DestinationChannel"];
    private static readonly string[] PeerVariables = ["BRIDGEPEER", "DIALEDPEERNAME"];

    /// <summary>Channel names (new sequence numbers), Uniqueids (the ChannelIds, or new ones) and bridge ids of the recording.</summary>
    private void AddIdentifierTokens(LabTemplate template, DialString recordedDial, SwitchIds ids)
    {
        var events = template.Prelude.Concat(template.Teardown).Select(e => e.Message).ToList();

        // The dialed number and agent also rename the prefixes of the other channels (Local/2001@sim-agents).
        var plain = new TokenReplacer();
        plain.Add(recordedDial.LocalExten, _request.Dial.LocalExten);
        if (_recordedContext == "connect-to-agent")
        {
            plain.Add(_recordedExten, _request.Exten);
        }

        AddChannelNames(events, recordedDial, plain, ids);
        AddUniqueids(events, recordedDial, ids);
        AddBridgeIds(events, ids);
    }

    /// <summary>What the lab dialplan printed from the Originate: number, agent, last digit, caller ID, account, variables.</summary>
    private void AddDialplanTokens(LabTemplate template, DialString recordedDial)
    {
        foreach (var (name, value) in _recordedVariables)
        {
            _tokens.Add($"{name}={value}", $"{name}={_request.Variable(name) ?? string.Empty}");
        }

        _tokens.Add(recordedDial.LocalExten, _request.Dial.LocalExten);
        if (_recordedContext == "connect-to-agent")
        {
            _tokens.Add(_recordedExten, _request.Exten);
        }

        _tokens.Add($"behaviour={_recordedDigit}", $"behaviour={_newDigit}");
        _tokens.Add($"sim-behaviour,{_recordedDigit},1", $"sim-behaviour,{_newDigit},1");

        // A long call replayed from a short one (or the reverse): the customer's dialplan says so, and holds as long.
        var wanted = LabBehaviours.FromNumber(_request.Dial.LocalExten);
        if (wanted == LabBehaviour.LongCall && template.Behaviour == LabBehaviour.ShortCall)
        {
            _tokens.Add("SIM: human answers, short call", "SIM: human answers, long call");
            _customerHold = "120";
        }
        else if (wanted == LabBehaviour.ShortCall && template.Behaviour == LabBehaviour.LongCall)
        {
            _tokens.Add("SIM: human answers, long call", "SIM: human answers, short call");
            _customerHold = "5";
        }

        if (_recordedCallerNum is not null && _request.CallerIdNum is not null)
        {
            _tokens.Add(_recordedCallerNum, _request.CallerIdNum);
        }

        if (_recordedCallerName is not null && _request.CallerIdName is not null)
        {
            _tokens.Add(_recordedCallerName, _request.CallerIdName);
        }

        if (template.Originate["Account"] is { Length: > 0 } recordedAccount)
        {
            _tokens.Add(recordedAccount, _request.Account);
        }
    }

    private void AddChannelNames(List<AmiMessage> events, DialString recordedDial, TokenReplacer plain, SwitchIds ids)
    {
        foreach (var message in events)
        {
            foreach (var (name, value) in message.Headers())
            {
                var isChannel = ChannelHeaders.Contains(name) || (name == "Value" && PeerVariables.Contains(message["Variable"]));
                if (!isChannel || ChannelPattern().Match(value) is not { Success: true } match)
                {
                    continue;
                }

                var prefix = match.Groups["prefix"].Value;
                var recordedBase = $"{prefix}-{match.Groups["seq"].Value}";
                var newPrefix = prefix == recordedDial.ChannelPrefix ? _request.Dial.ChannelPrefix : plain.Replace(prefix);
                if (!_tokens.Contains(recordedBase))
                {
                    _tokens.Add(recordedBase, $"{newPrefix}-{ids.NextChannelSequence()}");
                }
            }
        }
    }

    private void AddUniqueids(List<AmiMessage> events, DialString recordedDial, SwitchIds ids)
    {
        var customerOne = ChannelOf(events, recordedDial, ";1");
        var customerTwo = ChannelOf(events, recordedDial, ";2");
        foreach (var message in events.Where(e => e.EventName == "Newchannel"))
        {
            var uniqueid = message["Uniqueid"]!;
            var channel = message["Channel"];
            string replacement;
            if (channel == customerOne)
            {
                replacement = _request.ChannelId ?? ids.NextUniqueid();
            }
            else if (channel == customerTwo)
            {
                replacement = _request.OtherChannelId ?? (_request.ChannelId is { } one ? one + ";2" : ids.NextUniqueid());
            }
            else
            {
                replacement = ids.NextUniqueid();
            }

            _tokens.Add(uniqueid, replacement);
        }

        // Ids seen only outside Newchannel (a channel created before the recording's events were on).
        foreach (var message in events)
        {
            foreach (var (name, value) in message.Headers())
            {
                if (IsUniqueidHeader(name) && value.Length > 0 && value != "<unknown>" && !_tokens.Contains(value))
                {
                    _tokens.Add(value, ids.NextUniqueid());
                }
            }
        }
    }

    private void AddBridgeIds(List<AmiMessage> events, SwitchIds ids)
    {
        foreach (var message in events)
        {
            foreach (var (name, value) in message.Headers())
            {
                var bridgeId = name is "BridgeUniqueid" or "BridgeId" or "BridgeID" ? value
                    : name == "Extra" && BridgeIdPattern().Match(value) is { Success: true } m ? m.Groups[1].Value : null;
                if (!string.IsNullOrEmpty(bridgeId) && !_tokens.Contains(bridgeId))
                {
                    _tokens.Add(bridgeId, ids.NextBridgeId());
                }
            }
        }
    }

    private static string? ChannelOf(List<AmiMessage> events, DialString dial, string half) =>
        events.Where(e => e.EventName == "Newchannel").Select(e => e["Channel"])
            .FirstOrDefault(c => c is not null && c.StartsWith(dial.ChannelPrefix + "-", StringComparison.Ordinal) && c.EndsWith(half, StringComparison.Ordinal));

    private static bool IsUniqueidHeader(string name) =>
        name != "BridgeUniqueid" && (name.EndsWith("uniqueid", StringComparison.OrdinalIgnoreCase) || name.EndsWith("linkedid", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("^(?<prefix>.+)-(?<seq>[0-9a-f]{8})(;[12])?$")]
    private static partial Regex ChannelPattern();

    [GeneratedRegex("\"bridge_id\":\"([0-9a-f-]{36})\"")]
    private static partial Regex BridgeIdPattern();
}
