using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Access.Review;

/// <summary>
/// A recorded access review: who looked at the report of who may do and see what, when, and what they concluded (AVG
/// art. 5(2) and 32(1)(d): regularly testing the measures). The report's checksum and the audit chain's head at that
/// moment tie the record to exactly what was reviewed.
/// </summary>
public sealed class AccessReview : ITenantOwned, IAuditSubject
{
    public const int RemarksMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public DateTimeOffset ReviewedAt { get; set; }

    public Guid? ReviewedById { get; set; }

    public string ReviewedByName { get; set; } = string.Empty;

    public string Remarks { get; set; } = string.Empty;

    public int UsersReviewed { get; set; }

    public int DormantAccounts { get; set; }

    /// <summary>SHA-256 of the CSV report as it stood when the review was recorded.</summary>
    public string ReportSha256 { get; set; } = string.Empty;

    public long? ChainHeadSeq { get; set; }

    /// <summary>The audit chain's head hash (hex) at the time: the trail up to here is what the review could rely on.</summary>
    public string? ChainHeadHash { get; set; }

    public AuditSubject AuditSubject => new(nameof(AccessReview), Id);
}

/// <summary>The rhythm of access reviews and what counts as a dormant account (plain rules, unit-tested).</summary>
public static class AccessReviewSchedule
{
    public const int IntervalMonths = 3;
    public const int DormantAfterDays = 90;
    public const int OverdueAfterDays = 30;

    /// <summary>A quarter after the last review; for a firm never reviewed, a quarter after its first account.</summary>
    public static DateOnly NextDue(DateOnly? lastReviewedOn, DateOnly firstAccountOn) => (lastReviewedOn ?? firstAccountOn).AddMonths(IntervalMonths);

    /// <summary>An enabled account nobody signed in with for 90 days or more (never: counted from when it was made).</summary>
    public static bool IsDormant(bool enabled, DateTimeOffset? lastSignInAt, DateTimeOffset createdAt, DateTimeOffset now) =>
        enabled && now - (lastSignInAt ?? createdAt) >= TimeSpan.FromDays(DormantAfterDays);

    /// <summary>Which reminder today calls for: none before the due date, "due" from it, "overdue" a month later.</summary>
    public static string? ReminderStage(DateOnly today, DateOnly due) =>
        today < due ? null : today.DayNumber - due.DayNumber >= OverdueAfterDays ? "overdue" : "due";
}
