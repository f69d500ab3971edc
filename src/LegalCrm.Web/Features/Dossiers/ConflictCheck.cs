using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Dossiers;

public enum ConflictDecision
{
    Pending,
    NoConflict,
    /// <summary>A conflict was found and waived, with a reason, by someone with <c>conflicts.waive</c>.</summary>
    Waived,
    Refused,
}

/// <summary>
/// A conflict-of-interest check, kept permanently (Gedragsregels advocatuur 2018, regels 15–16): who ran it and when,
/// what was searched, what was found, and the decision with its reason and approver.
/// </summary>
public sealed class ConflictCheck : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid DossierId { get; set; }

    public DateTimeOffset RunAt { get; set; }

    public Guid? RunByUserId { get; set; }

    public string RunByName { get; set; } = string.Empty;

    /// <summary>JSON: the names and identifiers searched for.</summary>
    public string Searched { get; set; } = "[]";

    /// <summary>JSON: the hits as found (see <see cref="ConflictHit"/>).</summary>
    public string Hits { get; set; } = "[]";

    public int HitCount { get; set; }

    public ConflictDecision Decision { get; set; }

    public string? DecisionReason { get; set; }

    public Guid? DecidedByUserId { get; set; }

    public string? DecidedByName { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public bool Clears => Decision is ConflictDecision.NoConflict or ConflictDecision.Waived;

    public AuditSubject AuditSubject => new(nameof(Dossier), DossierId);
}

/// <summary>
/// One name or identifier the check searched for. For a contact related to a party, <see cref="Relation"/> (a resource
/// key such as "director of") and <see cref="Via"/> (the party) say how it got in.
/// </summary>
public sealed record ConflictSubject(string Name, string? Kvk, IReadOnlyList<string> Emails, DateOnly? DateOfBirth, PartyRole? Role, string? Relation, string? Via);

/// <summary>
/// A contact found by the check in a role in another dossier. <see cref="Adverse"/>: the roles are on opposite sides
/// (a client here who is an opposing party there, or the reverse).
/// </summary>
public sealed record ConflictHit(
    string SubjectName,
    string? SubjectRelation,
    string? SubjectVia,
    PartyRole? SubjectRole,
    Guid ContactId,
    string ContactName,
    string Reason,
    Guid DossierId,
    string DossierNumber,
    string DossierTitle,
    PartyRole Role,
    DossierStatus Status,
    DateOnly? ClosedOn,
    Guid ResponsibleLawyerId,
    string ResponsibleLawyer,
    bool Adverse);
