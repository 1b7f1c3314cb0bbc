namespace Orchestrator.Simulator.Ari.Stasis;

/// <summary><c>POST /channels</c> or <c>POST /channels/create</c>, read from the query and the JSON body.</summary>
internal sealed record OriginateSpec
{
    public string Endpoint { get; init; } = string.Empty;

    public string? Application { get; init; }

    public IReadOnlyList<string> AppArgs { get; init; } = [];

    public string? Context { get; init; }

    public string? Extension { get; init; }

    public long? Priority { get; init; }

    public string? CallerId { get; init; }

    /// <summary>Seconds to ring (Asterisk's default 30; -1: forever).</summary>
    public int TimeoutSeconds { get; init; } = 30;

    public string? ChannelId { get; init; }

    public string? OtherChannelId { get; init; }

    /// <summary>The JSON body's <c>variables</c>, in body order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Variables { get; init; } = [];

    /// <summary>Asterisk's ast_callerid_parse: <c>"Name" &lt;num&gt;</c>, <c>Name &lt;num&gt;</c> or a bare number.</summary>
    public (string Name, string Number) ParsedCallerId()
    {
        var (name, number) = Engine.OriginateRequest.ParseCallerId(CallerId);
        return (name ?? string.Empty, number ?? string.Empty);
    }
}
