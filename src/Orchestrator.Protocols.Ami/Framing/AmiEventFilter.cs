using System.Text;

namespace Orchestrator.Protocols.Ami.Framing;

/// <summary>
/// The events a consumer reads. <see cref="AmiFrameReader"/> cuts every other event without making a message of it:
/// a real Asterisk streams many events a dialer never reads (Newexten and VarSet for every dialplan step, CEL,
/// device states, RTCP reports), and a message not made is garbage not collected.
/// </summary>
/// <remarks>
/// Event names compare by ordinal bytes, as Asterisk spells them (<c>Newchannel</c>); header names ignore case, as
/// everywhere in AMI. An event that carries an ActionID is always kept: it may belong to a list response or answer
/// an action. Frames that are not events are always kept.
/// </remarks>
public sealed class AmiEventFilter
{
    // Grouped by the name's length, so an event is compared only with the few rules of its length.
    private readonly Rule[]?[] _byLength;

    /// <param name="eventNames">Events kept whole.</param>
    public AmiEventFilter(IEnumerable<string> eventNames)
        : this(eventNames.Select(name => new AmiEventRule(name)))
    {
    }

    public AmiEventFilter(IEnumerable<AmiEventRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules.ToArray();
        if (Rules.Count == 0)
        {
            throw new ArgumentException("An event filter needs at least one rule.", nameof(rules));
        }

        var duplicate = Rules.GroupBy(r => r.EventName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Event '{duplicate.Key}' has more than one rule; give it one, with every value it keeps.", nameof(rules));
        }

        var compiled = Rules.Select(Rule.From).ToList();
        _byLength = new Rule[]?[compiled.Max(r => r.Name.Length) + 1];
        foreach (var group in compiled.GroupBy(r => r.Name.Length))
        {
            _byLength[group.Key] = group.ToArray();
        }
    }

    public IReadOnlyList<AmiEventRule> Rules { get; }

    public override string ToString() => string.Join(", ", Rules);

    /// <summary>
    /// Whether the frame is an event that no rule keeps. The first Event/Response/Action header gives the frame's
    /// kind, as <see cref="AmiMessage"/> classifies it.
    /// </summary>
    internal bool Ignores(ReadOnlySpan<byte> data, ReadOnlySpan<HeaderRange> lines)
    {
        var eventName = ReadOnlySpan<byte>.Empty;
        var isEvent = false;
        foreach (var line in lines)
        {
            var name = data.Slice(line.NameStart, line.NameLength);
            if (Ascii.EqualsIgnoreCase(name, "ActionID"u8))
            {
                return false;
            }

            if (isEvent)
            {
                continue;
            }

            if (Ascii.EqualsIgnoreCase(name, "Event"u8))
            {
                isEvent = true;
                eventName = data.Slice(line.ValueStart, line.ValueLength);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Response"u8) || Ascii.EqualsIgnoreCase(name, "Action"u8))
            {
                return false;
            }
        }

        return isEvent && (FindRule(eventName) is not { } rule || !rule.Keeps(data, lines));
    }

    private Rule? FindRule(ReadOnlySpan<byte> eventName)
    {
        if (eventName.Length >= _byLength.Length || _byLength[eventName.Length] is not { } candidates)
        {
            return null;
        }

        foreach (var candidate in candidates)
        {
            if (eventName.SequenceEqual(candidate.Name))
            {
                return candidate;
            }
        }

        return null;
    }

    private sealed class Rule
    {
        private Rule(byte[] name, byte[]? header, byte[][] values)
        {
            Name = name;
            Header = header;
            Values = values;
        }

        public byte[] Name { get; }

        public byte[]? Header { get; }

        public byte[][] Values { get; }

        public static Rule From(AmiEventRule rule) => new(
            Encoding.UTF8.GetBytes(rule.EventName),
            rule.Header is null ? null : Encoding.UTF8.GetBytes(rule.Header),
            rule.Values.Select(Encoding.UTF8.GetBytes).ToArray());

        /// <summary>Kept whole, or when the header's first occurrence has one of the values (ASCII case ignored).</summary>
        public bool Keeps(ReadOnlySpan<byte> data, ReadOnlySpan<HeaderRange> lines)
        {
            if (Header is null)
            {
                return true;
            }

            foreach (var line in lines)
            {
                if (!Ascii.EqualsIgnoreCase(data.Slice(line.NameStart, line.NameLength), Header))
                {
                    continue;
                }

                var value = data.Slice(line.ValueStart, line.ValueLength);
                foreach (var wanted in Values)
                {
                    if (Ascii.EqualsIgnoreCase(value, wanted))
                    {
                        return true;
                    }
                }

                return false;
            }

            return false;
        }
    }
}
