namespace Orchestrator.Data.Users;

/// <summary>Someone who signs in to the orchestrator. An agent's user points at the agent record.</summary>
public sealed class User
{
    public long Id { get; set; }

    public required string Login { get; set; }

    public required string DisplayName { get; set; }

    public UserRole Role { get; set; }

    public long? AgentId { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastLoginAt { get; set; }
}
