namespace LegalCrm.Web.Features.Shared;

/// <summary>The one way the app writes CSV: semicolon-separated (what Dutch spreadsheets expect), UTF-8.</summary>
public static class Csv
{
    public const char Separator = ';';

    /// <summary>
    /// One CSV cell: quoted when needed, and defused when it starts like a spreadsheet formula (= + - @, tab, CR),
    /// which a spreadsheet would otherwise execute (OWASP: CSV injection).
    /// </summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([Separator, '"', '\n', '\r', ',']) >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    public static string Line(IEnumerable<string?> cells) => string.Join(Separator, cells.Select(Cell));
}
