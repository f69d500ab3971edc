using LegalCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Communications;

/// <summary>A communication in a timeline (dossier or contact page), newest first.</summary>
public sealed record TimelineItem(Guid Id, CommunicationKind Kind, CommunicationDirection Direction, DateTimeOffset OccurredAt, string Subject, string BodyHtml, string AuthorName, bool Confidential, int? DurationMinutes)
{
    /// <summary>The latest <paramref name="take"/> communications of a dossier; the caller has checked the dossier may be seen.</summary>
    public static Task<List<TimelineItem>> OfDossierAsync(CrmDbContext db, Guid dossierId, int take, CancellationToken ct = default) =>
        db.Communications.AsNoTracking().Where(c => c.DossierId == dossierId)
            .OrderByDescending(c => c.OccurredAt).ThenByDescending(c => c.Id)
            .Take(take)
            .Select(c => new TimelineItem(c.Id, c.Kind, c.Direction, c.OccurredAt, c.Subject, c.BodyHtml, c.AuthorName, c.Confidential, c.DurationMinutes))
            .ToListAsync(ct);
}
