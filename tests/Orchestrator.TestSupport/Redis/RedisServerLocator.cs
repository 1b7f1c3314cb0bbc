namespace Orchestrator.TestSupport;

/// <summary>Finds the redis-server binary. The Redis tests never skip: a missing server is a failed run.</summary>
public static class RedisServerLocator
{
    public const string MissingMessage = "redis-server is not installed; scripts/test.sh installs it (apt-get install redis-server).";

    public static string Find()
    {
        var fromPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "redis-server"))
            .FirstOrDefault(File.Exists);
        if (fromPath is not null)
        {
            return fromPath;
        }

        const string Debian = "/usr/bin/redis-server";
        return File.Exists(Debian) ? Debian : throw new InvalidOperationException(MissingMessage);
    }
}
