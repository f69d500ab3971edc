namespace LegalCrm.Web.Features.Clients;

/// <summary>What a column of an import file can fill. <see cref="Ignore"/> leaves the column out.</summary>
public enum ImportField
{
    Ignore,
    Kind,
    Initials,
    FirstName,
    NameParticle,
    LastName,
    Organisation,
    LegalForm,
    Kvk,
    Vat,
    Email,
    Email2,
    Phone,
    Phone2,
    Street,
    PostalCode,
    City,
    Country,
    Website,
    Iban,
    DateOfBirth,
    Salutation,
    Notes,
    Tags,
    IsClient,
}

/// <summary>Proposes a field for each column from its header, in Dutch or English, so most files need no mapping by hand.</summary>
public static class ImportFields
{
    private static readonly Dictionary<string, ImportField> Synonyms = Build(new()
    {
        [ImportField.Kind] = ["kind", "soort", "type", "soortcontact", "contacttype"],
        [ImportField.Initials] = ["initials", "voorletters", "voorletter"],
        [ImportField.FirstName] = ["firstname", "voornaam", "roepnaam", "givenname", "first"],
        [ImportField.NameParticle] = ["nameparticle", "tussenvoegsel", "tussenvoegsels", "particle", "voorvoegsel"],
        [ImportField.LastName] = ["lastname", "achternaam", "surname", "familyname", "familienaam", "geslachtsnaam", "last"],
        [ImportField.Organisation] = ["organisation", "organization", "organisatie", "bedrijf", "bedrijfsnaam", "company", "companyname", "firma", "naamorganisatie", "statutairenaam"],
        [ImportField.LegalForm] = ["legalform", "rechtsvorm"],
        [ImportField.Kvk] = ["kvk", "kvknummer", "kvknr", "chamberofcommerce", "coc", "cocnumber", "handelsregister"],
        [ImportField.Vat] = ["vat", "vatnumber", "btw", "btwnummer", "btwnr", "btwid"],
        [ImportField.Email] = ["email", "emailadres", "emailaddress", "mail", "mailadres", "e", "email1", "emailadres1"],
        [ImportField.Email2] = ["email2", "emailadres2", "email2address", "tweedeemail"],
        [ImportField.Phone] = ["phone", "telefoon", "telefoonnummer", "tel", "telnr", "mobiel", "mobile", "mobilephone", "mobielnummer", "businessphone", "phone1", "telefoon1"],
        [ImportField.Phone2] = ["phone2", "telefoon2", "telefoonnummer2", "homephone", "tel2"],
        [ImportField.Street] = ["street", "straat", "adres", "address", "straatenhuisnummer", "businessstreet", "streetaddress"],
        [ImportField.PostalCode] = ["postcode", "postalcode", "zip", "zipcode", "businesspostalcode"],
        [ImportField.City] = ["city", "plaats", "woonplaats", "stad", "vestigingsplaats", "businesscity"],
        [ImportField.Country] = ["country", "land", "countrycode", "landcode", "businesscountryregion", "countryregion"],
        [ImportField.Website] = ["website", "url", "web", "webpage", "homepage"],
        [ImportField.Iban] = ["iban", "rekeningnummer", "bankrekening", "bankaccount"],
        [ImportField.DateOfBirth] = ["dateofbirth", "geboortedatum", "birthdate", "birthday", "dob", "bday"],
        [ImportField.Salutation] = ["salutation", "aanhef", "title", "titel"],
        [ImportField.Notes] = ["notes", "notities", "opmerkingen", "opmerking", "notitie", "note"],
        [ImportField.Tags] = ["tags", "labels", "tag", "categorieen", "categories"],
        [ImportField.IsClient] = ["client", "isclient", "clientja", "clientjanee", "klant"],
    });

    public static ImportField Guess(string header) =>
        Synonyms.TryGetValue(Key(header), out var field) ? field : ImportField.Ignore;

    /// <summary>One field per column; a field already taken by an earlier column is not proposed twice.</summary>
    public static List<ImportField> GuessAll(IEnumerable<string> headers)
    {
        var taken = new HashSet<ImportField>();
        return headers.Select(h => Guess(h) is var f && f != ImportField.Ignore && taken.Add(f) ? f : ImportField.Ignore).ToList();
    }

    /// <summary>"E-mail adres" → "emailadres": case, accents, spaces and punctuation do not matter.</summary>
    private static string Key(string header) => string.Concat(DutchName.Fold(header).Where(char.IsLetterOrDigit));

    private static Dictionary<string, ImportField> Build(Dictionary<ImportField, string[]> lists)
    {
        var map = new Dictionary<string, ImportField>(StringComparer.Ordinal);
        foreach (var (field, names) in lists)
        {
            map[Key(field.ToString())] = field;
            foreach (var name in names)
            {
                map[name] = field;
            }
        }

        return map;
    }
}
