namespace Orchestrator.Data.Storage;

/// <summary>Column lengths shared by several tables, so the same kind of value has the same width everywhere.</summary>
public static class FieldLengths
{
    /// <summary>Enum columns are stored as their names; the longest name must fit.</summary>
    public const int Enum = 32;

    /// <summary>E.164: a plus sign and at most 15 digits.</summary>
    public const int PhoneNumber = 16;

    /// <summary>IANA time zone ids (<c>America/Argentina/ComodRivadavia</c> is the longest, 32).</summary>
    public const int TimeZoneId = 64;

    public const int Name = 128;
    public const int Login = 64;
    public const int Code = 16;
    public const int Key = 64;
    public const int Notes = 2000;
    public const int Description = 1000;

    /// <summary>Switch channel ids: Asterisk allows 150 bytes.</summary>
    public const int ChannelId = 150;

    public const int SwitchName = 64;
    public const int DialString = 256;
    public const int Location = 1024;
}
