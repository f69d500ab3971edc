using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Privacy;

/// <summary>The risk to people's rights and freedoms, as the officer assessed it (art. 33(1), 34(1)).</summary>
public enum BreachRisk
{
    Unassessed,
    None,
    Risk,
    High,
}

/// <summary>Whether the Autoriteit Persoonsgegevens is (to be) notified (art. 33(1)).</summary>
public enum AuthorityDecision
{
    Undecided,
    Notify,
    DoNotNotify,
}

/// <summary>Whether the people concerned are (to be) told (art. 34).</summary>
public enum SubjectsDecision
{
    Undecided,
    Inform,
    DoNotInform,
}

/// <summary>The grounds of art. 34(3) on which people need not be told of a high-risk breach.</summary>
public enum SubjectsExemption
{
    None,
    Unintelligible,
    RiskRemoved,
    PublicNotice,
}

public enum BreachStatus
{
    Open,
    Closed,
}

/// <summary>
/// A personal data breach, documented whether or not it is notified (art. 33(5)): the facts in the order of the AP's
/// notification form, the risk assessment and the decisions with their reasoning, the notification to the AP
/// (within 72 hours of becoming aware, art. 33(1); later only with reasons for the delay) and the message to the people
/// concerned (art. 34).
/// </summary>
public sealed class Breach : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    /// <summary>The firm's own running number, to refer to in correspondence with the AP.</summary>
    public long Number { get; set; }

    public string Title { get; set; } = string.Empty;

    /// <summary>The moment the firm became aware of the breach: the 72 hours run from here (art. 33(1)).</summary>
    public DateTimeOffset DiscoveredAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public bool Ongoing { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public string? Description { get; set; }

    public string? ContactPerson { get; set; }

    public bool Confidentiality { get; set; }

    public bool Integrity { get; set; }

    public bool Availability { get; set; }

    public string? DataCategories { get; set; }

    /// <summary>Special categories (art. 9) and criminal data (art. 10) involved.</summary>
    public string? SpecialCategories { get; set; }

    /// <summary>Who the people are (clients, counterparties, staff…).</summary>
    public string? AffectedGroups { get; set; }

    public int? PeopleAffected { get; set; }

    public int? RecordsAffected { get; set; }

    /// <summary>Whether the data was encrypted or otherwise unintelligible; null while unknown.</summary>
    public bool? DataEncrypted { get; set; }

    public bool CrossBorder { get; set; }

    public string? LikelyConsequences { get; set; }

    public string? MeasuresTaken { get; set; }

    public string? MeasuresProposed { get; set; }

    public BreachRisk Risk { get; set; }

    public string? RiskReasoning { get; set; }

    public AuthorityDecision AuthorityDecision { get; set; }

    /// <summary>Why the AP is not notified (art. 33(5) requires the reasoning to be documented).</summary>
    public string? AuthorityDecisionReasoning { get; set; }

    public DateTimeOffset? AuthorityNotifiedAt { get; set; }

    public string? AuthorityReference { get; set; }

    /// <summary>Required when the notification came later than 72 hours after becoming aware (art. 33(1)).</summary>
    public string? DelayReasons { get; set; }

    public SubjectsDecision SubjectsDecision { get; set; }

    public SubjectsExemption SubjectsExemption { get; set; }

    public string? SubjectsDecisionReasoning { get; set; }

    public DateTimeOffset? SubjectsInformedAt { get; set; }

    /// <summary>The plain-language message to the people concerned (art. 34(2)).</summary>
    public string? SubjectsMessage { get; set; }

    public BreachStatus Status { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }

    public List<BreachFollowUp> FollowUps { get; set; } = [];

    public AuditSubject AuditSubject => new(nameof(Breach), Id);
}

/// <summary>Information given to the AP after the first notification, in phases (art. 33(4)).</summary>
public sealed class BreachFollowUp : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid BreachId { get; set; }

    public DateTimeOffset SentAt { get; set; }

    public string Summary { get; set; } = string.Empty;

    public string? Reference { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public AuditSubject AuditSubject => new(nameof(Breach), BreachId);
}
