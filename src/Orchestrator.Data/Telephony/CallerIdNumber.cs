namespace Orchestrator.Data.Telephony;

/// <summary>One caller-ID number of a pool.</summary>
public sealed class CallerIdNumber
{
    public long Id { get; set; }

    public long PoolId { get; set; }

    public CallerIdPool? Pool { get; set; }

    /// <summary>E.164.</summary>
    public required string Number { get; set; }

    /// <summary>Caller name presented where the network carries it.</summary>
    public string? Name { get; set; }

    /// <summary>For local presence: the area code this number matches (<c>212</c>).</summary>
    public string? AreaCode { get; set; }
}
