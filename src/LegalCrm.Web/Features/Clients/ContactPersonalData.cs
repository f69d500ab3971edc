using System.Runtime.CompilerServices;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Clients;

/// <summary>The contact's own record, its addresses, numbers and e-mail addresses, its relationships and its consents.</summary>
public sealed class ContactPersonalData(CrmDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : IPersonalDataSource
{
    public IReadOnlyList<Type> Covers { get; } =
        [typeof(Contact), typeof(ContactAddress), typeof(ContactPhone), typeof(ContactEmail), typeof(ContactRelationship), typeof(MarketingConsent)];

    public async IAsyncEnumerable<PersonalDataItem> CollectAsync(Guid contactId, [EnumeratorCancellation] CancellationToken ct)
    {
        var c = await db.Contacts.AsNoTracking().Include(x => x.Addresses).Include(x => x.Phones).Include(x => x.Emails).AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == contactId, ct);
        if (c is null)
        {
            yield break;
        }

        yield return new PersonalDataItem(PersonalDataSections.Contact, $"contact:{c.Id}", c.DisplayName,
        [
            new("name", "Name", c.DisplayName),
            new("initials", "Initials", c.Initials),
            new("firstName", "First name", c.FirstName),
            new("nameParticle", "Name particle", c.NameParticle),
            new("lastName", "Last name", c.LastName),
            new("organisation", "Organisation", c.OrganisationName),
            new("salutation", "Salutation", c.Salutation),
            new("dateOfBirth", "Date of birth", c.DateOfBirth),
            new("preferredLanguage", "Preferred language", c.PreferredLanguage),
            new("kvkNumber", "KvK number", c.KvkNumber),
            new("vatNumber", "VAT number", c.VatNumber),
            new("iban", "IBAN", c.Iban),
            new("website", "Website", c.Website),
            new("addresses", "Addresses", c.Addresses.Select(a => $"{l["address:" + a.Kind]}: {a.Street}, {a.PostalCode} {a.City} {a.CountryCode}".Trim()).ToList()),
            new("phones", "Phone numbers", c.Phones.Select(p => $"{l["phone:" + p.Kind]}: {p.Number}").ToList()),
            new("emails", "E-mail addresses", c.Emails.Select(e => $"{l["email:" + e.Kind]}: {e.Address}").ToList()),
            new("clientNumber", "Client number", c.ClientNumber),
            new("clientSince", "Client since", c.ClientSince),
            new("lawfulBasis", "Lawful basis", l["basis:" + c.LawfulBasis].Value),
            new("source", "Where the data came from", c.DataSource),
            new("notes", "Notes", c.Notes),
            new("restrictedAt", "Processing restricted since", c.RestrictedAt),
            new("createdAt", "Recorded on", c.CreatedAt),
            new("updatedAt", "Last changed", c.UpdatedAt),
        ]);

        var relationships = await db.ContactRelationships.AsNoTracking()
            .Where(r => r.FromContactId == contactId || r.ToContactId == contactId)
            .Select(r => new
            {
                r.Id,
                r.Kind,
                Outgoing = r.FromContactId == contactId,
                Other = db.Contacts.Where(o => o.Id == (r.FromContactId == contactId ? r.ToContactId : r.FromContactId)).Select(o => o.DisplayName).FirstOrDefault(),
                r.StartDate,
                r.EndDate,
            })
            .OrderBy(r => r.Id).ToListAsync(ct);
        foreach (var r in relationships)
        {
            var kind = l[r.Outgoing ? ContactRelationship.Label(r.Kind) : ContactRelationship.InverseLabel(r.Kind)].Value;
            yield return new PersonalDataItem(PersonalDataSections.Relationships, $"relationship:{r.Id}", $"{kind} {r.Other}",
            [
                new("relationship", "Relationship", kind),
                new("with", "With", r.Other),
                new("from", "From", r.StartDate),
                new("until", "Until", r.EndDate),
            ]);
        }

        foreach (var consent in await db.MarketingConsents.AsNoTracking().Where(m => m.ContactId == contactId).OrderBy(m => m.GivenOn).ThenBy(m => m.Id).ToListAsync(ct))
        {
            yield return new PersonalDataItem(PersonalDataSections.Consents, $"consent:{consent.Id}", l["purpose:" + consent.Purpose].Value,
            [
                new("purpose", "Purpose", l["purpose:" + consent.Purpose].Value),
                new("channel", "Channel", l["channel:" + consent.Channel].Value),
                new("givenOn", "Given on", consent.GivenOn),
                new("textShown", "Text shown", consent.TextShown),
                new("withdrawnOn", "Withdrawn on", consent.WithdrawnOn),
            ]);
        }
    }

    public async Task<IReadOnlyList<ErasureLine>> EraseAsync(ErasureScope scope, bool execute, CancellationToken ct)
    {
        var id = scope.ContactId;
        var contact = await db.Contacts.Include(c => c.Addresses).Include(c => c.Phones).Include(c => c.Emails).AsSplitQuery().SingleAsync(c => c.Id == id, ct);
        var relationships = await db.ContactRelationships.Where(r => r.FromContactId == id || r.ToContactId == id).ToListAsync(ct);
        var consents = await db.MarketingConsents.Where(m => m.ContactId == id).ToListAsync(ct);
        var details = contact.Addresses.Count + contact.Phones.Count + contact.Emails.Count;
        // Rejected import rows keep the cells of the file; the person's are scrubbed from them.
        var imports = (await db.ContactImports.Where(i => i.RejectedRows != null).ToListAsync(ct))
            .Where(i => scope.Mentions.Any(m => i.RejectedRows!.Contains(m, StringComparison.OrdinalIgnoreCase))).ToList();
        var keep = scope.ContactFate == ErasureAction.Keep;
        List<ErasureLine> lines =
        [
            new("Consents for newsletters and invitations", consents.Count, ErasureAction.Delete),
            new("Relationships with other contacts", relationships.Count, keep ? ErasureAction.Keep : ErasureAction.Delete, keep ? scope.ContactKeptBecause : null),
            new("Addresses, phone numbers and e-mail addresses", details, keep ? ErasureAction.Keep : ErasureAction.Delete, keep ? scope.ContactKeptBecause : null),
            new("Personal and contact details", 1, scope.ContactFate, scope.ContactFate switch
            {
                ErasureAction.Keep => scope.ContactKeptBecause,
                ErasureAction.Pseudonymise => l["Kept as {0}: a party in dossiers that must be kept.", scope.Pseudonym].Value,
                _ => null,
            }),
            new("Rejected rows of contact imports", imports.Count, ErasureAction.Pseudonymise),
        ];
        if (!execute)
        {
            return lines;
        }

        db.MarketingConsents.RemoveRange(consents);
        foreach (var import in imports)
        {
            import.RejectedRows = scope.Scrub(import.RejectedRows);
        }

        if (!keep)
        {
            db.ContactRelationships.RemoveRange(relationships);
            contact.Addresses.Clear();
            contact.Phones.Clear();
            contact.Emails.Clear();
        }

        if (scope.ContactFate == ErasureAction.Delete)
        {
            db.Contacts.Remove(contact);
        }
        else if (scope.ContactFate == ErasureAction.Pseudonymise)
        {
            Pseudonymise(contact, scope.Pseudonym);
            contact.AnonymisedAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(ct);
        return lines;
    }

    /// <summary>Only the pseudonym and what the dossiers need remain (the kind, the client number and the lawful basis).</summary>
    private static void Pseudonymise(Contact c, string pseudonym)
    {
        c.Initials = c.FirstName = c.NameParticle = c.Salutation = c.LetterGreeting = c.PreferredLanguage = null;
        c.KvkNumber = c.VatNumber = c.Website = c.Iban = c.Notes = c.DataSource = c.RestrictionReason = null;
        c.DateOfBirth = null;
        c.Tags = [];
        if (c.Kind == ContactKind.Organisation)
        {
            c.OrganisationName = pseudonym;
        }
        else
        {
            c.LastName = pseudonym;
            c.OrganisationName = null;
        }

        c.RecomputeNames();
        c.UpdatedBy = "erasure";
    }
}
