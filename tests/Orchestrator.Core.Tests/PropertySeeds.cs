namespace Orchestrator.Core.Tests;

/// <summary>
/// Fixed FsCheck seeds so every run generates the same cases. To explore new cases locally, remove the
/// <c>Replay</c> from a class's <c>[Properties]</c>; paste a failing run's seed back here to reproduce it.
/// </summary>
internal static class PropertySeeds
{
    public const string Replay = "(20250309,20251103)";
}
