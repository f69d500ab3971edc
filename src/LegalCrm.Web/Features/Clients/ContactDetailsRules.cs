using System.Numerics;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace LegalCrm.Web.Features.Clients;

/// <summary>Validation and normalisation of the details people type: postcodes, KvK and VAT numbers, IBANs, phone numbers.</summary>
public static partial class ContactDetailsRules
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>A Dutch postcode in its written form "1234 AB" (no leading zero, no SA/SD/SS), or null when invalid.</summary>
    public static string? NormalizeDutchPostcode(string input)
    {
        var match = DutchPostcode().Match(input.Trim().ToUpperInvariant());
        if (!match.Success)
        {
            return null;
        }

        var letters = match.Groups[2].Value;
        return letters is "SA" or "SD" or "SS" ? null : $"{match.Groups[1].Value} {letters}";
    }

    /// <summary>A KvK (Chamber of Commerce) number: exactly 8 digits; spaces and dots are ignored.</summary>
    public static string? NormalizeKvk(string input)
    {
        var digits = new string(input.Where(c => !char.IsWhiteSpace(c) && c != '.').ToArray());
        return KvkNumber().IsMatch(digits) ? digits : null;
    }

    /// <summary>An IBAN, grouped by four, when its ISO 13616 mod-97 check holds; otherwise null.</summary>
    public static string? NormalizeIban(string input)
    {
        var compact = new string(input.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        if (!IbanShape().IsMatch(compact))
        {
            return null;
        }

        var rearranged = compact[4..] + compact[..4];
        var numeric = string.Concat(rearranged.Select(c => char.IsLetter(c) ? (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture) : c.ToString()));
        if (BigInteger.Parse(numeric, System.Globalization.CultureInfo.InvariantCulture) % 97 != 1)
        {
            return null;
        }

        return string.Join(' ', Enumerable.Range(0, (compact.Length + 3) / 4).Select(i => compact.Substring(i * 4, Math.Min(4, compact.Length - (i * 4)))));
    }

    /// <summary>A phone number in E.164 ("+31612345678"), read as Dutch unless it carries a country code; null when invalid.</summary>
    public static string? NormalizePhone(string input)
    {
        try
        {
            var number = Phones.Parse(input, "NL");
            return Phones.IsValidNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>How a stored number is shown: national format for Dutch numbers ("06 12345678"), international otherwise.</summary>
    public static string DisplayPhone(string e164)
    {
        try
        {
            var number = Phones.Parse(e164, "NL");
            return Phones.Format(number, number.CountryCode == 31 ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    [GeneratedRegex(@"^([1-9][0-9]{3})\s?([A-Z]{2})$")]
    private static partial Regex DutchPostcode();

    [GeneratedRegex(@"^[0-9]{8}$")]
    private static partial Regex KvkNumber();

    [GeneratedRegex(@"^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$")]
    private static partial Regex IbanShape();
}
