using System.Runtime.CompilerServices;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Dossiers;

/// <summary>
/// The dossiers in which the person is a party, with their role, and the list of documents in them (titles and file
/// names, not the files). A dossier in which they are not the client belongs to another client: withheld by default.
/// </summary>
public sealed class DossierPersonalData(CrmDbContext db, IStringLocalizer<SharedResource> l) : IPersonalDataSource
{
    // An ethical wall names a client only to keep colleagues out; it says nothing about the person beyond the dossiers listed.
    public IReadOnlyList<Type> Covers { get; } = [typeof(DossierParty), typeof(EthicalWall)];

    public async IAsyncEnumerable<PersonalDataItem> CollectAsync(Guid contactId, [EnumeratorCancellation] CancellationToken ct)
    {
        var roles = await db.Set<DossierParty>().AsNoTracking().Where(p => p.ContactId == contactId)
            .Join(db.Dossiers, p => p.DossierId, d => d.Id, (p, d) => new
            {
                p.Id,
                p.DossierId,
                p.Role,
                p.RoleLabel,
                p.StartDate,
                p.EndDate,
                d.Number,
                d.Title,
                d.PracticeArea,
                d.Status,
                d.OpenedOn,
                d.ClosedOn,
            })
            .OrderBy(p => p.Number).ThenBy(p => p.Id).ToListAsync(ct);
        var ownDossiers = roles.Where(r => r.Role == PartyRole.Client).Select(r => r.DossierId).ToHashSet();
        foreach (var r in roles)
        {
            var role = r.RoleLabel ?? l["role:" + r.Role].Value;
            yield return new PersonalDataItem(PersonalDataSections.Dossiers, $"party:{r.Id}", $"{r.Number} {r.Title} ({role})",
            [
                new("dossierNumber", "Dossier number", r.Number),
                new("title", "Title", r.Title),
                new("role", "Role", role),
                new("practiceArea", "Practice area", r.PracticeArea),
                new("status", "Status", l["status:" + r.Status].Value),
                new("openedOn", "Opened on", r.OpenedOn),
                new("closedOn", "Closed on", r.ClosedOn),
                new("roleFrom", "Role from", r.StartDate),
                new("roleUntil", "Role until", r.EndDate),
            ],
            ownDossiers.Contains(r.DossierId) ? null : WithholdingReasons.OtherClientsConfidence);
        }

        var dossierIds = roles.Select(r => r.DossierId).Distinct().ToList();
        var documents = db.Documents.AsNoTracking().Where(d => dossierIds.Contains(d.DossierId))
            .Join(db.Dossiers, doc => doc.DossierId, d => d.Id, (doc, d) => new
            {
                doc.Id,
                doc.DossierId,
                doc.Title,
                doc.Category,
                doc.DocumentDate,
                d.Number,
                FileName = db.DocumentVersions.Where(v => v.DocumentId == doc.Id && v.Number == doc.CurrentVersion).Select(v => v.FileName).FirstOrDefault(),
            })
            .OrderBy(d => d.Number).ThenBy(d => d.Id)
            .AsAsyncEnumerable();
        await foreach (var d in documents.WithCancellation(ct))
        {
            yield return new PersonalDataItem(PersonalDataSections.Documents, $"document:{d.Id}", $"{d.Number}: {d.Title}",
            [
                new("dossierNumber", "Dossier number", d.Number),
                new("title", "Title", d.Title),
                new("category", "Category", l["doccat:" + d.Category].Value),
                new("date", "Date", d.DocumentDate),
                new("fileName", "File name", d.FileName),
            ],
            ownDossiers.Contains(d.DossierId) ? null : WithholdingReasons.OtherClientsConfidence);
        }
    }
}
