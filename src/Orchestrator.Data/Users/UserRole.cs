namespace Orchestrator.Data.Users;

/// <summary>What a user may do; a user has one role.</summary>
public enum UserRole
{
    /// <summary>Takes calls.</summary>
    Agent = 0,

    /// <summary>Watches and coaches agents live (listen, whisper, barge).</summary>
    Supervisor,

    /// <summary>Sets up projects, lists, campaigns; starts and stops them.</summary>
    Manager,

    /// <summary>Reads everything, changes nothing.</summary>
    Auditor,

    /// <summary>Everything, including users and trunks.</summary>
    Admin,
}
