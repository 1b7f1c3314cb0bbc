using System.Globalization;
using Orchestrator.Core.Attempts;
using StackExchange.Redis;

namespace Orchestrator.State.Redis;

/// <summary>
/// Builds every key the store uses; the layout is described at the top of <see cref="RedisStateStore"/>.
/// A script may only touch keys of one hash tag, so each group of keys that a script updates together shares one.
/// </summary>
internal sealed class RedisKeyspace(string prefix)
{
    public string Prefix { get; } = prefix;

    public RedisKey Lease(string resource) => $"{Prefix}lease:{resource}";

    /// <summary>The common start of every agent key; agent scripts derive the others from it.</summary>
    public string AgentsRoot => $"{Prefix}{{agents}}:";

    public RedisKey Agent(long agentId) => $"{AgentsRoot}agent:{AgentMember(agentId)}";

    public RedisKey AgentsOfCampaign(long campaignId) => $"{AgentsRoot}campaign:{campaignId}:members";

    public RedisKey ReadyAgents(long campaignId) => $"{AgentsRoot}campaign:{campaignId}:ready";

    public string CallsRoot => $"{Prefix}{{calls}}:";

    public RedisKey Call(AttemptId attempt) => $"{CallsRoot}call:{attempt}";

    public RedisKey CallsOfCampaign(long campaignId) => $"{CallsRoot}campaign:{campaignId}";

    public RedisKey HopperQueue(long campaignId) => $"{Campaign(campaignId)}hopper:queue";

    public RedisKey HopperEntries(long campaignId) => $"{Campaign(campaignId)}hopper:entries";

    public RedisKey HopperSequence(long campaignId) => $"{Campaign(campaignId)}hopper:seq";

    public RedisKey Counters(long campaignId) => $"{Campaign(campaignId)}counters";

    // The attempt id is fixed-width hex, so putting it first keeps "attempt + counter" unambiguous.
    public RedisKey Counted(long campaignId, string counter, AttemptId attempt) => $"{Campaign(campaignId)}counted:{attempt}:{counter}";

    public RedisKey Frequency(string key) => $"{Prefix}freq:{key}";

    /// <summary>
    /// An agent id as a fixed-width string whose ordinal order is the numeric order (negative ids included), so that
    /// a sorted set breaks equal scores by lowest id, as the contract asks.
    /// </summary>
    public static string AgentMember(long agentId) =>
        unchecked((ulong)agentId ^ 0x8000_0000_0000_0000UL).ToString("D20", CultureInfo.InvariantCulture);

    public static long AgentIdFromMember(string member) =>
        unchecked((long)(ulong.Parse(member, NumberStyles.None, CultureInfo.InvariantCulture) ^ 0x8000_0000_0000_0000UL));

    private string Campaign(long campaignId) => $"{Prefix}{{c:{campaignId}}}:";
}
