using LegalCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Documents;

/// <summary>A document in a list: its metadata and its current version's file.</summary>
public sealed record DocumentRow(Guid Id, string Title, DocumentCategory Category, DateOnly? DocumentDate, int Version, string FileName, string ContentType, long SizeBytes, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    /// <summary>The rows for these documents (in any order), one join with their current versions.</summary>
    public static Task<List<DocumentRow>> LoadAsync(CrmDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct = default) =>
        Of(db, db.Documents.Where(d => ids.Contains(d.Id))).ToListAsync(ct);

    /// <summary>The rows of these documents with their current version, as one query.</summary>
    public static IQueryable<DocumentRow> Of(CrmDbContext db, IQueryable<Document> documents) =>
        documents.AsNoTracking()
            .Join(db.DocumentVersions, d => new { DocumentId = d.Id, Number = d.CurrentVersion }, v => new { v.DocumentId, v.Number },
                (d, v) => new DocumentRow(d.Id, d.Title, d.Category, d.DocumentDate, d.CurrentVersion, v.FileName, v.ContentType, v.SizeBytes, d.UpdatedAt, d.UpdatedBy));
}
