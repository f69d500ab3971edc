using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Features.Deadlines;
using LegalCrm.Web.Features.Tasks;
using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Workflows;

/// <summary>When a step's deadline or task is made.</summary>
public enum WorkflowTrigger
{
    /// <summary>When a dossier of the type is created; counted from that day.</summary>
    DossierOpened,

    /// <summary>When someone enters the named date in the dossier ("date of the judgment"); counted from that date.</summary>
    DateEntered,
}

public enum WorkflowStepKind
{
    Deadline,
    Task,
}

/// <summary>Who a step's task goes to, or who is responsible for its deadline, in the dossier at hand.</summary>
public enum WorkflowAssignee
{
    ResponsibleLawyer,

    /// <summary>A member of the dossier's team with the assistant role; the responsible lawyer when there is none.</summary>
    Assistant,

    /// <summary>The dossier's (first) team for a task; a deadline needs people, so there its responsible lawyer.</summary>
    Team,
}

/// <summary>
/// What a firm does in every dossier of one type (dossier type "ontslag", "echtscheiding"…): the deadlines and tasks to
/// create when such a dossier is opened, or when a date in it becomes known. Admins with <c>workflow.configure</c>
/// keep them.
/// </summary>
public sealed class WorkflowTemplate : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>The dossier type it applies to, compared without regard to case or surrounding spaces.</summary>
    public string DossierType { get; set; } = string.Empty;

    public bool IsActive { get; set; } = true;

    public List<WorkflowStep> Steps { get; set; } = [];

    public AuditSubject AuditSubject => new(nameof(WorkflowTemplate), Id);
}

/// <summary>One deadline or task of a template, due a number of days after its trigger — or, for a deadline, by a statutory rule.</summary>
public sealed class WorkflowStep : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid TemplateId { get; set; }

    public int Position { get; set; }

    public WorkflowStepKind Kind { get; set; }

    public string Title { get; set; } = string.Empty;

    public WorkflowTrigger Trigger { get; set; }

    /// <summary>For <see cref="WorkflowTrigger.DateEntered"/>: what the date is called ("Datum vonnis"); steps with the same name share the date.</summary>
    public string? DateLabel { get; set; }

    /// <summary>Calendar days after the trigger date (0: that day). Not used when <see cref="RuleId"/> is set.</summary>
    public int OffsetDays { get; set; }

    /// <summary>For a deadline: the firm's statutory rule that computes its date from the trigger date (Atw applied).</summary>
    public Guid? RuleId { get; set; }

    public DeadlineKind DeadlineKind { get; set; } = DeadlineKind.Internal;

    public WorkTaskPriority Priority { get; set; } = WorkTaskPriority.Normal;

    public WorkflowAssignee Assignee { get; set; }

    public AuditSubject AuditSubject => new(nameof(WorkflowTemplate), TemplateId);
}

/// <summary>That a step has been carried out in a dossier, and from which date: a step is applied to a dossier once.</summary>
public sealed class WorkflowApplication : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid DossierId { get; set; }

    public Guid StepId { get; set; }

    public DateOnly FromDate { get; set; }

    public DateTimeOffset AppliedAt { get; set; }

    public string AppliedBy { get; set; } = string.Empty;

    public AuditSubject AuditSubject => new(nameof(Dossiers.Dossier), DossierId);
}
