using System.ComponentModel.DataAnnotations;

namespace LegalCrm.Web.Features.Clients;

/// <summary>
/// Checks what a form or an import supplies for a contact and turns it into the stored form: names required per kind,
/// Dutch postcodes, KvK, IBAN, phone numbers and e-mail addresses valid. Returns errors as (field, English message) so
/// the caller can translate and place them.
/// </summary>
public static class ContactInputRules
{
    public sealed record Error(string Field, string Message);

    public static IReadOnlyList<Error> Check(ContactInput input, DateOnly today)
    {
        var errors = new List<Error>();
        if (input.Kind == ContactKind.Person && string.IsNullOrWhiteSpace(input.LastName))
        {
            errors.Add(new(nameof(ContactInput.LastName), "Enter the last name."));
        }

        if (input.Kind == ContactKind.Organisation && string.IsNullOrWhiteSpace(input.OrganisationName))
        {
            errors.Add(new(nameof(ContactInput.OrganisationName), "Enter the organisation's name."));
        }

        if (input.DateOfBirth is { } born && (born > today || born < today.AddYears(-130)))
        {
            errors.Add(new(nameof(ContactInput.DateOfBirth), "Enter a date of birth in the past."));
        }

        if (!string.IsNullOrWhiteSpace(input.KvkNumber) && ContactDetailsRules.NormalizeKvk(input.KvkNumber) is null)
        {
            errors.Add(new(nameof(ContactInput.KvkNumber), "A KvK number has 8 digits."));
        }

        if (!string.IsNullOrWhiteSpace(input.Iban) && ContactDetailsRules.NormalizeIban(input.Iban) is null)
        {
            errors.Add(new(nameof(ContactInput.Iban), "This IBAN is not valid; check it for typing errors."));
        }

        if (input.Addresses.Count > ContactInput.MaxRows || input.Phones.Count > ContactInput.MaxRows || input.Emails.Count > ContactInput.MaxRows)
        {
            errors.Add(new(string.Empty, "Too many addresses, phone numbers or e-mail addresses."));
            return errors;
        }

        for (var i = 0; i < input.Addresses.Count; i++)
        {
            var a = input.Addresses[i];
            if (a.IsEmpty)
            {
                continue;
            }

            var prefix = $"{nameof(ContactInput.Addresses)}[{i}].";
            if (string.IsNullOrWhiteSpace(a.Street) || string.IsNullOrWhiteSpace(a.City))
            {
                errors.Add(new(prefix + nameof(a.Street), "An address needs a street and a city."));
            }

            if (!CountryCodes.IsValid(a.CountryCode))
            {
                errors.Add(new(prefix + nameof(a.CountryCode), "Enter a two-letter country code, e.g. NL or BE."));
            }
            else if (a.CountryCode.Equals("NL", StringComparison.OrdinalIgnoreCase)
                     && (string.IsNullOrWhiteSpace(a.PostalCode) || ContactDetailsRules.NormalizeDutchPostcode(a.PostalCode) is null))
            {
                errors.Add(new(prefix + nameof(a.PostalCode), "A Dutch postcode looks like 1234 AB."));
            }
        }

        for (var i = 0; i < input.Phones.Count; i++)
        {
            var number = input.Phones[i].Number;
            if (!string.IsNullOrWhiteSpace(number) && ContactDetailsRules.NormalizePhone(number) is null)
            {
                errors.Add(new($"{nameof(ContactInput.Phones)}[{i}].{nameof(ContactInput.PhoneRow.Number)}", "This is not a valid phone number."));
            }
        }

        for (var i = 0; i < input.Emails.Count; i++)
        {
            var address = input.Emails[i].Address;
            if (!string.IsNullOrWhiteSpace(address) && !new EmailAddressAttribute().IsValid(address.Trim()))
            {
                errors.Add(new($"{nameof(ContactInput.Emails)}[{i}].{nameof(ContactInput.EmailRow.Address)}", "Enter a valid e-mail address."));
            }
        }

        return errors;
    }

    /// <summary>Tags typed as "huur, Arbeid ,vip" become ["arbeid", "huur", "vip"].</summary>
    public static List<string> ParseTags(string? tags) =>
        (tags ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant())
            .Where(t => t.Length <= 50)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .Take(20)
            .ToList();
}

internal static class CountryCodes
{
    private static readonly HashSet<string> Known = System.Globalization.CultureInfo.GetCultures(System.Globalization.CultureTypes.SpecificCultures)
        .Select(c => { try { return new System.Globalization.RegionInfo(c.Name).TwoLetterISORegionName; } catch (ArgumentException) { return null; } })
        .Where(r => r is { Length: 2 })
        .Select(r => r!.ToUpperInvariant())
        .ToHashSet(StringComparer.Ordinal);

    // Dutch names, as Dutch files write them; English and native names come from the runtime's region data.
    private static readonly Dictionary<string, string> Names = BuildNames();

    public static bool IsValid(string? code) => code is { Length: 2 } && Known.Contains(code.ToUpperInvariant());

    /// <summary>"nl", "Nederland", "The Netherlands" → "NL"; null when not recognised.</summary>
    public static string? FromNameOrCode(string value)
    {
        var trimmed = value.Trim();
        if (IsValid(trimmed))
        {
            return trimmed.ToUpperInvariant();
        }

        return Names.GetValueOrDefault(DutchName.Fold(trimmed));
    }

    private static Dictionary<string, string> BuildNames()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["nederland"] = "NL",
            ["holland"] = "NL",
            ["the netherlands"] = "NL",
            ["belgie"] = "BE",
            ["duitsland"] = "DE",
            ["frankrijk"] = "FR",
            ["luxemburg"] = "LU",
            ["verenigd koninkrijk"] = "GB",
            ["engeland"] = "GB",
            ["spanje"] = "ES",
            ["italie"] = "IT",
            ["zwitserland"] = "CH",
            ["oostenrijk"] = "AT",
            ["polen"] = "PL",
            ["verenigde staten"] = "US",
            ["denemarken"] = "DK",
            ["zweden"] = "SE",
            ["noorwegen"] = "NO",
            ["ierland"] = "IE",
            ["griekenland"] = "GR",
            ["turkije"] = "TR",
            ["marokko"] = "MA",
            ["suriname"] = "SR",
            ["curacao"] = "CW",
            ["aruba"] = "AW",
        };
        foreach (var code in Known)
        {
            try
            {
                var region = new System.Globalization.RegionInfo(code);
                names.TryAdd(DutchName.Fold(region.EnglishName), code);
                names.TryAdd(DutchName.Fold(region.NativeName), code);
            }
            catch (ArgumentException)
            {
                // A culture without region data: its code still works.
            }
        }

        return names;
    }
}
