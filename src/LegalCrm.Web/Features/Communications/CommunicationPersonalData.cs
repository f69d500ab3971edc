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

    public async IAsyncEnumerable<PersonalDataItem> CollectAsync(Guid contactId, [EnumeratorCancellation] CancellationToken ct)
    {
        var ownDossiers = (await db.Set<DossierParty>().Where(p => p.ContactId == contactId && p.Role == PartyRole.Client).Select(p => p.DossierId).ToListAsync(ct)).ToHashSet();
        var participants = db.Set<CommunicationParticipant>();
        var items = db.Communications.AsNoTracking()
            .Where(c => c.ContactId == contactId || participants.Any(p => p.CommunicationId == c.Id && p.ContactId == contactId))
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
}
