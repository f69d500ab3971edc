using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Dossiers;

public enum DossierStatus
{
    Intake,
    Open,
    Closed,
    Archived,
}

public enum FeeArrangement
{
    Hourly,
    Fixed,
    /// <summary>Gesubsidieerde rechtsbijstand: the toevoeging has its own number.</summary>
    LegalAid,
    ProBono,
}

/// <summary>
/// A matter (dossier): the unit of the firm's work and of professional secrecy (Advocatenwet art. 10a/11a). Visible to its
/// team only; see <see cref="DossierAccess"/>. Its number is drawn once, at intake, from the firm's sequence for the year.
/// </summary>
public sealed class Dossier : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public string Number { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string? PracticeArea { get; set; }

    /// <summary>Used later to choose workflow templates (deadlines, tasks).</summary>
    public string? DossierType { get; set; }

    public string? Description { get; set; }

    public Guid ResponsibleLawyerId { get; set; }

    public FeeArrangement FeeArrangement { get; set; }

    /// <summary>The toevoeging number of the Raad voor Rechtsbijstand, for legal aid.</summary>
    public string? LegalAidNumber { get; set; }

    /// <summary>Court case and roll numbers (zaaknummer, rolnummer), as the court writes them.</summary>
    public string? CourtCaseNumbers { get; set; }

    public DossierStatus Status { get; set; }

    public DateOnly? OpenedOn { get; set; }

    /// <summary>The closing date starts the retention period (the AVG module's retention rules count from it).</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>When its retention ended and the policy said "anonymise": only the number, practice area and dates remain.</summary>
    public DateTimeOffset? AnonymisedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    /// <summary>PostgreSQL's xmin: the second of two concurrent saves is refused.</summary>
    public uint Version { get; set; }

    public List<DossierMember> Members { get; set; } = [];

    public List<DossierParty> Parties { get; set; } = [];

    public List<DossierTeam> Teams { get; set; } = [];

    public bool IsReadOnly => DossierLifecycle.IsReadOnly(Status);

    public AuditSubject AuditSubject => new(nameof(Dossier), Id);
}

/// <summary>A member of the dossier's team besides the responsible lawyer.</summary>
public sealed class DossierMember : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid DossierId { get; set; }

    public Guid UserId { get; set; }

    public AuditSubject AuditSubject => new(nameof(Dossier), DossierId);
}

/// <summary>A team (<see cref="Access.Team"/>) working on the dossier: all its members are in the dossier's team.</summary>
public sealed class DossierTeam : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid DossierId { get; set; }

    public Guid TeamId { get; set; }

    public AuditSubject AuditSubject => new(nameof(Dossier), DossierId);
}

public enum PartyRole
{
    Client,
    OpposingParty,
    OpposingCounsel,
    Court,
    Bailiff,
    InterestedThirdParty,
    Expert,
    Other,
}

/// <summary>A contact in a role in a dossier, with the dates the role applies.</summary>
public sealed class DossierParty : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid DossierId { get; set; }

    public Guid ContactId { get; set; }

    public PartyRole Role { get; set; }

    /// <summary>For <see cref="PartyRole.Other"/>: the firm's own role (curator, mediator…), from <c>Firm.PartyRoles</c>.</summary>
    public string? RoleLabel { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public AuditSubject AuditSubject => new(nameof(Dossier), DossierId);
}

/// <summary>One step of the lifecycle, dated and attributed, with the reason where one is required.</summary>
public sealed class DossierStatusChange : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid DossierId { get; set; }

    public DossierStatus? From { get; set; }

    public DossierStatus To { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? ByUserId { get; set; }

    public string ByName { get; set; } = string.Empty;

    public string? Reason { get; set; }

    public AuditSubject AuditSubject => new(nameof(Dossier), DossierId);
}

/// <summary>
/// An ethical wall (Chinese wall): the user — or every member of the team — may not see the dossier, or any dossier of
/// the client, whatever their roles or team membership say.
/// </summary>
public sealed class EthicalWall : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    /// <summary>The walled user; or null when the wall is around a <see cref="TeamId">team</see>.</summary>
    public Guid? UserId { get; set; }

    public Guid? TeamId { get; set; }

    public Guid? DossierId { get; set; }

    /// <summary>When set, every dossier in which this contact is a client is walled off.</summary>
    public Guid? ClientContactId { get; set; }

    public string Reason { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public AuditSubject AuditSubject => new(nameof(EthicalWall), Id);
}

/// <summary>
/// Break-glass access: a user outside the team opened the dossier for a stated reason, for a limited time. Logged, and
/// the responsible lawyer is told at once. Never past an ethical wall.
/// </summary>
public sealed class DossierAccessGrant : ITenantOwned, IAuditSubject
{
    public static readonly TimeSpan Duration = TimeSpan.FromHours(8);

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid DossierId { get; set; }

    public Guid UserId { get; set; }

    public string Reason { get; set; } = string.Empty;

    public DateTimeOffset GrantedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public AuditSubject AuditSubject => new(nameof(Dossier), DossierId);
}
