using System.Text;

namespace LegalCrm.Web.Features.Clients;

/// <summary>A file that cannot be imported at all. The message is an English resource key; the arguments fill it.</summary>
public sealed class ImportFileException(string message, params object[] arguments) : Exception(message)
{
    public object[] Arguments { get; } = arguments;
}

/// <summary>The rows of an uploaded file, as text cells under a header. Lines count from 1, the header being line 1.</summary>
public sealed record ImportTable(ImportFormat Format, string EncodingName, char? Delimiter, IReadOnlyList<string> Headers, IReadOnlyList<ImportTable.Row> Rows)
{
    public sealed record Row(int Line, IReadOnlyList<string> Cells);
}

public enum ImportFormat
{
    Csv,
    VCard,
}

/// <summary>
/// Reads an uploaded contacts file: CSV (RFC 4180 quoting, `;`, `,` or tab, UTF-8 with or without BOM, UTF-16 with BOM,
/// else Windows-1252 as Excel writes it in the Netherlands) or vCard 3.0/4.0. Refuses what it cannot read as a whole,
/// so nothing is imported from a file that is only partly understood.
/// </summary>
public static class ImportFileReader
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 50_000;
    public const int MaxColumns = 60;
    public const int MaxCellLength = 10_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static ImportFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static ImportTable Read(ReadOnlySpan<byte> content, string fileName)
    {
        if (content.Length == 0)
        {
            throw new ImportFileException("The file is empty.");
        }

        if (content.Length > MaxBytes)
        {
            throw new ImportFileException("The file is larger than {0} MB. Split it into smaller files.", MaxBytes / 1024 / 1024);
        }

        var (text, encodingName) = Decode(content);
        if (LooksBinary(text))
        {
            throw new ImportFileException("This is not a text file. Save the list as CSV (separated by semicolons or commas) or as vCard.");
        }

        var trimmed = text.TrimStart();
        if (trimmed.StartsWith("BEGIN:VCARD", StringComparison.OrdinalIgnoreCase)
            || fileName.EndsWith(".vcf", StringComparison.OrdinalIgnoreCase))
        {
            return VCardReader.Read(text, encodingName);
        }

        return ReadCsv(text, encodingName);
    }

    private static (string Text, string EncodingName) Decode(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("\xEF\xBB\xBF"u8))
        {
            return (Decoded(StrictUtf8, content[3..]) ?? throw new ImportFileException("The file says it is UTF-8 but contains invalid characters."), "UTF-8");
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode.GetString(content[2..]), "UTF-16");
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode.GetString(content[2..]), "UTF-16");
        }

        // Without a BOM: what decodes as UTF-8 is UTF-8 (Windows-1252 text with accents almost never does).
        return Decoded(StrictUtf8, content) is { } utf8 ? (utf8, "UTF-8") : (Encoding.GetEncoding(1252).GetString(content), "Windows-1252");
    }

    private static string? Decoded(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Text files have no NUL characters and few control characters; images, zips and Excel workbooks do.</summary>
    private static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 8192));
        var control = 0;
        foreach (var c in sample)
        {
            if (c == '\0')
            {
                return true;
            }

            if (char.IsControl(c) && c is not '\r' and not '\n' and not '\t' and not '\f')
            {
                control++;
            }
        }

        return control > sample.Length / 100 + 2;
    }

    private static ImportTable ReadCsv(string text, string encodingName)
    {
        var delimiter = GuessDelimiter(text);
        var records = ParseCsv(text, delimiter);
        if (records.Count == 0 || records[0].Cells.All(string.IsNullOrWhiteSpace))
        {
            throw new ImportFileException("The file has no header line. The first line must name the columns.");
        }

        var headers = records[0].Cells.Select(h => h.Trim()).ToList();
        if (headers.Count > MaxColumns)
        {
            throw new ImportFileException("The file has more than {0} columns. Is the separator right?", MaxColumns);
        }

        var rows = records.Skip(1).Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (rows.Count == 0)
        {
            throw new ImportFileException("The file has a header but no rows to import.");
        }

        if (rows.Count > MaxRows)
        {
            throw new ImportFileException("The file has more than {0} rows. Split it into smaller files.", MaxRows);
        }

        return new ImportTable(ImportFormat.Csv, encodingName, delimiter, headers, rows);
    }

    /// <summary>The separator the header line uses most: Dutch Excel writes `;`, most other software `,`.</summary>
    public static char GuessDelimiter(string text)
    {
        int semicolons = 0, commas = 0, tabs = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted)
            {
                semicolons += c == ';' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }

        return tabs > semicolons && tabs > commas ? '\t' : commas > semicolons ? ',' : ';';
    }

    /// <summary>RFC 4180: quoted cells may hold separators, doubled quotes and line breaks.</summary>
    public static List<ImportTable.Row> ParseCsv(string text, char delimiter)
    {
        var rows = new List<ImportTable.Row>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        var quoteOpenedOn = 0;

        void EndCell()
        {
            if (cell.Length > MaxCellLength)
            {
                throw new ImportFileException("Line {0} has a value longer than {1} characters.", rowLine, MaxCellLength);
            }

            cells.Add(cell.ToString());
            cell.Clear();
        }

        void EndRow()
        {
            EndCell();
            if (rows.Count > MaxRows + 1)
            {
                throw new ImportFileException("The file has more than {0} rows. Split it into smaller files.", MaxRows);
            }

            rows.Add(new ImportTable.Row(rowLine, cells.ToArray()));
            cells.Clear();
            rowLine = line;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
                quoteOpenedOn = line;
            }
            else if (c == delimiter)
            {
                EndCell();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                line++;
                EndRow();
            }
            else
            {
                cell.Append(c);
            }
        }

        if (quoted)
        {
            throw new ImportFileException("A quote opened on line {0} is never closed. Check the file in a text editor.", quoteOpenedOn);
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            EndRow();
        }

        return rows;
    }
}
