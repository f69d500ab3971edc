using System.Text.Json;
using System.Text.Json.Serialization;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Clients;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Dossiers;

/// <summary>
/// Runs and records a conflict check for a dossier: every party, the organisations and persons related to them (the
/// director of an opposing company), and any extra names typed in, are looked for among all contacts — by name with the
/// contact search's forgiveness (accents, particles, typos), KvK, e-mail, and date of birth with a similar name — and
/// every role those contacts have in other dossiers of the firm, open, closed or archived, is a hit.
/// </summary>
public sealed class ConflictSearch(CrmDbContext db, CurrentUser me, TimeProvider clock)
{
    public const string SameContact = "the same contact";
    public const string SimilarName = "similar name";
    public const string SameKvk = "same KvK number";
    public const string SameEmail = "same e-mail address";
    public const string SameBirthDate = "similar name and same date of birth";

    public static readonly IReadOnlyList<string> AllReasons = [SameContact, SimilarName, SameKvk, SameEmail, SameBirthDate];

    private const int MatchesPerName = 25;

    public static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public async Task<ConflictCheck> RunAsync(Guid dossierId, IEnumerable<string>? extraNames = null, CancellationToken ct = default)
    {
        var subjects = await SubjectsAsync(dossierId, ct);
        subjects.AddRange((extraNames ?? []).Select(n => n.Trim()).Where(n => n.Length is > 1 and <= 200).Distinct()
            .Select(n => (Subject: new ConflictSubject(n, null, [], null, null, null, null), ContactId: (Guid?)null)));

        var hits = new List<ConflictHit>();
        foreach (var (subject, contactId) in subjects)
        {
            var matches = await MatchesAsync(subject, contactId, ct);
            if (matches.Count == 0)
            {
                continue;
            }

            var ids = matches.Keys.ToList();
            var roles = await db.Set<DossierParty>().AsNoTracking()
                .Where(p => ids.Contains(p.ContactId) && p.DossierId != dossierId)
                .Join(db.Dossiers, p => p.DossierId, d => d.Id, (p, d) => new { p.ContactId, p.Role, d.Id, d.Number, d.Title, d.Status, d.ClosedOn, d.ResponsibleLawyerId })
                .Join(db.Contacts, x => x.ContactId, c => c.Id, (x, c) => new { x.ContactId, c.DisplayName, x.Role, x.Id, x.Number, x.Title, x.Status, x.ClosedOn, x.ResponsibleLawyerId })
                .Join(db.Users, x => x.ResponsibleLawyerId, u => u.Id, (x, u) => new { x.ContactId, x.DisplayName, x.Role, x.Id, x.Number, x.Title, x.Status, x.ClosedOn, x.ResponsibleLawyerId, Lawyer = u.DisplayName })
                .OrderByDescending(x => x.Number)
                .Take(200)
                .ToListAsync(ct);
            hits.AddRange(roles.Select(r => new ConflictHit(
                subject.Name, subject.Relation, subject.Via, subject.Role, r.ContactId, r.DisplayName, matches[r.ContactId], r.Id, r.Number, r.Title, r.Role,
                r.Status, r.ClosedOn, r.ResponsibleLawyerId, r.Lawyer, IsAdverse(subject.Role, r.Role))));
        }

        var check = new ConflictCheck
        {
            DossierId = dossierId,
            RunAt = clock.GetUtcNow(),
            RunByUserId = me.UserId,
            RunByName = me.DisplayName ?? me.ActorName,
            Searched = JsonSerializer.Serialize(subjects.Select(s => s.Subject), Json),
            Hits = JsonSerializer.Serialize(hits.DistinctBy(h => (h.SubjectName, h.ContactId, h.DossierId, h.Role)).OrderByDescending(h => h.Adverse).ThenByDescending(h => h.DossierNumber), Json),
            Decision = ConflictDecision.Pending,
        };
        check.HitCount = hits.DistinctBy(h => (h.SubjectName, h.ContactId, h.DossierId, h.Role)).Count();
        db.Add(check);
        await db.SaveChangesAsync(ct);
        return check;
    }

    public static IReadOnlyList<ConflictHit> ReadHits(ConflictCheck check) => JsonSerializer.Deserialize<List<ConflictHit>>(check.Hits, Json) ?? [];

    public static IReadOnlyList<ConflictSubject> ReadSearched(ConflictCheck check) => JsonSerializer.Deserialize<List<ConflictSubject>>(check.Searched, Json) ?? [];

    /// <summary>Client against opposing party (either way) is a conflict on its face; other combinations are for the lawyer to weigh.</summary>
    public static bool IsAdverse(PartyRole? here, PartyRole there) =>
        (here is PartyRole.Client && there is PartyRole.OpposingParty or PartyRole.OpposingCounsel)
        || (here is PartyRole.OpposingParty && there is PartyRole.Client)
        || (here is null && there is PartyRole.Client or PartyRole.OpposingParty);

    private async Task<List<(ConflictSubject Subject, Guid? ContactId)>> SubjectsAsync(Guid dossierId, CancellationToken ct)
    {
        var parties = await db.Set<DossierParty>().AsNoTracking().Where(p => p.DossierId == dossierId)
            .Join(db.Contacts.Include(c => c.Emails), p => p.ContactId, c => c.Id, (p, c) => new { p.Role, Contact = c })
            .ToListAsync(ct);
        var subjects = parties
            .Select(p => (new ConflictSubject(p.Contact.DisplayName, p.Contact.KvkNumber, p.Contact.Emails.Select(e => e.NormalizedAddress).ToList(), p.Contact.DateOfBirth, p.Role, null, null), (Guid?)p.Contact.Id))
            .ToList();

        // The people and organisations behind a party: a company's directors and shareholders, a person's employer.
        var partyIds = parties.Select(p => p.Contact.Id).ToList();
        var related = await db.ContactRelationships.AsNoTracking()
            .Where(r => partyIds.Contains(r.FromContactId) || partyIds.Contains(r.ToContactId))
            .Select(r => new { r.FromContactId, r.ToContactId, r.Kind })
            .ToListAsync(ct);
        var relatedIds = related.Select(r => partyIds.Contains(r.FromContactId) ? r.ToContactId : r.FromContactId).Except(partyIds).Distinct().ToList();
        var relatedContacts = await db.Contacts.AsNoTracking().Include(c => c.Emails).Where(c => relatedIds.Contains(c.Id)).ToListAsync(ct);
        foreach (var contact in relatedContacts)
        {
            var link = related.First(r => r.FromContactId == contact.Id || r.ToContactId == contact.Id);
            var party = parties.First(p => p.Contact.Id == (link.FromContactId == contact.Id ? link.ToContactId : link.FromContactId));
            var label = link.FromContactId == contact.Id ? ContactRelationship.Label(link.Kind) : ContactRelationship.InverseLabel(link.Kind);
            subjects.Add((new ConflictSubject(contact.DisplayName, contact.KvkNumber, contact.Emails.Select(e => e.NormalizedAddress).ToList(), contact.DateOfBirth, party.Role,
                label, party.Contact.DisplayName), contact.Id));
        }

        return subjects;
    }

    /// <summary>The contacts that are, or may be, the subject, with the reason.</summary>
    private async Task<Dictionary<Guid, string>> MatchesAsync(ConflictSubject subject, Guid? contactId, CancellationToken ct)
    {
        var found = new Dictionary<Guid, string>();
        if (contactId is { } self)
        {
            found[self] = SameContact;
        }

        if (subject.Kvk is { } kvk)
        {
            foreach (var id in await db.Contacts.Where(c => c.KvkNumber == kvk).Select(c => c.Id).Take(MatchesPerName).ToListAsync(ct))
            {
                found.TryAdd(id, SameKvk);
            }
        }

        if (subject.Emails.Count > 0)
        {
            var emails = subject.Emails.ToList();
            foreach (var id in await db.Contacts.SelectMany(c => c.Emails).Where(e => emails.Contains(e.NormalizedAddress)).Select(e => e.ContactId).Take(MatchesPerName).ToListAsync(ct))
            {
                found.TryAdd(id, SameEmail);
            }
        }

        var terms = ContactSearch.Parse(subject.Name);
        var byName = await db.Contacts.AsNoTracking().Matching(db, terms).ByRelevance(terms)
            .Select(c => new { c.Id, c.DateOfBirth })
            .Take(MatchesPerName)
            .ToListAsync(ct);
        foreach (var match in byName)
        {
            found.TryAdd(match.Id, subject.DateOfBirth is { } born && match.DateOfBirth == born ? SameBirthDate : SimilarName);
        }

        return found;
    }
}
