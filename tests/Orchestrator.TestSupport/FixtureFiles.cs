using Xunit;

namespace Orchestrator.TestSupport;

/// <summary>
/// The wire transcripts recorded from real switches (tests/fixtures), copied next to the test assembly.
/// </summary>
public static class FixtureFiles
{
    public static string Directory(string switchName) => System.IO.Path.Combine(AppContext.BaseDirectory, "fixtures", switchName);

    public static string Path(string switchName, string fileName)
    {
        var path = System.IO.Path.Combine(Directory(switchName), fileName);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Fixture '{fileName}' is not in {Directory(switchName)}: is it listed as a <None> copy item in the test project?", path);
    }

    /// <summary>The names of every transcript of a switch, for [MemberData].</summary>
    public static TheoryData<string> Transcripts(string switchName, string prefix)
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.GetFiles(Directory(switchName), prefix + "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(System.IO.Path.GetFileName(file));
        }

        return data;
    }
}
