using System.Reflection;
using System.Text;
using Orchestrator.Simulator.Recordings;

namespace Orchestrator.Simulator.Lab;

/// <summary>
/// The call templates of the lab dialplan, extracted once from the recordings embedded in this assembly.
/// </summary>
/// <remarks>
/// Asterisk's own event order differs between runs of one scenario (threads race: compare the first events of
/// <c>ami-hangup-action</c> and <c>ami-mixmonitor</c>, the same dialplan), so when several recordings fit a call
/// one is the default and a caller may pin another with <c>preferredRecording</c>.
/// </remarks>
public sealed class LabCatalog
{
    private const string ResourcePrefix = "asterisk/";

    // Recordings listed first are the defaults when several fit. ami-mixmonitor before ami-hangup-action: it
    // recorded the hold-line call longer (the customer reaches its Wait(120)), so live snapshots are complete.
    private static readonly string[] Order =
    [
        "ami-originate-answered", "ami-originate-busy", "ami-originate-noanswer", "ami-originate-congestion",
        "ami-mixmonitor", "ami-originate-bridge-agent", "ami-amd-human", "ami-amd-machine",
        "ami-originate-failed-channel", "ami-hangup-action", "ami-originate-bridge-sip-agent", "ami-originate-queue",
    ];

    private static readonly Lazy<LabCatalog> Embedded = new(LoadEmbedded);

    private LabCatalog(IReadOnlyList<LabTemplate> templates) => Templates = templates;

    /// <summary>The templates of the recordings embedded in the simulator.</summary>
    public static LabCatalog Default => Embedded.Value;

    public IReadOnlyList<LabTemplate> Templates { get; }

    public static LabCatalog FromTranscripts(IEnumerable<AsteriskTranscript> transcripts) =>
        new([.. transcripts.Select(LabTemplateExtractor.Extract).OfType<LabTemplate>()
            .OrderBy(t => Array.IndexOf(Order, t.Source) is var i and >= 0 ? i : int.MaxValue)]);

    /// <summary>
    /// The template for a call: same behaviour and dialplan target first (and the same sync/async flavour), then a
    /// template of another answering behaviour for the same target, then — for calls that never reach the
    /// dialplan (busy, no answer, congestion) — the behaviour's template from any context.
    /// </summary>
    public LabTemplate? Find(LabBehaviour behaviour, string context, string extenClass, bool async, string? preferredRecording = null)
    {
        IEnumerable<LabTemplate> Candidates(Func<LabTemplate, bool> predicate)
        {
            var matches = Templates.Where(predicate).ToList();
            return matches.OrderBy(t => t.Source == preferredRecording ? 0 : 1).ThenBy(t => t.Async == async ? 0 : 1);
        }

        bool SameTarget(LabTemplate t) => t.Context == context && t.ExtenClass == extenClass;

        return Candidates(t => t.Behaviour == behaviour && SameTarget(t)).FirstOrDefault()
            ?? (behaviour.Answers()
                ? Candidates(t => t.Behaviour.Answers() && SameTarget(t)).OrderBy(t => Similarity(behaviour, t.Behaviour)).FirstOrDefault()
                : Candidates(t => t.Behaviour == behaviour).FirstOrDefault());
    }

    // A long call replays best from a short one and vice versa; a machine from anything answered.
    private static int Similarity(LabBehaviour wanted, LabBehaviour have) => wanted == have ? 0 : have == LabBehaviour.Machine || wanted == LabBehaviour.Machine ? 2 : 1;

    private static LabCatalog LoadEmbedded()
    {
        var assembly = typeof(LabCatalog).Assembly;
        var transcripts = new List<AsteriskTranscript>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            transcripts.Add(AsteriskTranscript.Parse(Path.GetFileNameWithoutExtension(name[ResourcePrefix.Length..]), reader.ReadToEnd()));
        }

        return FromTranscripts(transcripts);
    }
}
