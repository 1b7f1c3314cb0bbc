namespace Orchestrator.Data.Telephony;

/// <summary>
/// A call detail record as the switch reported it, one per leg. Kept apart from the attempt so that
/// auditors can compare what the switch saw with what the orchestrator recorded.
/// </summary>
public sealed class Cdr
{
    public long Id { get; set; }

    /// <summary>
    /// The attempt the leg belonged to, when the switch carried our id. Not a foreign key: agent legs have
    /// none, and a CDR may be imported before or without its attempt row.
    /// </summary>
    public Guid? AttemptId { get; set; }

    public required string SwitchName { get; set; }

    /// <summary>The switch's channel id (Asterisk uniqueid or channel id, FreeSWITCH UUID).</summary>
    public required string ChannelId { get; set; }

    public required string Source { get; set; }

    public required string Destination { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public DateTimeOffset EndedAt { get; set; }

    public int BillableSeconds { get; set; }

    /// <summary>The switch's disposition text (<c>ANSWERED</c>, <c>NO ANSWER</c>, <c>BUSY</c>).</summary>
    public required string Disposition { get; set; }

    /// <summary>The switch's own hangup cause (<c>16</c>, <c>NORMAL_CLEARING</c>).</summary>
    public string? RawCause { get; set; }
}
