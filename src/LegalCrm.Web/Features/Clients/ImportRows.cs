using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace LegalCrm.Web.Features.Clients;

/// <summary>Why a row cannot be imported. <see cref="Message"/> is an English resource key; the arguments fill it.</summary>
public sealed record ImportProblem(ImportField Field, string Message, params object[] Arguments);

/// <summary>
/// Turns one row of an import file into the same <see cref="ContactInput"/> the edit form posts, so an imported contact
/// is checked by the same rules (<see cref="ContactInputRules"/>, the form's length limits) and stored the same way.
/// </summary>
public static class ImportRows
{
    private static readonly string[] DateFormats = ["d-M-yyyy", "d/M/yyyy", "d.M.yyyy", "yyyy-MM-dd", "yyyyMMdd"];

    public sealed record Result(ContactInput Input, IReadOnlySet<ImportField> Supplied, IReadOnlyList<ImportProblem> Problems);

    public static Result Read(IReadOnlyList<string> cells, IReadOnlyList<ImportField> mapping)
    {
        var problems = new List<ImportProblem>();
        if (cells.Skip(mapping.Count).Any(c => !string.IsNullOrWhiteSpace(c)))
        {
            problems.Add(new(ImportField.Ignore, "The row has more values than the header has columns; is there a separator inside a value without quotes?"));
        }

        var values = new Dictionary<ImportField, string>();
        for (var i = 0; i < Math.Min(cells.Count, mapping.Count); i++)
        {
            if (mapping[i] != ImportField.Ignore && !string.IsNullOrWhiteSpace(cells[i]) && !values.ContainsKey(mapping[i]))
            {
                values[mapping[i]] = cells[i].Trim();
            }
        }

        string? Get(ImportField field) => values.GetValueOrDefault(field);

        var input = new ContactInput
        {
            Initials = Get(ImportField.Initials),
            FirstName = Get(ImportField.FirstName),
            NameParticle = Get(ImportField.NameParticle),
            LastName = Get(ImportField.LastName),
            OrganisationName = Get(ImportField.Organisation),
            LegalForm = Get(ImportField.LegalForm),
            KvkNumber = Get(ImportField.Kvk),
            VatNumber = Get(ImportField.Vat),
            Website = Get(ImportField.Website),
            Iban = Get(ImportField.Iban),
            Salutation = Get(ImportField.Salutation),
            Notes = Get(ImportField.Notes),
            Tags = Get(ImportField.Tags),
        };

        input.Kind = Get(ImportField.Kind) is { } kind
            ? ParseKind(kind) ?? Problem(problems, ImportField.Kind, "Kind must be “person” or “organisation”.", ContactKind.Person)
            : input.LastName is null && input.OrganisationName is not null ? ContactKind.Organisation : ContactKind.Person;

        if (input.LastName is not null && input.NameParticle is null)
        {
            (input.NameParticle, input.LastName) = DutchName.SplitParticle(input.LastName);
        }

        if (Get(ImportField.DateOfBirth) is { } born)
        {
            input.DateOfBirth = DateOnly.TryParseExact(born, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : Problem<DateOnly?>(problems, ImportField.DateOfBirth, "“{0}” is not a date; write it as dd-mm-yyyy.", null, born);
        }

        if (Get(ImportField.IsClient) is { } client)
        {
            input.IsClient = ParseYesNo(client) ?? Problem(problems, ImportField.IsClient, "Client must be “yes” or “no”.", false);
        }

        foreach (var email in new[] { Get(ImportField.Email), Get(ImportField.Email2) }.OfType<string>())
        {
            input.Emails.Add(new ContactInput.EmailRow { Kind = EmailKind.Work, Address = email });
        }

        foreach (var phone in new[] { Get(ImportField.Phone), Get(ImportField.Phone2) }.OfType<string>())
        {
            var mobile = ContactDetailsRules.NormalizePhone(phone)?.StartsWith("+316", StringComparison.Ordinal) == true;
            input.Phones.Add(new ContactInput.PhoneRow { Kind = mobile ? PhoneKind.Mobile : PhoneKind.Work, Number = phone });
        }

        if (Get(ImportField.Street) is not null || Get(ImportField.PostalCode) is not null || Get(ImportField.City) is not null)
        {
            var country = Get(ImportField.Country) is { } named
                ? CountryCodes.FromNameOrCode(named) ?? Problem(problems, ImportField.Country, "“{0}” is not a country we know; use a two-letter code such as NL or BE.", "NL", named)
                : "NL";
            input.Addresses.Add(new ContactInput.AddressRow
            {
                Kind = AddressKind.Visit,
                Street = Get(ImportField.Street),
                PostalCode = Get(ImportField.PostalCode),
                City = Get(ImportField.City),
                CountryCode = country,
            });
        }

        return new Result(input, values.Keys.ToHashSet(), problems);
    }

    /// <summary>
    /// An update of an existing contact: what the file supplies replaces the stored value, new e-mail addresses, phone
    /// numbers and addresses are added, tags are added to the existing ones. Nothing the file leaves empty is erased.
    /// </summary>
    public static ContactInput Overlay(ContactInput existing, Result row)
    {
        var file = row.Input;
        var merged = existing;
        void Take(ImportField field, Action apply)
        {
            if (row.Supplied.Contains(field))
            {
                apply();
            }
        }

        Take(ImportField.Initials, () => merged.Initials = file.Initials);
        Take(ImportField.FirstName, () => merged.FirstName = file.FirstName);
        Take(ImportField.LastName, () => (merged.NameParticle, merged.LastName) = (file.NameParticle ?? merged.NameParticle, file.LastName));
        Take(ImportField.NameParticle, () => merged.NameParticle = file.NameParticle);
        Take(ImportField.Organisation, () => merged.OrganisationName = file.OrganisationName);
        Take(ImportField.LegalForm, () => merged.LegalForm = file.LegalForm);
        Take(ImportField.Kvk, () => merged.KvkNumber = file.KvkNumber);
        Take(ImportField.Vat, () => merged.VatNumber = file.VatNumber);
        Take(ImportField.Website, () => merged.Website = file.Website);
        Take(ImportField.Iban, () => merged.Iban = file.Iban);
        Take(ImportField.Salutation, () => merged.Salutation = file.Salutation);
        Take(ImportField.Notes, () => merged.Notes = file.Notes);
        Take(ImportField.DateOfBirth, () => merged.DateOfBirth = file.DateOfBirth);
        Take(ImportField.Tags, () => merged.Tags = string.Join(", ", ContactInputRules.ParseTags(merged.Tags).Union(ContactInputRules.ParseTags(file.Tags)).Order(StringComparer.Ordinal)));
        merged.IsClient |= file.IsClient;

        foreach (var email in file.Emails.Where(e => !merged.Emails.Any(m => string.Equals(m.Address?.Trim(), e.Address?.Trim(), StringComparison.OrdinalIgnoreCase))))
        {
            merged.Emails.Add(email);
        }

        foreach (var phone in file.Phones.Where(p => !merged.Phones.Any(m => SamePhone(m.Number, p.Number))))
        {
            merged.Phones.Add(phone);
        }

        foreach (var address in file.Addresses.Where(a => !merged.Addresses.Any(m => SameAddress(m, a))))
        {
            address.Kind = merged.Addresses.Any(m => m.Kind == AddressKind.Visit) ? AddressKind.Postal : AddressKind.Visit;
            merged.Addresses.Add(address);
        }

        return merged;
    }

    /// <summary>The form's rules and length limits, as problems on the file's columns.</summary>
    public static List<ImportProblem> Check(ContactInput input, DateOnly today)
    {
        var problems = new List<ImportProblem>();
        var results = new List<ValidationResult>();
        var objects = new object[] { input }.Concat(input.Addresses).Concat(input.Phones).Concat(input.Emails);
        foreach (var item in objects)
        {
            Validator.TryValidateObject(item, new ValidationContext(item), results, validateAllProperties: true);
        }

        foreach (var result in results)
        {
            problems.Add(new(FieldOf(result.MemberNames.FirstOrDefault() ?? string.Empty), "This value is too long."));
        }

        problems.AddRange(ContactInputRules.Check(input, today).Select(e => new ImportProblem(FieldOf(e.Field), e.Message)));
        return problems;
    }

    private static ImportField FieldOf(string inputField)
    {
        var member = inputField.Contains('.', StringComparison.Ordinal) ? inputField[(inputField.LastIndexOf('.') + 1)..] : inputField;
        return (inputField.Split('[')[0], member) switch
        {
            (nameof(ContactInput.Emails), _) or (_, nameof(ContactInput.EmailRow.Address)) => ImportField.Email,
            (nameof(ContactInput.Phones), _) => ImportField.Phone,
            (_, nameof(ContactInput.AddressRow.Street)) => ImportField.Street,
            (_, nameof(ContactInput.AddressRow.PostalCode)) => ImportField.PostalCode,
            (_, nameof(ContactInput.AddressRow.City)) => ImportField.City,
            (_, nameof(ContactInput.AddressRow.CountryCode)) => ImportField.Country,
            (_, nameof(ContactInput.OrganisationName)) => ImportField.Organisation,
            (_, nameof(ContactInput.KvkNumber)) => ImportField.Kvk,
            (_, nameof(ContactInput.VatNumber)) => ImportField.Vat,
            (_, nameof(ContactInput.PhoneRow.Number)) => ImportField.Phone,
            _ => Enum.TryParse<ImportField>(member, out var field) ? field : ImportField.Ignore,
        };
    }

    private static ContactKind? ParseKind(string value) => DutchName.Fold(value.Trim()) switch
    {
        "person" or "persoon" or "natuurlijk persoon" or "p" or "prive" or "individual" => ContactKind.Person,
        "organisation" or "organization" or "organisatie" or "org" or "o" or "bedrijf" or "company" or "rechtspersoon" => ContactKind.Organisation,
        _ => null,
    };

    private static bool? ParseYesNo(string value) => DutchName.Fold(value.Trim()) switch
    {
        "ja" or "j" or "yes" or "y" or "1" or "true" or "waar" or "x" => true,
        "nee" or "n" or "no" or "0" or "false" or "onwaar" or "-" => false,
        _ => null,
    };

    private static T Problem<T>(List<ImportProblem> problems, ImportField field, string message, T fallback, params object[] arguments)
    {
        problems.Add(new(field, message, arguments));
        return fallback;
    }

    private static bool SamePhone(string? a, string? b) =>
        a is not null && b is not null && (ContactDetailsRules.NormalizePhone(a) ?? a.Trim()) == (ContactDetailsRules.NormalizePhone(b) ?? b.Trim());

    private static bool SameAddress(ContactInput.AddressRow a, ContactInput.AddressRow b) =>
        DutchName.Fold(a.Street ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal) == DutchName.Fold(b.Street ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal)
        && DutchName.Fold(a.PostalCode ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal) == DutchName.Fold(b.PostalCode ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
}
