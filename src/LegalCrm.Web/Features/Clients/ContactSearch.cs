using System.ComponentModel.DataAnnotations;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Clients;

/// <summary>
/// The forgiving contact search: any part of a name regardless of case, accents and particles, with typos (trigram word
/// similarity on the folded search text, best match first), and exact hits on e-mail, phone in any format, KvK number,
/// client number and postcode. One place, so lists, pickers and (later) the conflict check find the same contacts.
/// </summary>
public static class ContactSearch
{
    /// <summary>Below this many substring hits the typo-tolerant match is added: a page's worth.</summary>
    public const int EnoughExactHits = Paging.DefaultPageSize;

    public sealed record Terms(string Folded, string[] Patterns, bool Fuzzy, string? Phone, string? Email, string? Kvk, string? Postcode, int? ClientNumber);

    public static Terms Parse(string query)
    {
        var text = query.Trim();
        var folded = DutchName.Fold(text);
        // Every word must occur, in any order ("jansen jan" finds Jan Jansen). Words under three letters ("j.", "de")
        // have no trigram to look up, so they only count when nothing longer was typed.
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();
        var patterns = (words.Any(w => w.Length >= 3) ? words.Where(w => w.Length >= 3) : words)
            .Select(LikePattern.Containing)
            .ToArray();
        var digits = text.Count(char.IsDigit);
        return new Terms(
            folded,
            patterns,
            // Typo tolerance is for names: numbers (phone, KvK) must match exactly, or "06-12345678" finds KvK 12345678.
            text.Any(char.IsLetter),
            digits >= 6 ? ContactDetailsRules.NormalizePhone(text) : null,
            text.Contains('@', StringComparison.Ordinal) && new EmailAddressAttribute().IsValid(text) ? text.ToLowerInvariant() : null,
            ContactDetailsRules.NormalizeKvk(text),
            ContactDetailsRules.NormalizeDutchPostcode(text) ?? (text.Length is > 2 and <= 10 && digits > 0 ? text.ToUpperInvariant() : null),
            int.TryParse(text, out var number) && number > 0 ? number : null);
    }

    /// <summary>
    /// The contacts that match. Each kind of hit is its own indexed lookup (the trigram GIN index for names through
    /// <c>legalcrm_contact_name_matches</c>, see <see cref="DatabaseSecurity"/>; the per-table indexes for e-mail, phone and
    /// postcode), combined as a union of ids: one OR over all of them made PostgreSQL scan every contact (1–2 s at 100,000).
    /// Names match when every word occurs; the trigram similarity (typos) is added only when that finds less than a page,
    /// because on a common name it cost more than the rest of the search together (decision 0005).
    /// </summary>
    public static IQueryable<Contact> Matching(this IQueryable<Contact> contacts, CrmDbContext db, Terms t)
    {
        var ids = MatchingIds(db, t);
        return contacts.Where(c => ids.Contains(c.Id));
    }

    /// <summary>The ids of the contacts that match (see <see cref="Matching"/>), for a search that needs no more than the ids.</summary>
    public static IQueryable<Guid> MatchingIds(CrmDbContext db, Terms t)
    {
        // An identifier (e-mail, phone, KvK, client number, Dutch postcode) is looked up exactly; anything else by name.
        var identifier = t.Phone is not null || t.Email is not null || t.Kvk is not null || t.ClientNumber is not null
            || (t.Postcode is not null && ContactDetailsRules.NormalizeDutchPostcode(t.Postcode) is not null);
        var ids = identifier
            ? db.Contacts.Where(c => false).Select(c => c.Id)
            : db.Database.SqlQuery<Guid>($"SELECT m.id AS \"Value\" FROM legalcrm_contact_name_matches({t.Patterns}, {t.Folded}, {t.Fuzzy}, {EnoughExactHits}, false) AS m");
        if (t.Phone is { } phone)
        {
            ids = ids.Union(db.Set<ContactPhone>().Where(p => p.Number == phone).Select(p => p.ContactId));
        }

        if (t.Email is { } email)
        {
            ids = ids.Union(db.Set<ContactEmail>().Where(e => e.NormalizedAddress == email).Select(e => e.ContactId));
        }

        if (t.Postcode is { } postcode)
        {
            ids = ids.Union(db.Set<ContactAddress>().Where(a => a.PostalCode == postcode).Select(a => a.ContactId));
        }

        if (t.Kvk is { } kvk)
        {
            ids = ids.Union(db.Contacts.Where(c => c.KvkNumber == kvk).Select(c => c.Id));
        }

        if (t.ClientNumber is { } number)
        {
            ids = ids.Union(db.Contacts.Where(c => c.ClientNumber == number).Select(c => c.Id));
        }

        return ids;
    }

    /// <summary>Whether the query is a name only (no identifier of any kind), so <see cref="RankedNamePageAsync"/> can answer it.</summary>
    public static bool IsNameOnly(Terms t) =>
        t.Phone is null && t.Email is null && t.Kvk is null && t.Postcode is null && t.ClientNumber is null;

    /// <summary>
    /// A page of a name-only search (<see cref="IsNameOnly"/>) with nothing else filtered, in the order of
    /// <see cref="ByRelevance"/>: the name lookup ranks its hits on the rows it has in hand and hands out this page's ids,
    /// so a common name's thousands of hits are not read a second time to be ranked (decision 0023).
    /// </summary>
    public static async Task<PageOf<Guid>> RankedNamePageAsync(CrmDbContext db, Terms t, int page, CancellationToken ct = default)
    {
        page = Paging.Normalize(page);
        var skip = (page - 1) * Paging.DefaultPageSize;
        var take = Paging.DefaultPageSize + 1;
        var ids = await db.Database.SqlQuery<Guid>(
                $"SELECT m.id AS \"Value\" FROM legalcrm_contact_name_matches({t.Patterns}, {t.Folded}, {t.Fuzzy}, {EnoughExactHits}, true) AS m ORDER BY m.rank DESC, m.sort_key, m.id OFFSET {skip} LIMIT {take}")
            .ToListAsync(ct);
        return new PageOf<Guid>(ids.Take(Paging.DefaultPageSize).ToList(), page, Paging.DefaultPageSize, ids.Count > Paging.DefaultPageSize);
    }

    /// <summary>Best match first: exact identifiers, then how closely a word of the name matches, then alphabetically.</summary>
    public static IOrderedQueryable<Contact> ByRelevance(this IQueryable<Contact> contacts, Terms t) =>
        contacts
            .OrderByDescending(c => (t.ClientNumber != null && c.ClientNumber == t.ClientNumber) || (t.Kvk != null && c.KvkNumber == t.Kvk))
            .ThenByDescending(c => EF.Functions.TrigramsWordSimilarity(t.Folded, c.SearchText))
            .ThenBy(c => c.SortKey)
            .ThenBy(c => c.Id);

    /// <summary>
    /// The best ten matches of a typed name as (id, name), for pickers (link, merge, client, party). Nothing for an empty
    /// or over-long query.
    /// </summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> CandidatesAsync(this IQueryable<Contact> contacts, CrmDbContext db, string? query, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(query) || query.Trim().Length > 200)
        {
            return [];
        }

        var terms = Parse(query);
        return (await contacts.AsNoTracking().Matching(db, terms).ByRelevance(terms).Take(10).Select(c => new { c.Id, c.DisplayName }).ToListAsync(ct))
            .Select(c => (c.Id, c.DisplayName)).ToList();
    }
}
