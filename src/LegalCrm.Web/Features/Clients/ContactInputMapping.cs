namespace LegalCrm.Web.Features.Clients;

/// <summary>
/// Turns a contact into the form's input and back, normalising as it stores (initials, postcode, phone in E.164, KvK,
/// IBAN). The edit page and the import both write contacts through <see cref="Apply"/>, so they store the same way.
/// Call <see cref="ContactInputRules.Check"/> first: Apply assumes valid input.
/// </summary>
public static class ContactInputMapping
{
    public static ContactInput ToInput(Contact c) => new()
    {
        Kind = c.Kind,
        Initials = c.Initials,
        FirstName = c.FirstName,
        NameParticle = c.NameParticle,
        LastName = c.LastName,
        Salutation = c.Salutation,
        LetterGreeting = c.LetterGreeting,
        DateOfBirth = c.DateOfBirth,
        PreferredLanguage = c.PreferredLanguage,
        OrganisationName = c.OrganisationName,
        LegalForm = c.LegalForm,
        KvkNumber = c.KvkNumber,
        VatNumber = c.VatNumber,
        Website = c.Website,
        Iban = c.Iban,
        Notes = c.Notes,
        Tags = string.Join(", ", c.Tags),
        IsClient = c.IsClient,
        ClientSince = c.ClientSince,
        ResponsibleLawyerId = c.ResponsibleLawyerId,
        LawfulBasis = c.LawfulBasis,
        DataSource = c.DataSource,
        Version = c.Version,
        Addresses = c.Addresses.OrderBy(a => a.Kind).Select(a => new ContactInput.AddressRow { Id = a.Id, Kind = a.Kind, Street = a.Street, PostalCode = a.PostalCode, City = a.City, CountryCode = a.CountryCode }).ToList(),
        Phones = c.Phones.OrderBy(p => p.Kind).Select(p => new ContactInput.PhoneRow { Id = p.Id, Kind = p.Kind, Number = ContactDetailsRules.DisplayPhone(p.Number) }).ToList(),
        Emails = c.Emails.OrderBy(e => e.Kind).Select(e => new ContactInput.EmailRow { Id = e.Id, Kind = e.Kind, Address = e.Address }).ToList(),
    };

    public static void Apply(ContactInput input, Contact c)
    {
        static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        var person = c.Kind == ContactKind.Person;
        c.Initials = person && Clean(input.Initials) is { } initials ? DutchName.NormalizeInitials(initials) : null;
        c.FirstName = person ? Clean(input.FirstName) : null;
        c.NameParticle = person ? Clean(input.NameParticle)?.ToLowerInvariant() : null;
        c.LastName = person ? Clean(input.LastName) : null;
        c.Salutation = person ? Clean(input.Salutation) : null;
        c.LetterGreeting = Clean(input.LetterGreeting);
        c.DateOfBirth = person ? input.DateOfBirth : null;
        c.PreferredLanguage = Clean(input.PreferredLanguage);
        c.OrganisationName = person ? null : Clean(input.OrganisationName);
        c.LegalForm = person ? null : Clean(input.LegalForm);
        c.KvkNumber = person || Clean(input.KvkNumber) is not { } kvk ? null : ContactDetailsRules.NormalizeKvk(kvk);
        c.VatNumber = person ? null : Clean(input.VatNumber)?.ToUpperInvariant().Replace(" ", string.Empty, StringComparison.Ordinal);
        c.Website = Clean(input.Website);
        c.Iban = Clean(input.Iban) is { } iban ? ContactDetailsRules.NormalizeIban(iban) : null;
        c.Notes = Clean(input.Notes);
        c.Tags = ContactInputRules.ParseTags(input.Tags);
        c.ClientSince = input.IsClient ? input.ClientSince : null;
        c.ResponsibleLawyerId = input.ResponsibleLawyerId;
        c.LawfulBasis = input.LawfulBasis;
        c.DataSource = Clean(input.DataSource);

        Sync(c.Addresses, input.Addresses.Where(a => !a.IsEmpty), r => r.Id, (r, a) =>
        {
            a.Kind = r.Kind;
            a.Street = r.Street!.Trim();
            a.CountryCode = r.CountryCode.Trim().ToUpperInvariant();
            a.PostalCode = a.CountryCode == "NL" ? ContactDetailsRules.NormalizeDutchPostcode(r.PostalCode!) : Clean(r.PostalCode);
            a.City = r.City!.Trim();
        });
        Sync(c.Phones, input.Phones.Where(p => !string.IsNullOrWhiteSpace(p.Number)), r => r.Id, (r, p) =>
        {
            p.Kind = r.Kind;
            p.Number = ContactDetailsRules.NormalizePhone(r.Number!)!;
        });
        Sync(c.Emails, input.Emails.Where(e => !string.IsNullOrWhiteSpace(e.Address)), r => r.Id, (r, e) =>
        {
            e.Kind = r.Kind;
            e.Address = r.Address!.Trim();
            e.NormalizedAddress = e.Address.ToLowerInvariant();
        });
    }

    /// <summary>Updates rows that kept their id, adds new ones and removes the rest, so the audit trail records real changes only.</summary>
    private static void Sync<TRow, TEntity>(List<TEntity> existing, IEnumerable<TRow> rows, Func<TRow, Guid?> rowId, Action<TRow, TEntity> apply)
        where TEntity : class, new()
    {
        var keep = new List<TEntity>();
        foreach (var row in rows)
        {
            var entity = rowId(row) is { } id ? existing.FirstOrDefault(e => EntityId(e) == id) : null;
            entity ??= new TEntity();
            apply(row, entity);
            keep.Add(entity);
        }

        existing.RemoveAll(e => !keep.Contains(e));
        foreach (var entity in keep.Where(e => !existing.Contains(e)))
        {
            existing.Add(entity);
        }
    }

    private static Guid EntityId(object entity) => entity switch
    {
        ContactAddress a => a.Id,
        ContactPhone p => p.Id,
        ContactEmail e => e.Id,
        _ => Guid.Empty,
    };
}
