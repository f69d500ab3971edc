using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Documents;

public enum DocumentCategory
{
    Correspondence,
    Pleading,
    Evidence,
    Contract,
    CourtDecision,
    Memo,
    Invoice,
    Other,
}

/// <summary>
/// A document of a dossier: its title, category and date, and the versions of its file. Its history belongs to the
/// dossier's (the audit subject is the dossier), so the dossier's feed shows every upload and change.
/// </summary>
public sealed class Document : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid DossierId { get; set; }

    public string Title { get; set; } = string.Empty;

    public DocumentCategory Category { get; set; }

    /// <summary>The date the document bears (a letter's date, a judgment's date), not the upload date.</summary>
    public DateOnly? DocumentDate { get; set; }

    /// <summary>The number of the newest version; versions count 1, 2, 3… per document.</summary>
    public int CurrentVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    /// <summary>PostgreSQL's xmin: two versions uploaded at the same moment cannot both become number N.</summary>
    public uint RowVersion { get; set; }

    public AuditSubject AuditSubject => new(nameof(Dossier), DossierId);
}

/// <summary>One uploaded file of a document. The bytes live in the <see cref="IDocumentStore"/>, addressed by this id.</summary>
public sealed class DocumentVersion : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid DocumentId { get; set; }

    public Guid DossierId { get; set; }

    public int Number { get; set; }

    /// <summary>The uploaded name, sanitised (<see cref="FileNames.Sanitise"/>); used for the download.</summary>
    public string FileName { get; set; } = string.Empty;

    /// <summary>From the content (<see cref="FileTypes"/>), never from what the browser claimed.</summary>
    public string ContentType { get; set; } = string.Empty;

    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the bytes, checked on every read.</summary>
    public string Sha256 { get; set; } = string.Empty;

    public DateTimeOffset UploadedAt { get; set; }

    public Guid? UploadedByUserId { get; set; }

    public string UploadedBy { get; set; } = string.Empty;

    public AuditSubject AuditSubject => new(nameof(Dossier), DossierId);
}
