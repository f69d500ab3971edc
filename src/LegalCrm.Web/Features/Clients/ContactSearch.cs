using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Clients;

/// <summary>
/// The forgiving contact search: any part of a name regardless of case, accents and particles, with typos (trigram word
/// similarity on the folded search text, best match first), and exact hits on e-mail, phone in any format, KvK number,
/// client number and postcode. One place, so lists, pickers and (later) the conflict check find the same contacts.
/// </summary>
public static class ContactSearch
{
    public sealed record Terms(string Folded, string LikePattern, bool Fuzzy, string? Phone, string? Email, string? Kvk, string? Postcode, int? ClientNumber);

    public static Terms Parse(string query)
    {
        var text = query.Trim();
        var folded = DutchName.Fold(text);
        var like = "%" + folded.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        var digits = text.Count(char.IsDigit);
        return new Terms(
            folded,
            like,
            // Typo tolerance is for names: numbers (phone, KvK) must match exactly, or "06-12345678" finds KvK 12345678.
            text.Any(char.IsLetter),
            digits >= 6 ? ContactDetailsRules.NormalizePhone(text) : null,
            text.Contains('@', StringComparison.Ordinal) && new EmailAddressAttribute().IsValid(text) ? text.ToLowerInvariant() : null,
            ContactDetailsRules.NormalizeKvk(text),
            ContactDetailsRules.NormalizeDutchPostcode(text) ?? (text.Length is > 2 and <= 10 && digits > 0 ? text.ToUpperInvariant() : null),
            int.TryParse(text, out var number) && number > 0 ? number : null);
    }

    public static IQueryable<Contact> Matching(this IQueryable<Contact> contacts, Terms t) =>
        contacts.Where(c =>
            EF.Functions.ILike(c.SearchText, t.LikePattern)
            || (t.Fuzzy && EF.Functions.TrigramsAreWordSimilar(t.Folded, c.SearchText))
            || (t.Phone != null && c.Phones.Any(p => p.Number == t.Phone))
            || (t.Email != null && c.Emails.Any(e => e.NormalizedAddress == t.Email))
            || (t.Kvk != null && c.KvkNumber == t.Kvk)
            || (t.Postcode != null && c.Addresses.Any(a => a.PostalCode == t.Postcode))
            || (t.ClientNumber != null && c.ClientNumber == t.ClientNumber));

    /// <summary>Best match first: exact identifiers, then how closely a word of the name matches, then alphabetically.</summary>
    public static IOrderedQueryable<Contact> ByRelevance(this IQueryable<Contact> contacts, Terms t) =>
        contacts
            .OrderByDescending(c => (t.ClientNumber != null && c.ClientNumber == t.ClientNumber) || (t.Kvk != null && c.KvkNumber == t.Kvk))
            .ThenByDescending(c => EF.Functions.TrigramsWordSimilarity(t.Folded, c.SearchText))
            .ThenBy(c => c.SortKey)
            .ThenBy(c => c.Id);
}
