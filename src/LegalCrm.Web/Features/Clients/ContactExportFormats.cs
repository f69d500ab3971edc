using System.Text;

namespace LegalCrm.Web.Features.Clients;

/// <summary>The columns of a contact CSV export (written with <see cref="Shared.Csv"/>) and vCard writing; plain functions so their escaping is unit-tested.</summary>
public static class ContactExportFormats
{
    public static readonly string[] CsvHeader =
    [
        "client_number", "kind", "display_name", "sort_name", "initials", "first_name", "name_particle", "last_name", "organisation",
        "legal_form", "kvk", "email", "phone", "street", "postcode", "city", "country", "tags",
    ];

    public static string[] CsvRow(Contact c)
    {
        var address = c.Addresses.OrderBy(a => a.Kind).FirstOrDefault();
        return
        [
            c.ClientNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, c.Kind.ToString(), c.DisplayName, c.SortName,
            c.Initials ?? string.Empty, c.FirstName ?? string.Empty, c.NameParticle ?? string.Empty, c.LastName ?? string.Empty,
            c.OrganisationName ?? string.Empty, c.LegalForm ?? string.Empty, c.KvkNumber ?? string.Empty,
            c.Emails.OrderBy(e => e.Kind).Select(e => e.Address).FirstOrDefault() ?? string.Empty,
            c.Phones.OrderBy(p => p.Kind).Select(p => p.Number).FirstOrDefault() ?? string.Empty,
            address?.Street ?? string.Empty, address?.PostalCode ?? string.Empty, address?.City ?? string.Empty, address?.CountryCode ?? string.Empty,
            string.Join(", ", c.Tags),
        ];
    }

    /// <summary>A vCard 4.0 (RFC 6350) for one contact.</summary>
    public static string VCard(Contact c)
    {
        var card = new StringBuilder();
        card.Append("BEGIN:VCARD\r\nVERSION:4.0\r\n");
        Line(card, "FN", Text(c.DisplayName));
        if (c.Kind == ContactKind.Person)
        {
            var family = string.Join(' ', new[] { c.NameParticle, c.LastName }.Where(p => !string.IsNullOrWhiteSpace(p)));
            Line(card, "N", $"{Text(family)};{Text(c.FirstName)};{Text(c.Initials)};{Text(c.Salutation)};");
            if (c.DateOfBirth is { } born)
            {
                Line(card, "BDAY", born.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        else
        {
            Line(card, "KIND", "org");
            Line(card, "ORG", Text(c.DisplayName));
        }

        foreach (var e in c.Emails)
        {
            Line(card, $"EMAIL;TYPE={(e.Kind == EmailKind.Private ? "home" : "work")}", Text(e.Address));
        }

        foreach (var p in c.Phones)
        {
            Line(card, $"TEL;VALUE=uri;TYPE={p.Kind switch { PhoneKind.Mobile => "cell", PhoneKind.Home => "home", _ => "work" }}", "tel:" + p.Number);
        }

        foreach (var a in c.Addresses)
        {
            Line(card, $"ADR;TYPE={(a.Kind == AddressKind.Visit ? "work" : "postal")}", $";;{Text(a.Street)};{Text(a.City)};;{Text(a.PostalCode)};{Text(a.CountryCode)}");
        }

        if (c.Website is not null)
        {
            Line(card, "URL", Text(c.Website));
        }

        Line(card, "UID", "urn:uuid:" + c.Id);
        card.Append("END:VCARD\r\n");
        return card.ToString();
    }

    /// <summary>RFC 6350 §3.4: backslash, comma, semicolon and newline are escaped in text values.</summary>
    public static string Text(string? value) =>
        (value ?? string.Empty).Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    // RFC 6350 §3.2: lines longer than 75 octets are folded with CRLF and a space.
    private static void Line(StringBuilder card, string name, string value)
    {
        var line = name + ":" + value;
        var bytes = Encoding.UTF8.GetBytes(line);
        if (bytes.Length <= 75)
        {
            card.Append(line).Append("\r\n");
            return;
        }

        var current = new StringBuilder();
        var length = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (length + size > limit)
            {
                card.Append(current).Append("\r\n ");
                current.Clear();
                length = 0;
                limit = 74;
            }

            current.Append(rune.ToString());
            length += size;
        }

        card.Append(current).Append("\r\n");
    }
}
