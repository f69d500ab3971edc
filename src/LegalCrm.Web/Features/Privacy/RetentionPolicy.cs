using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Privacy;

/// <summary>The kinds of data a retention policy governs.</summary>
public enum RetentionCategory
{
    ClosedDossiers,
    BillingData,
    WwftRecords,
    Prospects,
}

/// <summary>The event from which a retention period is counted.</summary>
public enum RetentionStart
{
    DossierClosed,
    RelationshipEnded,
    LastContact,
    ConsentWithdrawn,
}

public enum RetentionAction
{
    Delete,
    Anonymise,
}

/// <summary>What the nightly sweep does with records whose retention has ended.</summary>
public enum RetentionMode
{
    /// <summary>The privacy officer approves each disposal (the sweep only tells them what is due).</summary>
    Approval,

    /// <summary>The sweep disposes of them itself and logs it.</summary>
    Automatic,
}

/// <summary>
/// How long the firm keeps one kind of data (AVG art. 5(1)(e): no longer than necessary; art. 30(1)(f)), from which
/// event, and what happens then. A policy for a practice area overrides the firm-wide one of its category.
/// </summary>
public sealed class RetentionPolicy : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public RetentionCategory Category { get; set; }

    /// <summary>Null: every practice area without a policy of its own.</summary>
    public string? PracticeArea { get; set; }

    public int PeriodMonths { get; set; }

    public RetentionStart StartsAt { get; set; }

    public RetentionAction Action { get; set; }

    /// <summary>The legal ground or the firm's reasoning (e.g. "art. 52 AWR").</summary>
    public string? Basis { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public AuditSubject AuditSubject => new(nameof(RetentionPolicy), Id);
}

/// <summary>The retention rules, plain: which policy applies, and until when a record is kept.</summary>
public static class RetentionRules
{
    public const int MaxPeriodMonths = 12 * 30;

    /// <summary>The policies every new firm starts with (the firm's officer adjusts them).</summary>
    public static IReadOnlyList<RetentionPolicy> Starting(DateTimeOffset now) =>
    [
        new() { Category = RetentionCategory.ClosedDossiers, PeriodMonths = 60, StartsAt = RetentionStart.DossierClosed, Action = RetentionAction.Delete, Basis = "Verordening op de advocatuur; verjaring beroepsaansprakelijkheid (art. 3:310 BW)", UpdatedAt = now },
        new() { Category = RetentionCategory.BillingData, PeriodMonths = 84, StartsAt = RetentionStart.DossierClosed, Action = RetentionAction.Delete, Basis = "Fiscale bewaarplicht (art. 52 AWR)", UpdatedAt = now },
        new() { Category = RetentionCategory.WwftRecords, PeriodMonths = 60, StartsAt = RetentionStart.RelationshipEnded, Action = RetentionAction.Anonymise, Basis = "Art. 33 Wwft", UpdatedAt = now },
        new() { Category = RetentionCategory.Prospects, PeriodMonths = 12, StartsAt = RetentionStart.LastContact, Action = RetentionAction.Delete, Basis = "Gerechtvaardigd belang; niet langer dan nodig (art. 5 lid 1 e AVG)", UpdatedAt = now },
    ];

    /// <summary>
    /// The event a kind of data is counted from: what the retention sweep can date. A dossier's data from its closing;
    /// a client's identification from the end of the relationship (art. 33 Wwft); a prospect from the last contact.
    /// </summary>
    public static RetentionStart StartOf(RetentionCategory category) => category switch
    {
        RetentionCategory.WwftRecords => RetentionStart.RelationshipEnded,
        RetentionCategory.Prospects => RetentionStart.LastContact,
        _ => RetentionStart.DossierClosed,
    };

    /// <summary>Only what belongs to a dossier has a practice area: the kinds of data a practice area may have a policy of its own for.</summary>
    public static readonly IReadOnlyList<RetentionCategory> PerPracticeArea = [RetentionCategory.ClosedDossiers, RetentionCategory.BillingData];

    /// <summary>The policy for a category in a practice area: the area's own, else the firm-wide one, else null.</summary>
    public static RetentionPolicy? For(IEnumerable<RetentionPolicy> policies, RetentionCategory category, string? practiceArea)
    {
        var ofCategory = policies.Where(p => p.Category == category).ToList();
        return ofCategory.FirstOrDefault(p => practiceArea is not null && string.Equals(p.PracticeArea, practiceArea, StringComparison.OrdinalIgnoreCase))
            ?? ofCategory.FirstOrDefault(p => p.PracticeArea is null);
    }

    /// <summary>The last day the record is kept: the start plus the period (months as the calendar counts them).</summary>
    public static DateOnly KeptUntil(DateOnly start, int periodMonths) => start.AddMonths(periodMonths);

    public static bool Expired(DateOnly start, int periodMonths, DateOnly today) => KeptUntil(start, periodMonths) < today;
}
