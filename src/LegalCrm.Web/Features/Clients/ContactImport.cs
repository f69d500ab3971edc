using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Clients;

public enum ImportStatus
{
    /// <summary>Uploaded and read; the columns are being mapped and checked.</summary>
    Uploaded,
    Queued,
    Running,
    Completed,
    /// <summary>Nothing was imported: the batch is all or nothing.</summary>
    Failed,
}

/// <summary>
/// One upload of a contacts file and what became of it. The file itself is kept only until the import has run; the
/// rejected rows stay so they can be downloaded, corrected and imported again. Not audited row by row: the contacts it
/// creates or updates are, and the run itself is recorded as an audit event.
/// </summary>
[NotAudited]
public sealed class ContactImport : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public string FileName { get; set; } = string.Empty;

    public ImportFormat Format { get; set; }

    public string EncodingName { get; set; } = string.Empty;

    public string? Delimiter { get; set; }

    public byte[]? Content { get; set; }

    public List<string> Headers { get; set; } = [];

    /// <summary>The field each column fills, by column position.</summary>
    public List<ImportField> Mapping { get; set; } = [];

    /// <summary>Recorded on every contact the import creates (art. 6 and art. 14(2)(f)).</summary>
    public LawfulBasis LawfulBasis { get; set; } = LawfulBasis.Contract;

    public string DataSource { get; set; } = string.Empty;

    public ImportStatus Status { get; set; }

    public int TotalRows { get; set; }

    public int ProcessedRows { get; set; }

    public int CreatedCount { get; set; }

    public int UpdatedCount { get; set; }

    public int RejectedCount { get; set; }

    /// <summary>JSON: the rejected rows with their cells and reasons, for the download.</summary>
    public string? RejectedRows { get; set; }

    public string? Error { get; set; }

    public Guid CreatedById { get; set; }

    public string CreatedByName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public bool IsFinished => Status is ImportStatus.Completed or ImportStatus.Failed;
}
