using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Deadlines;

public enum DeadlineKind
{
    /// <summary>A fatale termijn: missing it loses the client's right (appeal, objection). Moving or deleting one needs a reason.</summary>
    Fatal,

    /// <summary>A date the firm sets itself (draft ready, client to reply).</summary>
    Internal,
}

public enum DeadlineStatus
{
    Open,
    Done,
    Cancelled,
}

/// <summary>
/// A deadline (termijn) in a dossier. It follows the dossier's need-to-know rules (<see cref="Dossiers.DossierAccess"/>);
/// its changes are in the dossier's history. When it came from a rule, the rule's name, the date it was counted from
/// and the whole calculation are kept, so the date can be checked later even if the rule or the holidays change.
/// </summary>
public sealed class Deadline : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid DossierId { get; set; }

    public string Title { get; set; } = string.Empty;

    public string? Notes { get; set; }

    public DateOnly DueDate { get; set; }

    /// <summary>Amsterdam wall-clock time on the due date (a hearing at 10:00), when the deadline has one.</summary>
    public TimeOnly? DueTime { get; set; }

    public DeadlineKind Kind { get; set; }

    public Guid? RuleId { get; set; }

    public string? RuleName { get; set; }

    /// <summary>The date the rule counted from (the judgment, the decision).</summary>
    public DateOnly? EventDate { get; set; }

    /// <summary>The <see cref="DeadlineCalculation"/> as JSON.</summary>
    public string? Calculation { get; set; }

    /// <summary>Who must see to it; reminders go to them.</summary>
    public List<Guid> ResponsibleUserIds { get; set; } = [];

    /// <summary>Days before the due date on which the responsible people are reminded (0 = on the day).</summary>
    public List<int> ReminderDays { get; set; } = [];

    public DeadlineStatus Status { get; set; }

    /// <summary>When the next reminder goes out (<see cref="DeadlineReminders"/>); null when none is left or the deadline is closed.</summary>
    /// <remarks>Planning, not client data: the reminders sent are on record as notifications and e-mails.</remarks>
    [NotAudited]
    public DateTimeOffset? NextReminderAt { get; set; }

    /// <summary>The moment of the reminder sent last: the next one is after it.</summary>
    [NotAudited]
    public DateTimeOffset? LastReminderAt { get; set; }

    /// <summary>When the escalation to the backups and the office manager went out (fatal deadlines only; see <see cref="DeadlineReminders.EscalationHorizon"/>).</summary>
    public DateTimeOffset? EscalatedAt { get; set; }

    /// <summary>Plans the next reminder after a change of date, reminders or status.</summary>
    public void PlanReminders(DateTimeOffset now) =>
        NextReminderAt = Status == DeadlineStatus.Open ? DeadlineReminders.Next(DueDate, ReminderDays, LastReminderAt, now) : null;

    public DateOnly? CompletedOn { get; set; }

    public Guid? CompletedByUserId { get; set; }

    public string? CompletedByName { get; set; }

    public string? CancelReason { get; set; }

    /// <summary>Why a fatal deadline was last moved or deleted; kept with the change in the audit trail.</summary>
    public string? ChangeReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin: the second of two concurrent saves is refused.</summary>
    public uint Version { get; set; }

    public bool IsFatal => Kind == DeadlineKind.Fatal;

    public AuditSubject AuditSubject => new(nameof(Dossiers.Dossier), DossierId);
}

/// <summary>
/// A firm's template for a statutory limit ("hoger beroep: 3 months after the judgment, art. 339 Rv"): a lawyer picks it,
/// enters the date, and gets the deadline with its calculation.
/// </summary>
public sealed class DeadlineRule : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>The article the limit comes from ("art. 339 Rv"), shown beside the name.</summary>
    public string? LegalBasis { get; set; }

    /// <summary>What the date to count from is called ("date of the judgment").</summary>
    public string? EventLabel { get; set; }

    public int Amount { get; set; }

    public PeriodUnit Unit { get; set; }

    public CountDirection Direction { get; set; }

    public StartConvention Start { get; set; }

    public bool AtwApplies { get; set; } = true;

    public DeadlineKind Kind { get; set; } = DeadlineKind.Fatal;

    public bool IsActive { get; set; } = true;

    public DeadlinePeriod Period => new(Amount, Unit, Direction, Start, AtwApplies);

    public AuditSubject AuditSubject => new(nameof(DeadlineRule), Id);
}

/// <summary>A day equal to a holiday by decree (Besluit gelijkstelling, Atw art. 3(3)). Data, because decrees come every few years.</summary>
public sealed class DesignatedHoliday : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public DateOnly Date { get; set; }

    public string Description { get; set; } = string.Empty;

    public AuditSubject AuditSubject => new(nameof(DesignatedHoliday), Id);
}
