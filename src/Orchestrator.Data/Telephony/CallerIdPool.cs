namespace Orchestrator.Data.Telephony;

/// <summary>Numbers a campaign presents as caller ID (local presence picks one by area code).</summary>
public sealed class CallerIdPool
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public ICollection<CallerIdNumber> Numbers { get; } = new List<CallerIdNumber>();
}
