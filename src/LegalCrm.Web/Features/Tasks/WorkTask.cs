using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Tasks;

public enum WorkTaskStatus
{
    Open,
    InProgress,
    Done,
    Cancelled,
}

public enum WorkTaskPriority
{
    Low,
    Normal,
    High,
    Urgent,
}

/// <summary>
/// A task (taak) for a person or a team ("Sectie arbeidsrecht"), optionally in a dossier or about a contact. In a
/// dossier it follows the dossier's need-to-know rules and its changes are in the dossier's history.
/// </summary>
public sealed class WorkTask : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public string Title { get; set; } = string.Empty;

    public string? Description { get; set; }

    /// <summary>One of <see cref="AssigneeUserId"/> and <see cref="AssigneeTeamId"/> is set.</summary>
    public Guid? AssigneeUserId { get; set; }

    public Guid? AssigneeTeamId { get; set; }

    public DateOnly? DueDate { get; set; }

    public WorkTaskPriority Priority { get; set; } = WorkTaskPriority.Normal;

    public WorkTaskStatus Status { get; set; }

    public Guid? DossierId { get; set; }

    public Guid? ContactId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset? CompletedAt { get; set; }

    public string? CompletedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin: the second of two concurrent saves is refused.</summary>
    public uint Version { get; set; }

    public bool IsClosed => Status is WorkTaskStatus.Done or WorkTaskStatus.Cancelled;

    public AuditSubject AuditSubject =>
        DossierId is { } dossier ? new(nameof(Dossiers.Dossier), dossier)
        : ContactId is { } contact ? new(nameof(Clients.Contact), contact)
        : new(nameof(WorkTask), Id);
}

/// <summary>A remark on a task ("called the court, waiting for the date"), in the order written.</summary>
public sealed class WorkTaskComment : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid TaskId { get; set; }

    public Guid? AuthorUserId { get; set; }

    public string AuthorName { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public AuditSubject AuditSubject => new(nameof(WorkTask), TaskId);
}
