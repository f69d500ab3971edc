using System.Text.RegularExpressions;

namespace LegalCrm.Web.Features.Communications.Mailboxes;

/// <summary>After a failed poll the next one waits 1, 2, 4 … minutes, at most an hour: a broken server is not hammered and a repaired one is picked up soon.</summary>
public static class MailboxBackoff
{
    public static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    public static TimeSpan After(int consecutiveFailures) =>
        consecutiveFailures <= 0
            ? TimeSpan.Zero
            : TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Min(consecutiveFailures - 1, 10)), Longest.TotalMinutes));
}

/// <summary>
/// Where an e-mail says which dossier it belongs to: the part after "+" in a recipient address
/// (<c>inbox+2026-0042@firm.nl</c>, the address a lawyer gives the other side) and text in square brackets in the
/// subject (<c>RE: [2026-0042] Ontslag</c>). These are candidates; only a dossier of the firm with that number counts.
/// </summary>
public static partial class DossierReference
{
    private const int MaxNumberLength = 40;

    public static IReadOnlyList<string> Candidates(string? subject, IEnumerable<string> recipientAddresses)
    {
        var found = new List<string>();
        foreach (var address in recipientAddresses)
        {
            var at = address.IndexOf('@', StringComparison.Ordinal);
            var plus = address.IndexOf('+', StringComparison.Ordinal);
            if (plus > 0 && at > plus + 1)
            {
                found.Add(address[(plus + 1)..at]);
            }
        }

        foreach (Match match in Bracketed().Matches(subject ?? string.Empty))
        {
            found.Add(match.Groups[1].Value);
        }

        return found.Select(c => c.Trim()).Where(c => c.Length is > 0 and <= MaxNumberLength).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    [GeneratedRegex(@"\[([^\[\]]{1,40})\]")]
    private static partial Regex Bracketed();
}
