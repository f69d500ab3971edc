using System.Globalization;
using System.Text.RegularExpressions;

namespace LegalCrm.Web.Features.Dossiers;

/// <summary>
/// The firm's dossier number pattern: {YYYY} or {YY} for the year, {N…} for the sequence of that year padded to as many
/// digits as there are N's ("{YYYY}-{NNNN}" → "2026-0042"). The sequence restarts every year.
/// </summary>
public static partial class DossierNumberFormat
{
    public const string Default = "{YYYY}-{NNNN}";

    public static bool IsValid(string? pattern) =>
        pattern is { Length: > 0 and <= 40 } && SequenceToken().Count(pattern) == 1
        && AnyToken().Replace(pattern, string.Empty).All(c => char.IsLetterOrDigit(c) || c is '-' or '/' or '.' or '_' or ' ');

    public static string Format(string pattern, int year, long sequence)
    {
        var text = pattern.Replace("{YYYY}", year.ToString("0000", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{YY}", (year % 100).ToString("00", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return SequenceToken().Replace(text, m => sequence.ToString(new string('0', m.Length - 2), CultureInfo.InvariantCulture));
    }

    /// <summary>The sequence name: one counter per year.</summary>
    public static string SequenceName(int year) => $"dossier-{year.ToString(CultureInfo.InvariantCulture)}";

    [GeneratedRegex(@"\{N+\}")]
    private static partial Regex SequenceToken();

    [GeneratedRegex(@"\{(?:YYYY|YY|N+)\}")]
    private static partial Regex AnyToken();
}
