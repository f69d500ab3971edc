using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Privacy;

/// <summary>The rights a person may invoke (AVG art. 15–21, and withdrawal of consent, art. 7(3)).</summary>
public enum RequestKind
{
    Access,
    Rectification,
    Erasure,
    Restriction,
    Portability,
    Objection,
    ConsentWithdrawal,
}

public enum RequestChannel
{
    Email,
    Letter,
    Phone,
    InPerson,
    WebForm,
}

public enum RequestStatus
{
    Open,
    Closed,
}

/// <summary>
/// A data-subject request, logged from receipt to answer (AVG art. 12): who asked what, when and how, how their
/// identity was verified, the deadline (one month, extendable by two with reasons told to the person, art. 12(3)), and
/// the answer sent.
/// </summary>
public sealed class DataSubjectRequest : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public RequestKind Kind { get; set; }

    /// <summary>The contact the request is about, when the firm knows the person.</summary>
    public Guid? ContactId { get; set; }

    /// <summary>The person as they gave themselves (always kept: the contact may later be erased).</summary>
    public string PersonName { get; set; } = string.Empty;

    /// <summary>How to reach them and what identifies them, when they are not a contact.</summary>
    public string? PersonDetails { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public RequestChannel Channel { get; set; }

    public string? Description { get; set; }

    /// <summary>How the identity was verified (e.g. "ID shown at the office, BSN blacked out"); null while it is not.</summary>
    public string? IdentityVerifiedHow { get; set; }

    public DateOnly? IdentityVerifiedOn { get; set; }

    public string? IdentityVerifiedBy { get; set; }

    /// <summary>Extra months beyond the first (0–2, art. 12(3)).</summary>
    public int ExtensionMonths { get; set; }

    public string? ExtensionReason { get; set; }

    /// <summary>When the person was told of the extension and why; art. 12(3) requires it within the first month.</summary>
    public DateOnly? ExtensionToldOn { get; set; }

    public RequestStatus Status { get; set; }

    public DateOnly? ClosedOn { get; set; }

    /// <summary>What was answered (or why it was refused, with the right to complain, art. 12(4)).</summary>
    public string? Answer { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateOnly DueOn => RequestDeadlines.Due(ReceivedOn, ExtensionMonths);

    public AuditSubject AuditSubject => new(nameof(DataSubjectRequest), Id);
}
