using System.Runtime.CompilerServices;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Clients;

/// <summary>The contact's own record, its addresses, numbers and e-mail addresses, its relationships and its consents.</summary>
public sealed class ContactPersonalData(CrmDbContext db, IStringLocalizer<SharedResource> l) : IPersonalDataSource
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
}
