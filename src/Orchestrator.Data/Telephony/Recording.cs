namespace Orchestrator.Data.Telephony;

/// <summary>Where a call recording is kept. The audio itself is stored outside the database.</summary>
public sealed class Recording
{
    public long Id { get; set; }

    public Guid AttemptId { get; set; }

    /// <summary>Path or URI of the file (<c>/var/spool/asterisk/recording/….wav</c>, <c>s3://…</c>).</summary>
    public required string Location { get; set; }

    /// <summary>File format: <c>wav</c>, <c>mp3</c>, <c>opus</c>.</summary>
    public required string Format { get; set; }

    public int? DurationSeconds { get; set; }

    public long? SizeBytes { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }
}
