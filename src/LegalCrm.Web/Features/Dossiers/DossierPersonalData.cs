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

    /// <summary>
    /// Roles in dossiers that must be kept stay (the contact becomes a pseudonym, the dossier is a record of the case);
    /// roles in other dossiers go. Documents are records of their dossier and follow its retention, not the person.
    /// </summary>
    public async Task<IReadOnlyList<ErasureLine>> EraseAsync(ErasureScope scope, bool execute, CancellationToken ct)
    {
        var roles = await db.Set<DossierParty>().Where(p => p.ContactId == scope.ContactId).ToListAsync(ct);
        var kept = roles.Where(r => scope.KeptDossiers.ContainsKey(r.DossierId)).ToList();
        var lines = new List<ErasureLine>();
        foreach (var reason in kept.GroupBy(r => scope.KeptDossiers[r.DossierId]))
        {
            lines.Add(new("Roles in dossiers", reason.Count(), ErasureAction.Keep, reason.Key));
        }

        lines.Add(new("Roles in dossiers", roles.Count - kept.Count, ErasureAction.Delete));
        var keptIds = kept.Select(r => r.DossierId).Distinct().ToList();
        lines.Add(new("Documents in those dossiers", await db.Documents.CountAsync(d => keptIds.Contains(d.DossierId), ct), ErasureAction.Keep, l["Records of the dossier."].Value));
        // The dossiers' own texts and their conflict checks name the person; where the identity need not stay they give way to the pseudonym.
        var pseudonymise = scope.ContactFate != ErasureAction.Keep;
        var dossiers = pseudonymise ? await db.Dossiers.Where(d => keptIds.Contains(d.Id)).ToListAsync(ct) : [];
        var named = dossiers.Where(d => Mentions(scope, d.Title) || Mentions(scope, d.Description)).ToList();
        var patterns = scope.Mentions.Select(m => "%" + m.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%").ToArray();
        var checks = pseudonymise && patterns.Length > 0
            ? await db.ConflictChecks.FromSql($"SELECT * FROM conflict_checks WHERE searched::text ILIKE ANY ({patterns}) OR hits::text ILIKE ANY ({patterns})").ToListAsync(ct)
            : [];
        lines.Add(new("Dossier titles and descriptions naming the person", named.Count, ErasureAction.Pseudonymise));
        lines.Add(new("Conflict checks naming the person", checks.Count, ErasureAction.Pseudonymise));
        if (execute)
        {
            db.Set<DossierParty>().RemoveRange(roles.Except(kept));
            foreach (var dossier in named)
            {
                dossier.Title = scope.Scrub(dossier.Title)!;
                dossier.Description = scope.Scrub(dossier.Description);
            }

            foreach (var check in checks)
            {
                check.Searched = scope.Scrub(check.Searched)!;
                check.Hits = scope.Scrub(check.Hits)!;
            }

            if (scope.ContactFate == ErasureAction.Delete)
            {
                // A wall around a client who no longer exists protects nothing.
                db.EthicalWalls.RemoveRange(await db.EthicalWalls.Where(w => w.ClientContactId == scope.ContactId).ToListAsync(ct));
            }

            await db.SaveChangesAsync(ct);
        }

        return lines;
    }

    private static bool Mentions(ErasureScope scope, string? text) =>
        text is not null && scope.Mentions.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase));
}
