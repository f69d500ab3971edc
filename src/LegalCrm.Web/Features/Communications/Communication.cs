using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Communications;

public enum CommunicationKind
{
    Email,
    Call,
    Meeting,
    Letter,
    Note,
}

public enum CommunicationDirection
{
    Incoming,
    Outgoing,
    Internal,
}

public enum LetterDelivery
{
    Post,
    Registered,
    Courier,
    Bailiff,
}

public enum ParticipantRole
{
    From,
    To,
    Cc,
    Caller,
    Callee,
    Attendee,
}

/// <summary>
/// Something said or sent: an e-mail, call, meeting, letter or note, in a dossier and/or with a contact. Its history
/// belongs to the dossier when it has one, otherwise to the contact. The body is sanitised HTML (<see cref="CommunicationBody"/>).
/// </summary>
public sealed class Communication : ITenantOwned, IAuditSubject
{
    public const int MaxSubjectLength = 300;
    public const int MaxLocationLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public CommunicationKind Kind { get; set; }

    public CommunicationDirection Direction { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public string Subject { get; set; } = string.Empty;

    /// <summary>Sanitised HTML, never raw user or e-mail HTML.</summary>
    public string BodyHtml { get; set; } = string.Empty;

    /// <summary>What the author typed (Markdown), kept so a correction starts from it; null for a filed e-mail.</summary>
    public string? BodyMarkdown { get; set; }

    public Guid? DossierId { get; set; }

    public Guid? ContactId { get; set; }

    public int? DurationMinutes { get; set; }

    public string? Location { get; set; }

    public LetterDelivery? Delivery { get; set; }

    /// <summary>Privileged or confidential (e.g. advice to the client): marked wherever it is shown.</summary>
    public bool Confidential { get; set; }

    /// <summary>
    /// The participants' names and addresses in one text, so full-text search finds a communication by who took part
    /// (kept up to date on every save by <see cref="RefreshParticipantNames"/>).
    /// </summary>
    public string ParticipantNames { get; set; } = string.Empty;

    /// <summary>An e-mail's Message-ID: the same message is never filed twice in a firm.</summary>
    public string? MessageId { get; set; }

    public Guid? AuthorUserId { get; set; }

    public string AuthorName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    public uint RowVersion { get; set; }

    public List<CommunicationParticipant> Participants { get; set; } = [];

    public void RefreshParticipantNames() =>
        ParticipantNames = string.Join(" · ", Participants.Select(p => p.Address is null ? p.Name : $"{p.Name} <{p.Address}>"));

    public AuditSubject AuditSubject => DossierId is { } dossier
        ? new AuditSubject(nameof(Dossiers.Dossier), dossier)
        : new AuditSubject(nameof(Clients.Contact), ContactId ?? Id);
}

/// <summary>A contact or colleague in a communication, in a role (from/to/cc, caller/callee, attendee).</summary>
public sealed class CommunicationParticipant : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid CommunicationId { get; set; }

    public Guid? ContactId { get; set; }

    public Guid? UserId { get; set; }

    /// <summary>The name as it was at the time (or as an e-mail header gave it).</summary>
    public string Name { get; set; } = string.Empty;

    public string? Address { get; set; }

    public ParticipantRole Role { get; set; }

    // Copies of the communication's dossier, date, kind and direction, kept by the database (triggers of migration
    // ContactTimelineCopies), so a contact's timeline is read from two indexes without visiting each communication.
    // Not client data of their own: the communication's audit rows hold the originals.

    [NotAudited]
    public Guid? DossierId { get; private set; }

    [NotAudited]
    public DateTimeOffset OccurredAt { get; private set; }

    [NotAudited]
    public CommunicationKind Kind { get; private set; }

    [NotAudited]
    public CommunicationDirection Direction { get; private set; }

    public AuditSubject AuditSubject => new(nameof(Communication), CommunicationId);
}
