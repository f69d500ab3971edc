using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Features.Privacy;
using LegalCrm.Web.Features.Shared;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Clients;

/// <summary>
/// The contact page ("client 360"): who they are, how to reach them, their relationships seen from both sides,
/// the sections later features fill, and the history of every change from the audit trail.
/// </summary>
[RequirePermission(Permissions.ClientsRead)]
public sealed class DetailsModel(CrmDbContext db, Dossiers.DossierAccess dossiers, AuditHistory history, AuditEvents audit, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>Search text for a contact to link.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Link { get; set; }

    public Contact Contact { get; private set; } = null!;

    public IReadOnlyList<Privacy.LegalHold> Holds { get; private set; } = [];

    public string? LawyerName { get; private set; }

    public IReadOnlyList<RelationshipRow> Relationships { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> LinkCandidates { get; private set; } = [];

    public IReadOnlyList<AuditHistoryRow> History { get; private set; } = [];

    public bool CanWrite => me.Has(Permissions.ClientsWrite) && !Contact.IsRestricted;

    public bool CanRestrict => me.Has(Permissions.PrivacyRequests);

    public IEnumerable<SelectListItem> RelationshipKinds => EnumOptions.For<RelationshipKind>(l, "relationship:");

    public IReadOnlyList<MarketingConsent> Consents { get; private set; } = [];

    /// <summary>The dossiers this contact is a party in, as far as the user may see them (<see cref="Dossiers.DossierAccess"/>).</summary>
    public IReadOnlyList<DossierRow> DossierRoles { get; private set; } = [];

    public IEnumerable<SelectListItem> Purposes => EnumOptions.For<MarketingPurpose>(l, "purpose:");

    public IEnumerable<SelectListItem> Channels => EnumOptions.For<ConsentChannel>(l, "channel:");

    /// <summary>Withdrawing consent must stay possible, also for a restricted contact (art. 7(3)).</summary>
    public bool CanWithdrawConsent => me.Has(Permissions.ClientsWrite);

    /// <summary>Opening a contact's page is recorded (who, when), so the firm can answer "who viewed this".</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        audit.Add(AuditActions.View, nameof(Contact), Id.ToString(), null, Contact.AuditSubject);
        await db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid otherId, RelationshipKind kind, DateOnly? startDate)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!CanWrite)
        {
            return Forbid();
        }

        if (otherId == Id || !await db.Contacts.AnyAsync(c => c.Id == otherId) || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError(string.Empty, l["Choose another contact from the search results."]);
            return Page();
        }

        if (await db.ContactRelationships.AnyAsync(r => r.FromContactId == Id && r.ToContactId == otherId && r.Kind == kind))
        {
            ModelState.AddModelError(string.Empty, l["This relationship already exists."]);
            return Page();
        }

        db.ContactRelationships.Add(new ContactRelationship { FromContactId = Id, ToContactId = otherId, Kind = kind, StartDate = startDate });
        await db.SaveChangesAsync();
        TempData["Status"] = l["The relationship has been added."].Value;
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostUnlinkAsync(Guid relationshipId)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!CanWrite)
        {
            return Forbid();
        }

        var relationship = await db.ContactRelationships.SingleOrDefaultAsync(r => r.Id == relationshipId && (r.FromContactId == Id || r.ToContactId == Id));
        if (relationship is null)
        {
            return NotFound();
        }

        db.ContactRelationships.Remove(relationship);
        await db.SaveChangesAsync();
        TempData["Status"] = l["The relationship has been removed."].Value;
        return RedirectToPage(new { Id });
    }

    /// <summary>AVG art. 18: restriction of processing on the data subject's request; the contact becomes read-only.</summary>
    public async Task<IActionResult> OnPostRestrictAsync(string? reason)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!CanRestrict)
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 200)
        {
            ModelState.AddModelError("reason", l["Give the reason for the restriction (at most 200 characters)."]);
            return Page();
        }

        var contact = await db.Contacts.SingleAsync(c => c.Id == Id);
        contact.RestrictedAt = clock.GetUtcNow();
        contact.RestrictionReason = reason.Trim();
        contact.UpdatedAt = clock.GetUtcNow();
        contact.UpdatedBy = me.DisplayName ?? me.ActorName;
        await db.SaveChangesAsync();
        TempData["Status"] = l["Processing of this contact is now restricted."].Value;
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostLiftRestrictionAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!CanRestrict)
        {
            return Forbid();
        }

        var contact = await db.Contacts.SingleAsync(c => c.Id == Id);
        contact.RestrictedAt = null;
        contact.RestrictionReason = null;
        contact.UpdatedAt = clock.GetUtcNow();
        contact.UpdatedBy = me.DisplayName ?? me.ActorName;
        await db.SaveChangesAsync();
        TempData["Status"] = l["The restriction has been lifted."].Value;
        return RedirectToPage(new { Id });
    }

    /// <summary>AVG art. 7(1): records consent with the date and the text the contact agreed to, so it can be shown later.</summary>
    public async Task<IActionResult> OnPostConsentAsync(MarketingPurpose purpose, ConsentChannel channel, DateOnly? givenOn, string? textShown)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!CanWrite)
        {
            return Forbid();
        }

        if (givenOn is null || givenOn > AmsterdamTime.Today(clock))
        {
            ModelState.AddModelError("givenOn", l["Enter the date the consent was given; it cannot be in the future."]);
        }

        if (string.IsNullOrWhiteSpace(textShown) || textShown.Length > 2000)
        {
            ModelState.AddModelError("textShown", l["Enter the text the contact agreed to (at most 2000 characters)."]);
        }

        if (Consents.Any(m => m.IsActive && m.Purpose == purpose && m.Channel == channel))
        {
            ModelState.AddModelError("purpose", l["This contact already has consent for this purpose and channel."]);
        }

        if (!Enum.IsDefined(purpose) || !Enum.IsDefined(channel))
        {
            ModelState.AddModelError("purpose", l["Choose a purpose and a channel from the list."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.MarketingConsents.Add(new MarketingConsent
        {
            ContactId = Id,
            Purpose = purpose,
            Channel = channel,
            GivenOn = givenOn!.Value,
            TextShown = textShown!.Trim(),
            RecordedBy = me.DisplayName ?? me.ActorName,
        });
        await db.SaveChangesAsync();
        TempData["Status"] = l["The consent has been recorded."].Value;
        return RedirectToPage(new { Id });
    }

    /// <summary>AVG art. 7(3): withdrawal is recorded with its date; the consent record itself stays as proof of what was given.</summary>
    public async Task<IActionResult> OnPostWithdrawConsentAsync(Guid consentId)
    {
        if (!CanWithdrawConsent)
        {
            return Forbid();
        }

        var consent = await db.MarketingConsents.SingleOrDefaultAsync(m => m.Id == consentId && m.ContactId == Id);
        if (consent is null)
        {
            return NotFound();
        }

        consent.WithdrawnOn ??= AmsterdamTime.Today(clock);
        await db.SaveChangesAsync();
        TempData["Status"] = l["The consent has been withdrawn."].Value;
        return RedirectToPage(new { Id });
    }

    private async Task<bool> LoadAsync()
    {
        var today = AmsterdamTime.Today(clock);
        // The contact with its addresses, numbers, e-mail addresses, holds and consents in one round trip: a contact
        // has a handful of each (and rarely a hold), so the joined rows stay few.
        var found = await db.Contacts.AsNoTracking().Where(c => c.Id == Id).Select(c => new
        {
            Contact = c,
            Addresses = c.Addresses.ToList(),
            Phones = c.Phones.ToList(),
            Emails = c.Emails.ToList(),
            Lawyer = db.Users.Where(u => u.Id == c.ResponsibleLawyerId).Select(u => u.DisplayName).FirstOrDefault(),
            Holds = db.LegalHolds.InForce(today).Where(h => h.ContactId == c.Id).OrderBy(h => h.PlacedAt).ToList(),
            Consents = db.MarketingConsents.Where(m => m.ContactId == c.Id)
                .OrderBy(m => m.WithdrawnOn != null).ThenBy(m => m.Purpose).ThenByDescending(m => m.GivenOn).ToList(),
        }).AsSingleQuery().SingleOrDefaultAsync();
        if (found is null)
        {
            return false;
        }

        var contact = found.Contact;
        contact.Addresses = found.Addresses;
        contact.Phones = found.Phones;
        contact.Emails = found.Emails;
        Contact = contact;
        Holds = found.Holds;
        LawyerName = found.Lawyer;
        Consents = found.Consents;

        var outgoing = db.ContactRelationships.Where(r => r.FromContactId == Id)
            .Join(db.Contacts, r => r.ToContactId, c => c.Id, (r, c) => new { r.Id, r.Kind, Inverse = false, OtherId = c.Id, c.DisplayName, r.StartDate, r.EndDate });
        var incoming = db.ContactRelationships.Where(r => r.ToContactId == Id)
            .Join(db.Contacts, r => r.FromContactId, c => c.Id, (r, c) => new { r.Id, r.Kind, Inverse = true, OtherId = c.Id, c.DisplayName, r.StartDate, r.EndDate });
        Relationships = (await outgoing.Concat(incoming).ToListAsync())
            .Select(r => new RelationshipRow(r.Id, r.Inverse ? ContactRelationship.InverseLabel(r.Kind) : ContactRelationship.Label(r.Kind), r.OtherId, r.DisplayName, r.StartDate, r.EndDate))
            .OrderBy(r => r.OtherName, StringComparer.CurrentCulture)
            .ToList();

        // The dossiers the contact is a party to or corresponded in, those this user may see, in one query: the
        // dossier list, and the dossiers whose deadlines, documents and communications show here.
        var readsCommunications = me.Has(Permissions.CommunicationsRead);
        var involved = db.Set<Dossiers.DossierParty>().Where(p => p.ContactId == Id).Select(p => p.DossierId);
        if (readsCommunications)
        {
            involved = involved.Union(Features.Communications.TimelineItem.DossiersWithContact(db, Id));
        }

        var contactDossiers = await dossiers.VisibleAmong(db.Dossiers.Where(d => involved.Contains(d.Id)))
            .Select(d => new { d.Id, d.Number, d.Title, d.Status, Roles = d.Parties.Where(p => p.ContactId == Id).Select(p => new { p.Role, p.RoleLabel }).ToList() })
            .ToListAsync();
        DossierRoles = [.. contactDossiers.SelectMany(d => d.Roles.Select(r => new DossierRow(d.Id, d.Number, d.Title, d.Status, r.Role, r.RoleLabel)))
            .OrderByDescending(r => r.Number, StringComparer.Ordinal).Take(100)];
        if (readsCommunications)
        {
            Communications = await Features.Communications.TimelineItem.OfContactAsync(db, Id, [.. contactDossiers.Select(d => (Guid?)d.Id)], 20);
        }

        // The open deadlines and the latest documents of the dossiers in which the contact is a party.
        var visible = contactDossiers.Where(d => d.Roles.Count > 0).Select(d => d.Id).ToList();
        if (me.Has(Access.Permissions.DeadlinesRead))
        {
            Deadlines = await db.Deadlines.AsNoTracking().Where(d => d.Status == Features.Deadlines.DeadlineStatus.Open && visible.Contains(d.DossierId))
                .OrderBy(d => d.DueDate).ThenBy(d => d.DueTime).ThenBy(d => d.Id).Take(10)
                .Select(d => new DeadlineRow(d.Id, d.Title, d.DueDate, d.Kind, db.Dossiers.Where(x => x.Id == d.DossierId).Select(x => x.Number).First()))
                .ToListAsync();
        }

        Documents = await db.Documents.AsNoTracking().Where(d => visible.Contains(d.DossierId))
            .OrderByDescending(d => d.UpdatedAt).ThenBy(d => d.Id).Take(10)
            .Select(d => new DocumentRow(d.Id, d.DossierId, d.Title, d.UpdatedAt, db.Dossiers.Where(x => x.Id == d.DossierId).Select(x => x.Number).First()))
            .ToListAsync();

        LinkCandidates = await db.Contacts.Where(c => c.Id != Id).CandidatesAsync(db, Link);

        // The history names people by id: those on the page already are not looked up again.
        var shown = Relationships.Select(r => (r.OtherId, r.OtherName)).Prepend((contact.Id, contact.DisplayName));
        History = await history.ForAsync(Id, 50, HiddenInHistory,
            contact.ResponsibleLawyerId is { } lawyer && LawyerName is not null ? shown.Append((lawyer, LawyerName)) : shown);
        return true;
    }

    // Bookkeeping that says nothing to a reader of the history.
    private static readonly HashSet<string> HiddenInHistory =
    [
        nameof(Features.Communications.Communication.ParticipantNames), nameof(Features.Communications.Communication.BodyMarkdown), nameof(Contact.SearchText), nameof(Contact.SortKey), nameof(Contact.UpdatedAt), nameof(Contact.UpdatedBy), nameof(Contact.Version),
        nameof(Contact.CreatedAt), "Id", "ContactId", nameof(ContactEmail.NormalizedAddress), nameof(ContactRelationship.FromContactId),
        nameof(ContactRelationship.ToContactId),
    ];

    public IReadOnlyList<Communications.TimelineItem> Communications { get; private set; } = [];

    public IReadOnlyList<DeadlineRow> Deadlines { get; private set; } = [];

    public IReadOnlyList<DocumentRow> Documents { get; private set; } = [];

    public sealed record DeadlineRow(Guid Id, string Title, DateOnly DueDate, Features.Deadlines.DeadlineKind Kind, string DossierNumber);

    public sealed record DocumentRow(Guid Id, Guid DossierId, string Title, DateTimeOffset UpdatedAt, string DossierNumber);

    public sealed record DossierRow(Guid Id, string Number, string Title, Dossiers.DossierStatus Status, Dossiers.PartyRole Role, string? RoleLabel);

    public sealed record RelationshipRow(Guid Id, string Label, Guid OtherId, string OtherName, DateOnly? StartDate, DateOnly? EndDate);

}
