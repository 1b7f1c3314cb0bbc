namespace Orchestrator.Data.Leads;

/// <summary>What kind of line a number is. Mobiles may need consent for autodialed calls.</summary>
public enum PhoneKind
{
    Unknown = 0,
    Mobile,
    Landline,
    Work,
    Home,
    Voip,
}
