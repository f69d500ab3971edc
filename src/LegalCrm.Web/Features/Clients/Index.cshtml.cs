using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Shared;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Clients;

/// <summary>The address book: one search box, filters, sortable columns, paged in SQL.</summary>
[RequirePermission(Permissions.ClientsRead)]
public sealed class IndexModel(CrmDbContext db, CurrentUser me, Audit.AuditEvents audit, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public ContactKind? Kind { get; set; }

    /// <summary>"yes", "no" or empty.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Client { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Lawyer { get; set; }

    /// <summary>Only contacts marketing may reach for this purpose: active consent, not restricted (art. 7 and 18).</summary>
    [BindProperty(SupportsGet = true)]
    public MarketingPurpose? Consent { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.QueryKey)]
    public int PageNumber { get; set; } = 1;

    public PageOf<Row> Contacts { get; private set; } = new([], 1, Paging.DefaultPageSize, false);

    public IReadOnlyList<(Guid Id, string Name)> Lawyers { get; private set; } = [];

    public IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Purposes => EnumOptions.For<MarketingPurpose>(l, "purpose:");

    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || FilteredBesidesSearch;

    private bool FilteredBesidesSearch => Kind is not null || !string.IsNullOrEmpty(Client) || !string.IsNullOrEmpty(Tag) || Lawyer is not null || Consent is not null;

    public async Task OnGetAsync()
    {
        Lawyers = await UserOptions.ActiveAsync(db);

        var (query, terms) = FilteredContacts();
        if (terms is not null && ContactSearch.IsNameOnly(terms) && Sort is null && !FilteredBesidesSearch)
        {
            Contacts = await (await ContactSearch.RankedNamePageAsync(db, terms, PageNumber)).LoadAsync(RowsAsync, row => row.Id);
            return;
        }

        var ordered = Sort switch
        {
            "name_desc" => query.OrderByDescending(c => c.SortKey).ThenBy(c => c.Id),
            "client" => query.OrderBy(c => c.ClientNumber).ThenBy(c => c.Id),
            "client_desc" => query.OrderByDescending(c => c.ClientNumber).ThenBy(c => c.Id),
            "name" => query.OrderBy(c => c.SortKey).ThenBy(c => c.Id),
            _ when terms is not null => query.ByRelevance(terms),
            _ => query.OrderBy(c => c.SortKey).ThenBy(c => c.Id),
        };

        Contacts = await ordered.Select(c => c.Id).ToPageAsync(PageNumber, RowsAsync, row => row.Id);
    }

    private Task<List<Row>> RowsAsync(IReadOnlyList<Guid> ids) =>
        db.Contacts.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new Row(
                c.Id,
                c.Kind,
                c.SortName,
                c.ClientNumber,
                c.Emails.OrderBy(e => e.Kind).Select(e => e.Address).FirstOrDefault(),
                c.Phones.OrderBy(p => p.Kind).Select(p => p.Number).FirstOrDefault(),
                c.Addresses.OrderBy(a => a.Kind).Select(a => a.City).FirstOrDefault(),
                c.RestrictedAt != null))
            .ToListAsync();

    /// <summary>
    /// The current list as CSV or vCard (AVG: restricted contacts are left out). Needs clients.export besides the
    /// page's clients.read; every export is recorded in the audit trail with its filters and size.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(string format)
    {
        if (!me.Has(Permissions.ClientsExport))
        {
            return Forbid();
        }

        if (format is not ("csv" or "vcard"))
        {
            return BadRequest();
        }

        var (query, _) = FilteredContacts();
        var contacts = query.Where(c => c.RestrictedAt == null)
            .OrderBy(c => c.SortKey).ThenBy(c => c.Id)
            .Include(c => c.Emails).Include(c => c.Phones).Include(c => c.Addresses)
            .AsSplitQuery();
        var count = await query.CountAsync(c => c.RestrictedAt == null);

        audit.Add(Audit.AuditActions.Export, nameof(Contact), null, new { format, count, q = Q, kind = Kind?.ToString(), client = Client, tag = Tag, lawyer = Lawyer, consent = Consent?.ToString() });
        await db.SaveChangesAsync();

        var stamp = AmsterdamTime.ToLocal(clock.GetUtcNow()).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        Response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "text/vcard; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"contacten-{stamp}.{(format == "csv" ? "csv" : "vcf")}\"";
        await using var writer = new StreamWriter(Response.Body, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: format == "csv"));
        if (format == "csv")
        {
            await writer.WriteAsync(Shared.Csv.Line(ContactExportFormats.CsvHeader) + "\r\n");
        }

        await foreach (var contact in contacts.AsAsyncEnumerable())
        {
            await writer.WriteAsync(format == "csv" ? Shared.Csv.Line(ContactExportFormats.CsvRow(contact)) + "\r\n" : ContactExportFormats.VCard(contact));
        }

        return new EmptyResult();
    }

    private (IQueryable<Contact> Query, ContactSearch.Terms? Terms) FilteredContacts()
    {
        var query = db.Contacts.AsNoTracking();
        ContactSearch.Terms? terms = null;
        if (!string.IsNullOrWhiteSpace(Q) && Q.Trim().Length <= 200)
        {
            terms = ContactSearch.Parse(Q);
            query = query.Matching(db, terms);
        }

        if (Kind is { } kind)
        {
            query = query.Where(c => c.Kind == kind);
        }

        query = Client switch
        {
            "yes" => query.Where(c => c.ClientNumber != null),
            "no" => query.Where(c => c.ClientNumber == null),
            _ => query,
        };
        if (!string.IsNullOrWhiteSpace(Tag))
        {
            var tag = Tag.Trim().ToLowerInvariant();
            query = query.Where(c => c.Tags.Contains(tag));
        }

        if (Lawyer is { } lawyer)
        {
            query = query.Where(c => c.ResponsibleLawyerId == lawyer);
        }

        if (Consent is { } purpose)
        {
            query = query.WithConsent(db, purpose);
        }

        return (query, terms);
    }

    public sealed record Row(Guid Id, ContactKind Kind, string SortName, int? ClientNumber, string? Email, string? Phone, string? City, bool Restricted);
}
