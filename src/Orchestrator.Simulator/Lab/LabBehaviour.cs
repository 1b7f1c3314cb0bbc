namespace Orchestrator.Simulator.Lab;

/// <summary>What a lab customer does, chosen by the last digit of <c>Local/&lt;number&gt;@sim-customers</c>.</summary>
public enum LabBehaviour
{
    /// <summary>0-4: rings 1 s, answers, stays 2-8 s, hangs up.</summary>
    ShortCall,

    /// <summary>5: answers and stays up to 120 s.</summary>
    LongCall,

    /// <summary>6: busy after 0.5 s.</summary>
    Busy,

    /// <summary>7: rings until the Originate's Timeout.</summary>
    NoAnswer,

    /// <summary>8: congestion after 0.5 s.</summary>
    Congestion,

    /// <summary>9: an answering machine.</summary>
    Machine,
}

internal static class LabBehaviours
{
    public static LabBehaviour FromNumber(string number) => number.Length == 0 ? LabBehaviour.ShortCall : number[^1] switch
    {
        '5' => LabBehaviour.LongCall,
        '6' => LabBehaviour.Busy,
        '7' => LabBehaviour.NoAnswer,
        '8' => LabBehaviour.Congestion,
        '9' => LabBehaviour.Machine,
        _ => LabBehaviour.ShortCall,
    };

    public static bool Answers(this LabBehaviour behaviour) =>
        behaviour is LabBehaviour.ShortCall or LabBehaviour.LongCall or LabBehaviour.Machine;

    /// <summary>The dialplan's exten class in a lab context: <c>10XX</c>/<c>20XX</c> patterns, otherwise the exten.</summary>
    public static string ExtenClass(string context, string exten)
    {
        if (context == "connect-to-agent" && exten.Length == 4 && exten.All(char.IsAsciiDigit))
        {
            return exten.StartsWith("10", StringComparison.Ordinal) ? "10XX" : exten.StartsWith("20", StringComparison.Ordinal) ? "20XX" : exten;
        }

        return exten;
    }
}
