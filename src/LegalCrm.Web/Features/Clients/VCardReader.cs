using System.Globalization;
using System.Text;

namespace LegalCrm.Web.Features.Clients;

/// <summary>
/// Reads vCard 3.0 (RFC 2426) and 4.0 (RFC 6350) files with one or more cards into the same table a CSV import gives,
/// with one column per <see cref="ImportField"/>, so both formats share the dry run, matching and rejection rules.
/// </summary>
public static class VCardReader
{
    private static readonly ImportField[] Columns =
    [
        ImportField.Kind, ImportField.Initials, ImportField.FirstName, ImportField.LastName, ImportField.Salutation, ImportField.Organisation,
        ImportField.Email, ImportField.Email2, ImportField.Phone, ImportField.Phone2, ImportField.Street, ImportField.PostalCode,
        ImportField.City, ImportField.Country, ImportField.Website, ImportField.DateOfBirth, ImportField.Notes, ImportField.Tags,
    ];

    public static ImportTable Read(string text, string encodingName)
    {
        var rows = new List<ImportTable.Row>();
        Dictionary<ImportField, string>? card = null;
        var cardLine = 0;
        var isOrganisation = false;
        foreach (var (lineNumber, line) in Unfold(text))
        {
            var (name, value) = Split(line, lineNumber);
            switch (name)
            {
                case "BEGIN" when value.Equals("VCARD", StringComparison.OrdinalIgnoreCase):
                    if (card is not null)
                    {
                        throw new ImportFileException("The card that starts on line {0} has no END:VCARD.", cardLine);
                    }

                    card = [];
                    cardLine = lineNumber;
                    isOrganisation = false;
                    continue;
                case "END" when value.Equals("VCARD", StringComparison.OrdinalIgnoreCase):
                    if (card is null)
                    {
                        throw new ImportFileException("Line {0} ends a card that was never started.", lineNumber);
                    }

                    if (rows.Count >= ImportFileReader.MaxRows)
                    {
                        throw new ImportFileException("The file has more than {0} rows. Split it into smaller files.", ImportFileReader.MaxRows);
                    }

                    card[ImportField.Kind] = isOrganisation || (!card.ContainsKey(ImportField.LastName) && card.ContainsKey(ImportField.Organisation))
                        ? nameof(ContactKind.Organisation) : nameof(ContactKind.Person);
                    rows.Add(new ImportTable.Row(cardLine, Columns.Select(c => card.GetValueOrDefault(c, string.Empty)).ToArray()));
                    card = null;
                    continue;
            }

            if (card is null)
            {
                if (name.Length > 0)
                {
                    throw new ImportFileException("Line {0} is outside a card (BEGIN:VCARD … END:VCARD).", lineNumber);
                }

                continue;
            }

            switch (name)
            {
                case "KIND":
                    isOrganisation |= value.Equals("org", StringComparison.OrdinalIgnoreCase);
                    break;
                case "X-ABSHOWAS":
                    isOrganisation |= value.Equals("COMPANY", StringComparison.OrdinalIgnoreCase);
                    break;
                case "N":
                    var n = Components(value);
                    Set(card, ImportField.LastName, n.ElementAtOrDefault(0));
                    Set(card, ImportField.FirstName, n.ElementAtOrDefault(1));
                    // Initials are no vCard concept; LegalCrm writes them as "additional names" when there is no given name.
                    if (n.ElementAtOrDefault(2) is { Length: > 0 } additional && additional.All(c => char.IsLetter(c) || c is '.' or ' '))
                    {
                        Set(card, ImportField.Initials, additional);
                    }

                    Set(card, ImportField.Salutation, n.ElementAtOrDefault(3));
                    break;
                case "ORG":
                    Set(card, ImportField.Organisation, Components(value).FirstOrDefault());
                    break;
                case "EMAIL":
                    Set(card, card.ContainsKey(ImportField.Email) ? ImportField.Email2 : ImportField.Email, Unescape(value));
                    break;
                case "TEL":
                    var number = Unescape(value);
                    number = number.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) ? number[4..] : number;
                    Set(card, card.ContainsKey(ImportField.Phone) ? ImportField.Phone2 : ImportField.Phone, number);
                    break;
                case "ADR" when !card.ContainsKey(ImportField.Street):
                    var adr = Components(value);
                    Set(card, ImportField.Street, adr.ElementAtOrDefault(2)?.Replace('\n', ' '));
                    Set(card, ImportField.City, adr.ElementAtOrDefault(3));
                    Set(card, ImportField.PostalCode, adr.ElementAtOrDefault(5));
                    Set(card, ImportField.Country, adr.ElementAtOrDefault(6));
                    break;
                case "BDAY":
                    Set(card, ImportField.DateOfBirth, Birthday(Unescape(value)));
                    break;
                case "URL":
                    Set(card, ImportField.Website, Unescape(value));
                    break;
                case "NOTE":
                    Set(card, ImportField.Notes, Unescape(value));
                    break;
                case "CATEGORIES":
                    Set(card, ImportField.Tags, string.Join(", ", SplitUnescaped(value, ',')));
                    break;
            }
        }

        if (card is not null)
        {
            throw new ImportFileException("The card that starts on line {0} has no END:VCARD.", cardLine);
        }

        if (rows.Count == 0)
        {
            throw new ImportFileException("The file contains no vCards.");
        }

        return new ImportTable(ImportFormat.VCard, encodingName, null, Columns.Select(c => c.ToString()).ToArray(), rows);
    }

    private static void Set(Dictionary<ImportField, string> card, ImportField field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && !card.ContainsKey(field))
        {
            card[field] = value.Trim();
        }
    }

    /// <summary>RFC 6350 §3.2: a line that starts with a space or tab continues the previous one.</summary>
    private static IEnumerable<(int Line, string Text)> Unfold(string text)
    {
        var lines = text.Split('\n');
        var current = new StringBuilder();
        var start = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length > 0 && line[0] is ' ' or '\t' && current.Length > 0)
            {
                current.Append(line, 1, line.Length - 1);
                continue;
            }

            if (current.Length > 0)
            {
                yield return (start, current.ToString());
            }

            current.Clear().Append(line);
            start = i + 1;
        }

        if (current.Length > 0)
        {
            yield return (start, current.ToString());
        }
    }

    /// <summary>"item1.TEL;TYPE=cell:+31 6…" → ("TEL", "+31 6…"). Parameter values may be quoted and hold colons.</summary>
    private static (string Name, string Value) Split(string line, int lineNumber)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return (string.Empty, string.Empty);
        }

        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (line[i] == ':' && !quoted)
            {
                var head = line[..i];
                var semicolon = head.IndexOf(';', StringComparison.Ordinal);
                var name = semicolon < 0 ? head : head[..semicolon];
                var dot = name.LastIndexOf('.');
                name = (dot < 0 ? name : name[(dot + 1)..]).Trim().ToUpperInvariant();
                return (name, line[(i + 1)..]);
            }
        }

        throw new ImportFileException("Line {0} is not a vCard line (NAME:value).", lineNumber);
    }

    private static List<string> Components(string value) => SplitUnescaped(value, ';');

    private static List<string> SplitUnescaped(string value, char separator)
    {
        var parts = new List<string>();
        var part = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                part.Append(value[i]).Append(value[i + 1]);
                i++;
            }
            else if (value[i] == separator)
            {
                parts.Add(Unescape(part.ToString()));
                part.Clear();
            }
            else
            {
                part.Append(value[i]);
            }
        }

        parts.Add(Unescape(part.ToString()));
        return parts;
    }

    /// <summary>RFC 6350 §3.4: \n is a line break; \, \; and \\ stand for themselves.</summary>
    private static string Unescape(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                text.Append(value[i + 1] is 'n' or 'N' ? '\n' : value[i + 1]);
                i++;
            }
            else
            {
                text.Append(value[i]);
            }
        }

        return text.ToString();
    }

    /// <summary>"19800131", "1980-01-31" or a timestamp; a birthday without year ("--0131") is left out.</summary>
    private static string? Birthday(string value)
    {
        var date = value.Length >= 10 && value[4] == '-' ? value[..10] : value.Length >= 8 ? value[..8] : value;
        return DateOnly.TryParseExact(date, ["yyyyMMdd", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }
}
