using System.Net;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace LegalCrm.Web.Features.Communications;

/// <summary>
/// Full-text search over communications (subject, participants, body) in Dutch: "ontslag" finds "ontslagen" (Snowball
/// stemming) and "Muller" finds "Müller" (unaccent), best match first (decision 0009). Only over what the user may
/// see: communications in dossiers from <see cref="DossierAccess.Visible"/> (so never behind a wall), and those with only
/// a contact when the user may see contacts.
/// </summary>
public sealed class CommunicationSearch(CrmDbContext db, DossierAccess access, CurrentUser me)
{
    /// <summary>The text search configuration: PostgreSQL's <c>dutch</c> with accents removed before stemming.</summary>
    public const string Configuration = "public.legalcrm_dutch";

    public const string VectorProperty = "SearchVector";

    public const int MaxQueryLength = 200;

    /// <summary>Marks a hit in a snippet; control characters that cannot occur in sanitised text.</summary>
    internal const char MarkStart = '\u0001';

    internal const char MarkEnd = '\u0002';

    /// <summary>
    /// Up to this many matches are ranked; a search matching more (a word in every other letter) shows the newest first,
    /// walking the firm's communications by date until a page is full instead of ranking them all. Lower is not faster:
    /// at 500 a surname with a thousand matches went to the walk by date and took 790 ms (p95) at 1,000,000.
    /// </summary>
    public const int RankLimit = 2_000;

    /// <summary>
    /// Words the statistics say are in at least this share of all communications go straight to the walk by date: the
    /// GIN posting list of such a word is read whole before the first row comes back (200 ms for a word in every
    /// message at 1,000,000), while walking by date finds a page of them within a few hundred rows.
    /// </summary>
    public const double CommonShare = 0.05;

    public sealed record Result(PageOf<Hit> Hits, bool NewestFirst);

    public sealed record Filter(string Text, CommunicationKind? Kind = null, CommunicationDirection? Direction = null, Guid? DossierId = null);

    public sealed record Hit(
        Guid Id,
        CommunicationKind Kind,
        CommunicationDirection Direction,
        DateTimeOffset OccurredAt,
        string AuthorName,
        bool Confidential,
        Guid? DossierId,
        string? DossierNumber,
        string? DossierTitle,
        Guid? ContactId,
        string? ContactName,
        string SubjectHtml,
        string SnippetHtml);

    public async Task<Result> SearchAsync(Filter filter, int page, CancellationToken ct = default)
    {
        var text = filter.Text.Trim();
        var contactOnlyToo = me.Has(Permissions.ClientsRead);
        // Common words go straight to the walk by date; others through the GIN index (legalcrm_communication_matches,
        // see DatabaseSecurity), up to RankLimit + 1 ids: that many are ranked, more than that and the newest come first.
        // The ids come to the app and go back as an array: as a subquery PostgreSQL cannot tell how many a function
        // returns and joined a 1,000,000-row table by scanning it (a rare name took 1 s).
        var candidates = await db.Database.SqlQuery<bool>($"SELECT legalcrm_communication_words_common({text}, {CommonShare}) AS \"Value\"").SingleAsync(ct)
            ? null
            : await db.Database.SqlQuery<Guid>($"SELECT legalcrm_communication_matches({text}, {RankLimit + 1}) AS \"Value\"").ToListAsync(ct);
        var manyMatches = candidates is null || candidates.Count > RankLimit;
        var query = manyMatches ? NewestMatches(text, contactOnlyToo) : await VisibleAmongAsync(candidates!, contactOnlyToo, ct);
        if (filter.Kind is { } kind)
        {
            query = query.Where(c => c.Kind == kind);
        }

        if (filter.Direction is { } direction)
        {
            query = query.Where(c => c.Direction == direction);
        }

        if (filter.DossierId is { } dossierId)
        {
            query = query.Where(c => c.DossierId == dossierId);
        }

        var newestFirst = manyMatches;
        var orderedIds = newestFirst
            ? query.OrderByDescending(c => c.OccurredAt).ThenByDescending(c => c.Id).Select(c => c.Id)
            : query
                .OrderByDescending(c => EF.Property<NpgsqlTsVector>(c, VectorProperty).Rank(EF.Functions.WebSearchToTsQuery(Configuration, text)))
                .ThenByDescending(c => c.OccurredAt)
                .ThenBy(c => c.Id)
                .Select(c => c.Id);
        var hits = await orderedIds.ToPageAsync(page, ids => LoadHitsAsync(ids, text, ct), h => h.Id, pageSize: 20, ct: ct);
        return new Result(hits, newestFirst);
    }

    /// <summary>
    /// Those of a few candidates the user may see: their own dossiers are checked (<see cref="DossierAccess.VisibleAmong"/>)
    /// instead of building the set of every dossier the user may see, which for a lawyer in a big section is 20,000
    /// dossiers (~70 ms).
    /// </summary>
    private async Task<IQueryable<Communication>> VisibleAmongAsync(List<Guid> candidates, bool contactOnlyToo, CancellationToken ct)
    {
        var candidateDossiers = await db.Communications.Where(c => candidates.Contains(c.Id) && c.DossierId != null)
            .Select(c => c.DossierId!.Value).Distinct().ToListAsync(ct);
        var visible = await access.VisibleAmong(db.Dossiers.Where(d => candidateDossiers.Contains(d.Id))).Select(d => (Guid?)d.Id).ToListAsync(ct);
        return db.Communications.AsNoTracking()
            .Where(c => candidates.Contains(c.Id) && ((contactOnlyToo && c.DossierId == null) || visible.Contains(c.DossierId)));
    }

    /// <summary>
    /// Every match the user may see, for the walk by date: each row's dossier is checked as the walk reaches it (a join
    /// to <see cref="DossierAccess.VisibleAmong"/>), so a page costs a few dozen probes. As "dossier in the set of
    /// visible dossiers" PostgreSQL first built that set — 20,000 dossiers, 110 ms for a lawyer in a big section.
    /// </summary>
    private IQueryable<Communication> NewestMatches(string text, bool contactOnlyToo) =>
        from c in db.Communications.AsNoTracking()
        join d in access.VisibleAmong(db.Dossiers) on c.DossierId equals (Guid?)d.Id into visible
        from d in visible.DefaultIfEmpty()
        where EF.Property<NpgsqlTsVector>(c, VectorProperty).Matches(EF.Functions.WebSearchToTsQuery(Configuration, text))
            && ((contactOnlyToo && c.DossierId == null) || d != null)
        select c;

    /// <summary>
    /// The page's rows with highlighted snippets (columns named as the snake_case convention maps <see cref="HitRow"/>). ts_headline re-reads the text, so it runs only for the page's rows
    /// (the ids already passed the visibility rule); row-level security still binds the firm.
    /// </summary>
    private async Task<List<Hit>> LoadHitsAsync(IReadOnlyList<Guid> ids, string text, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var subjectOptions = $"HighlightAll=true, StartSel={MarkStart}, StopSel={MarkEnd}";
        var bodyOptions = $"MaxFragments=2, MinWords=6, MaxWords=24, FragmentDelimiter=\" … \", StartSel={MarkStart}, StopSel={MarkEnd}";
        var idArray = ids.ToArray();
        var rows = await db.Database.SqlQuery<HitRow>($"""
            SELECT c.id, c.kind, c.direction, c.occurred_at,
                   c.author_name, c.confidential,
                   c.dossier_id, d.number AS dossier_number, d.title AS dossier_title,
                   c.contact_id, ct.display_name AS contact_name,
                   ts_headline('public.legalcrm_dutch', c.subject, q, {subjectOptions}) AS subject,
                   ts_headline('public.legalcrm_dutch', regexp_replace(left(c.body_html, 400000), '<[^>]*>', ' ', 'g'), q, {bodyOptions}) AS snippet
            FROM communications c
            CROSS JOIN websearch_to_tsquery('public.legalcrm_dutch', {HighlightQuery(text)}) AS q
            LEFT JOIN dossiers d ON d.id = c.dossier_id
            LEFT JOIN contacts ct ON ct.id = c.contact_id
            WHERE c.id = ANY({idArray}) AND c.tenant_id = {db.CurrentTenantId}
            """).ToListAsync(ct);
        return rows.Select(r => new Hit(
                r.Id,
                Enum.Parse<CommunicationKind>(r.Kind),
                Enum.Parse<CommunicationDirection>(r.Direction),
                r.OccurredAt,
                r.AuthorName,
                r.Confidential,
                r.DossierId,
                r.DossierNumber,
                r.DossierTitle,
                r.ContactId,
                r.ContactName,
                MarkedToHtml(r.Subject, textIsHtml: false),
                MarkedToHtml(r.Snippet, textIsHtml: true)))
            .ToList();
    }

    /// <summary>
    /// The words to mark in a snippet: every searched word on its own ("or"), since a snippet of the body rarely holds
    /// all of them (one may be in the subject or a participant's name), and ts_headline marks nothing in a fragment that
    /// does not match the whole query. Excluded words (-woord) are not marked.
    /// </summary>
    public static string HighlightQuery(string text) =>
        string.Join(" or ", text.Replace("\"", " ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => !w.StartsWith('-') && !w.Equals("or", StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// Turns ts_headline's output into safe HTML: everything encoded, only the hit marks become &lt;mark&gt;. A body
    /// snippet is cut from sanitised HTML with its tags blanked out, so its entities are decoded first.
    /// </summary>
    public static string MarkedToHtml(string marked, bool textIsHtml)
    {
        var plain = textIsHtml ? WebUtility.HtmlDecode(marked) : marked;
        plain = System.Text.RegularExpressions.Regex.Replace(plain, @"\s+", " ").Trim();
        return WebUtility.HtmlEncode(plain).Replace(MarkStart.ToString(), "<mark>", StringComparison.Ordinal).Replace(MarkEnd.ToString(), "</mark>", StringComparison.Ordinal);
    }

    private sealed record HitRow(
        Guid Id,
        string Kind,
        string Direction,
        DateTimeOffset OccurredAt,
        string AuthorName,
        bool Confidential,
        Guid? DossierId,
        string? DossierNumber,
        string? DossierTitle,
        Guid? ContactId,
        string? ContactName,
        string Subject,
        string Snippet);
}
