namespace Orchestrator.Benchmarks;

/// <summary>The plain table every run ends with: name, value, unit, target, met?</summary>
internal static class FigureTable
{
    public static void Write(TextWriter output, IReadOnlyList<Figure> figures)
    {
        string[] header = ["figure", "value", "unit", "target", "met?"];
        var rows = figures.Select(f => new[] { f.Name, f.Value, f.Unit, f.Target, f.Met switch { true => "yes", false => "NO", null => "-" } }).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => rows.Select(r => r[i].Length).Append(header[i].Length).Max()).ToArray();

        output.WriteLine();
        output.WriteLine(Line(header, widths));
        output.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths));
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join(" | ", cells.Select((cell, i) => i is 1 ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd();
}
