using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Privacy;

/// <summary>
/// A legal hold on a contact or a dossier: nothing of it may be erased or swept away while the hold lasts — the data is
/// needed for the establishment, exercise or defence of legal claims (art. 17(3)(e) AVG) or an investigation.
/// </summary>
public sealed class LegalHold : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid? ContactId { get; set; }

    public Guid? DossierId { get; set; }

    public string Reason { get; set; } = string.Empty;

    /// <summary>The last day of the hold; open-ended when null (until released).</summary>
    public DateOnly? Until { get; set; }

    public DateTimeOffset PlacedAt { get; set; }

    public string PlacedBy { get; set; } = string.Empty;

    public DateTimeOffset? ReleasedAt { get; set; }

    public string? ReleasedBy { get; set; }

    public string? ReleaseReason { get; set; }

    public bool IsActive(DateOnly today) => ReleasedAt is null && (Until is null || Until >= today);

    public AuditSubject AuditSubject => ContactId is { } contact ? new(nameof(Clients.Contact), contact) : new(nameof(Dossiers.Dossier), DossierId!.Value);
}

/// <summary>The one way to ask which holds are in force on a contact or a dossier.</summary>
public static class LegalHolds
{
    /// <summary>The holds in force on <paramref name="today"/> (the query form of <see cref="LegalHold.IsActive"/>).</summary>
    public static IQueryable<LegalHold> InForce(this IQueryable<LegalHold> holds, DateOnly today) =>
        holds.Where(h => h.ReleasedAt == null && (h.Until == null || h.Until >= today));
}

/// <summary>
/// The deletion log (art. 5(2) and 17 AVG: the firm must be able to show it erased): which request, what categories
/// and how many rows were erased, pseudonymised or kept and why, by whom and when — and no personal data, so the entry
/// itself never needs erasing.
/// </summary>
public sealed class ErasureLogEntry : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    /// <summary>The request it answered; null for a record deleted by the retention sweep or by hand.</summary>
    public Guid? RequestId { get; set; }

    /// <summary>The retention policy's category when the retention sweep or the officer disposed of an expired record.</summary>
    public RetentionCategory? Category { get; set; }

    /// <summary>The disposed contact or dossier (its id only).</summary>
    public Guid? SubjectId { get; set; }

    /// <summary>The dossier number of a disposed dossier (not personal data); null for a person.</summary>
    public string? Record { get; set; }

    /// <summary>Why the officer deleted it by hand, or null for the sweep.</summary>
    public string? Reason { get; set; }

    /// <summary>The label the person's remaining records now carry ("Persoon 8F2A"), when any were kept.</summary>
    public string? Pseudonym { get; set; }

    /// <summary>JSON: per category the rows deleted, pseudonymised and kept, with the reasons for keeping.</summary>
    public string Outcome { get; set; } = "{}";

    public DateTimeOffset ExecutedAt { get; set; }

    public string ExecutedBy { get; set; } = string.Empty;

    private static readonly System.Text.Json.JsonSerializerOptions OutcomeFormat = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Records the lines that did something (a count above zero).</summary>
    public void RecordLines(IEnumerable<ErasureLine> lines) =>
        Outcome = System.Text.Json.JsonSerializer.Serialize(lines.Where(x => x.Count > 0), OutcomeFormat);

    public IReadOnlyList<ErasureLine> Lines() => System.Text.Json.JsonSerializer.Deserialize<List<ErasureLine>>(Outcome, OutcomeFormat) ?? [];
}

/// <summary>
/// A keyed hash of an erased person's e-mail address or phone number: an import or a newsletter list cannot bring
/// the person back (art. 17 and 21(3) AVG), while the firm no longer holds the address itself.
/// </summary>
public sealed class SuppressionEntry : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    /// <summary>HMAC-SHA256 (hex) of the normalised value under the firm's suppression key.</summary>
    public string Hash { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}
