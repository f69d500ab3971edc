using System.Runtime.CompilerServices;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Communications;

/// <summary>
/// Every e-mail, call, meeting, letter and note logged with the person or in which they took part, with its text,
/// streamed oldest first (a busy client has thousands). Internal notes, confidential items and items of another
/// client's dossier are withheld by default.
/// </summary>
public sealed class CommunicationPersonalData(CrmDbContext db, IStringLocalizer<SharedResource> l) : IPersonalDataSource
{
    public IReadOnlyList<Type> Covers { get; } = [typeof(Communication), typeof(CommunicationParticipant)];

    /// <summary>
    /// The communications with the person: theirs, or with them among the participants. Two index lookups united
    /// (an OR with EXISTS would read every communication of the firm).
    /// </summary>
    private IQueryable<Guid> About(Guid contactId) =>
        db.Communications.Where(c => c.ContactId == contactId).Select(c => c.Id)
            .Union(db.Set<CommunicationParticipant>().Where(p => p.ContactId == contactId).Select(p => p.CommunicationId));

    public async IAsyncEnumerable<PersonalDataItem> CollectAsync(Guid contactId, [EnumeratorCancellation] CancellationToken ct)
    {
        var ownDossiers = (await db.Set<DossierParty>().Where(p => p.ContactId == contactId && p.Role == PartyRole.Client).Select(p => p.DossierId).ToListAsync(ct)).ToHashSet();
        var items = db.Communications.AsNoTracking()
            .Where(c => About(contactId).Contains(c.Id))
            .OrderBy(c => c.OccurredAt).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.Kind,
                c.Direction,
                c.OccurredAt,
                c.Subject,
                c.BodyHtml,
                c.ParticipantNames,
                c.DossierId,
                c.Confidential,
                c.AuthorName,
                Dossier = db.Dossiers.Where(d => d.Id == c.DossierId).Select(d => d.Number).FirstOrDefault(),
            })
            .AsAsyncEnumerable();
        await foreach (var c in items.WithCancellation(ct))
        {
            var withheld = c.Kind == CommunicationKind.Note ? WithholdingReasons.InternalNote
                : c.Confidential ? WithholdingReasons.Confidential
                : c.DossierId is { } dossier && !ownDossiers.Contains(dossier) ? WithholdingReasons.OtherClientsConfidence
                : null;
            yield return new PersonalDataItem(PersonalDataSections.Communications, $"communication:{c.Id}", $"{l["kind:" + c.Kind]}: {c.Subject}",
            [
                new("kind", "Kind", l["kind:" + c.Kind].Value),
                new("direction", "Direction", l["direction:" + c.Direction].Value),
                new("at", "When", c.OccurredAt),
                new("subject", "Subject", c.Subject),
                new("participants", "Participants", c.ParticipantNames),
                new("dossierNumber", "Dossier number", c.Dossier),
                new("loggedBy", "Logged by", c.AuthorName),
                new("text", "Text", CommunicationBody.ToPlainText(c.BodyHtml)),
            ],
            withheld);
        }
    }

    /// <summary>
    /// Communications with only the person, outside any dossier, go; in a dossier they are records of the case and
    /// stay, with the person as a pseudonym among the participants; elsewhere the person leaves the participants.
    /// Unfiled e-mails from the person's addresses go.
    /// </summary>
    public async Task<IReadOnlyList<ErasureLine>> EraseAsync(ErasureScope scope, bool execute, CancellationToken ct)
    {
        var id = scope.ContactId;
        var involved = await db.Communications.Include(c => c.Participants)
            .Where(c => About(id).Contains(c.Id))
            .ToListAsync(ct);
        var own = involved.Where(c => c.DossierId is null && c.ContactId == id).ToList();
        var inDossiers = involved.Where(c => c.DossierId is not null).ToList();
        var withOthers = involved.Except(own).Except(inDossiers).ToList();
        var addresses = await db.Set<Clients.ContactEmail>().Where(e => e.ContactId == id).Select(e => e.NormalizedAddress).ToListAsync(ct);
        var unfiled = await db.TriageMessages.Where(t => addresses.Contains(t.FromAddress.ToLower())).ToListAsync(ct);
        List<ErasureLine> lines =
        [
            new("Correspondence, calls and meetings outside dossiers", own.Count, ErasureAction.Delete),
            scope.ContactFate == ErasureAction.Keep
                ? new("Correspondence, calls and meetings in dossiers", inDossiers.Count, ErasureAction.Keep, scope.ContactKeptBecause)
                : new("Correspondence, calls and meetings in dossiers", inDossiers.Count, ErasureAction.Pseudonymise, l["Records of the dossier; the person appears as {0}.", scope.Pseudonym].Value),
            new("Correspondence with other contacts", withOthers.Count, scope.ContactFate == ErasureAction.Keep ? ErasureAction.Keep : ErasureAction.Pseudonymise, scope.ContactKeptBecause),
            new("Unfiled e-mails", unfiled.Count, ErasureAction.Delete),
        ];
        if (!execute)
        {
            return lines;
        }

        db.Communications.RemoveRange(own);
        db.TriageMessages.RemoveRange(unfiled);
        if (scope.ContactFate == ErasureAction.Keep)
        {
            await db.SaveChangesAsync(ct);
            return lines;
        }

        var contactGoes = scope.ContactFate == ErasureAction.Delete;
        foreach (var c in inDossiers)
        {
            c.Subject = scope.Scrub(c.Subject)!;
            c.BodyHtml = scope.Scrub(c.BodyHtml)!;
            foreach (var p in c.Participants.Where(p => p.ContactId == id))
            {
                p.Name = scope.Pseudonym;
                p.Address = null;
                p.ContactId = contactGoes ? null : id;
            }

            if (contactGoes && c.ContactId == id)
            {
                c.ContactId = null;
            }
        }

        foreach (var c in withOthers)
        {
            // Out of the collection, so the participant names are recomputed without the person.
            c.Participants.RemoveAll(p => p.ContactId == id);
            c.Subject = scope.Scrub(c.Subject)!;
            c.BodyHtml = scope.Scrub(c.BodyHtml)!;
        }

        await db.SaveChangesAsync(ct);
        return lines;
    }
}
