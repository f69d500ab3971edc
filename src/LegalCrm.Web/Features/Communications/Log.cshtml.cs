using System.ComponentModel.DataAnnotations;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Clients;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Features.Shared;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Communications;

/// <summary>
/// Log a call, meeting, letter, e-mail or note in a dossier (the people in it offered as participants) or with a contact
/// (optionally in one of the contact's dossiers); or correct one (<c>?id=</c>) within the editing window. From the top
/// bar, without a dossier or contact, it first asks which one. In a dossier it takes a place in the dossier's team, as
/// every change of a dossier does.
/// </summary>
[RequirePermission(Permissions.CommunicationsWrite)]
public sealed class LogModel(CrmDbContext db, DossierAccess access, CommunicationAccess communications, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Dossier { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Contact { get; set; }

    [BindProperty(SupportsGet = true)]
    public CommunicationKind Kind { get; set; } = CommunicationKind.Call;

    /// <summary>Search text when choosing where to log (top bar).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Communication? Existing { get; private set; }

    public bool IsFiledEmail => Existing?.MessageId is not null;

    public string Context { get; private set; } = string.Empty;

    public IReadOnlyList<(Guid Id, string Name)> Contacts { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Colleagues { get; private set; } = [];

    /// <summary>When logging with a contact: the contact's dossiers the user works on, to file it in one of them.</summary>
    public IReadOnlyList<(Guid Id, string Label)> ContactDossiers { get; private set; } = [];

    /// <summary>When choosing where to log: matching dossiers the user works on, and matching contacts.</summary>
    public IReadOnlyList<(Guid Id, string Label)> DossierChoices { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Label)> ContactChoices { get; private set; } = [];

    public bool ChoosingContext => Id is null && Dossier is null && Contact is null;

    public IEnumerable<SelectListItem> Directions => EnumOptions.For<CommunicationDirection>(l, "direction:");

    public IEnumerable<SelectListItem> Deliveries => EnumOptions.For<LetterDelivery>(l, "delivery:");

    public async Task<IActionResult> OnGetAsync()
    {
        if (ChoosingContext)
        {
            await LoadChoicesAsync();
            return Page();
        }

        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        if (Existing is { } c)
        {
            Input = new InputModel
            {
                Direction = c.Direction,
                OccurredAt = AmsterdamTime.ToLocal(c.OccurredAt).DateTime,
                Subject = c.Subject,
                Body = c.BodyMarkdown,
                DurationMinutes = c.DurationMinutes,
                Location = c.Location,
                Delivery = c.Delivery,
                Confidential = c.Confidential,
                ContactIds = c.Participants.Where(p => p.ContactId != null).Select(p => p.ContactId!.Value).Distinct().ToList(),
                UserIds = c.Participants.Where(p => p.UserId != null).Select(p => p.UserId!.Value).Distinct().ToList(),
                Version = c.RowVersion,
            };
            return Page();
        }

        Input.OccurredAt = AmsterdamTime.ToLocal(clock.GetUtcNow()).DateTime;
        Input.Direction = Kind == CommunicationKind.Note ? CommunicationDirection.Internal : CommunicationDirection.Incoming;
        Input.ContactIds = Contact is { } contact ? [contact] : [];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ChoosingContext)
        {
            return BadRequest();
        }

        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        if (!Enum.IsDefined(Kind) || !Enum.IsDefined(Input.Direction) || (Input.Delivery is { } delivery && !Enum.IsDefined(delivery)))
        {
            return BadRequest();
        }

        var occurredAt = IsFiledEmail ? Existing!.OccurredAt : AmsterdamTime.FromLocal(Input.OccurredAt);
        var direction = IsFiledEmail ? Existing!.Direction : Input.Direction;
        foreach (var (field, message) in CommunicationRules.Problems(Kind, direction, occurredAt, Existing?.OccurredAt > clock.GetUtcNow() ? Existing.OccurredAt : clock.GetUtcNow(), Input.DurationMinutes, Input.Subject))
        {
            ModelState.AddModelError("Input." + field, l[message]);
        }

        if ((Input.Body?.Length ?? 0) > CommunicationBody.MaxMarkdownLength)
        {
            ModelState.AddModelError("Input.Body", l["{0} can be at most {1} characters long.", l["Text"], CommunicationBody.MaxMarkdownLength]);
        }

        if (Existing is not null && Existing.RowVersion != Input.Version)
        {
            ModelState.AddModelError(string.Empty, l["Someone else changed this communication in the meantime. Reload the page to see their changes."]);
        }

        Guid? inDossier = Dossier;
        if (Dossier is null && Input.DossierId is { } chosen)
        {
            if (ContactDossiers.All(d => d.Id != chosen))
            {
                ModelState.AddModelError("Input.DossierId", l["Choose one of the contact's dossiers you work on."]);
            }

            inDossier = chosen;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var contacts = Contacts.Where(c => Input.ContactIds.Contains(c.Id)).ToList();
        var colleagues = Colleagues.Where(u => Input.UserIds.Contains(u.Id)).ToList();
        var now = clock.GetUtcNow();
        var name = me.DisplayName ?? me.ActorName;
        var communication = Existing ?? new Communication
        {
            Kind = Kind,
            DossierId = inDossier,
            ContactId = Contact ?? (contacts.Count == 1 ? contacts[0].Id : null),
            AuthorUserId = me.UserId,
            AuthorName = name,
            CreatedAt = now,
        };
        communication.Subject = Input.Subject!.Trim();
        communication.Confidential = Input.Confidential;
        communication.UpdatedAt = now;
        communication.UpdatedBy = name;
        if (!IsFiledEmail)
        {
            // A filed e-mail keeps what was sent: its text, time, direction and addressees are the message's own.
            communication.Direction = Input.Direction;
            communication.OccurredAt = occurredAt;
            // A text logged before its Markdown was kept has none to show in the form: left empty, the text stays.
            var keepText = Existing is { BodyMarkdown: null } && string.IsNullOrWhiteSpace(Input.Body);
            if (!keepText)
            {
                communication.BodyMarkdown = string.IsNullOrWhiteSpace(Input.Body) ? null : Input.Body;
                communication.BodyHtml = CommunicationBody.FromMarkdown(Input.Body);
            }

            communication.DurationMinutes = Kind is CommunicationKind.Call or CommunicationKind.Meeting ? Input.DurationMinutes : null;
            communication.Location = Kind == CommunicationKind.Meeting && !string.IsNullOrWhiteSpace(Input.Location) ? Input.Location.Trim() : null;
            communication.Delivery = Kind == CommunicationKind.Letter ? Input.Delivery : null;
            UpdateParticipants(communication, contacts, colleagues);
        }

        if (Existing is null)
        {
            db.Communications.Add(communication);
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Someone else changed this communication in the meantime. Reload the page to see their changes."]);
            return Page();
        }

        TempData["Status"] = Existing is null ? l["logged:" + Kind].Value : l["The communication has been corrected."].Value;
        return Existing is null
            ? communication.DossierId is { } dossier ? Redirect($"/Dossiers/{dossier}") : Redirect($"/Clients/{Contact}")
            : Redirect($"/Communications/{communication.Id}");
    }

    /// <summary>Chosen contacts and colleagues take part in the role the kind and direction give them; those no longer chosen leave.</summary>
    private void UpdateParticipants(Communication communication, List<(Guid Id, string Name)> contacts, List<(Guid Id, string Name)> colleagues)
    {
        var contactRole = CommunicationRules.RoleOf(Kind, Input.Direction, isColleague: false);
        var colleagueRole = CommunicationRules.RoleOf(Kind, Input.Direction, isColleague: true);
        communication.Participants.RemoveAll(p =>
            (p.ContactId is { } c && (contacts.All(x => x.Id != c) || p.Role != contactRole))
            || (p.UserId is { } u && (colleagues.All(x => x.Id != u) || p.Role != colleagueRole)));
        foreach (var (id, name) in contacts.Where(c => communication.Participants.All(p => p.ContactId != c.Id)))
        {
            communication.Participants.Add(new CommunicationParticipant { CommunicationId = communication.Id, ContactId = id, Name = name, Role = contactRole });
        }

        foreach (var (id, name) in colleagues.Where(u => communication.Participants.All(p => p.UserId != u.Id)))
        {
            communication.Participants.Add(new CommunicationParticipant { CommunicationId = communication.Id, UserId = id, Name = name, Role = colleagueRole });
        }
    }

    /// <summary>Null when the context exists and the user may log (or correct) in it; otherwise the answer to give.</summary>
    private async Task<IActionResult?> LoadAsync()
    {
        if (Id is { } id)
        {
            Existing = await communications.FindAsync(id, tracked: true);
            if (Existing is null)
            {
                return NotFound();
            }

            if (!await communications.CanChangeAsync(Existing))
            {
                return Forbid();
            }

            Dossier = Existing.DossierId;
            Contact = Existing.DossierId is null ? Existing.ContactId : null;
            Kind = Existing.Kind;
        }

        if (Dossier is { } dossierId)
        {
            var dossier = await access.FindAsync(dossierId);
            if (dossier is null)
            {
                return NotFound();
            }

            if (dossier.IsReadOnly || !await access.CanEditAsync(dossierId))
            {
                return Forbid();
            }

            Context = $"{dossier.Number} · {dossier.Title}";
            Contacts = (await db.Set<DossierParty>().Where(p => p.DossierId == dossierId)
                    .Join(db.Contacts, p => p.ContactId, c => c.Id, (p, c) => new { c.Id, c.DisplayName, c.SortKey }).Distinct().OrderBy(c => c.SortKey).ToListAsync())
                .Select(c => (c.Id, c.DisplayName)).ToList();
            Colleagues = await UserOptions.DossierTeamAsync(db, dossierId, enabledOnly: false);
            Contact = Contact is { } c && Contacts.Any(x => x.Id == c) ? c : null;
            return null;
        }

        if (Contact is { } contactId && me.Has(Permissions.ClientsRead) && await db.Contacts.Where(c => c.Id == contactId).Select(c => c.DisplayName).SingleOrDefaultAsync() is { } contactName)
        {
            Context = contactName;
            Contacts = [(contactId, contactName)];
            Colleagues = await UserOptions.ActiveAsync(db);
            if (Existing is null)
            {
                var partyIn = db.Set<DossierParty>().Where(p => p.ContactId == contactId).Select(p => p.DossierId);
                var open = await access.Mine().Where(d => partyIn.Contains(d.Id) && d.Status != DossierStatus.Closed && d.Status != DossierStatus.Archived)
                    .OrderByDescending(d => d.OpenedOn).ThenByDescending(d => d.Id).Take(50)
                    .Select(d => new { d.Id, d.Number, d.Title }).ToListAsync();
                ContactDossiers = me.Has(Permissions.DossiersWrite) ? open.Select(d => (d.Id, $"{d.Number} · {d.Title}")).ToList() : [];
            }

            return null;
        }

        return NotFound();
    }

    /// <summary>From the top bar: the dossiers the user works on and the contacts that match what they typed.</summary>
    private async Task LoadChoicesAsync()
    {
        var text = (Q ?? string.Empty).Trim();
        var dossiers = access.Mine().Where(d => d.Status != DossierStatus.Closed && d.Status != DossierStatus.Archived);
        if (text.Length > 0)
        {
            var pattern = LikePattern.Containing(text);
            dossiers = dossiers.Where(d => EF.Functions.ILike(d.Number, pattern) || EF.Functions.ILike(d.Title, pattern));
        }

        DossierChoices = me.Has(Permissions.DossiersWrite)
            ? (await dossiers.OrderByDescending(d => d.OpenedOn).ThenByDescending(d => d.Id).Take(10).Select(d => new { d.Id, d.Number, d.Title }).ToListAsync())
                .Select(d => (d.Id, $"{d.Number} · {d.Title}")).ToList()
            : [];
        if (text.Length > 0 && me.Has(Permissions.ClientsRead))
        {
            var ids = ContactSearch.MatchingIds(db, ContactSearch.Parse(text));
            ContactChoices = (await db.Contacts.Where(c => ids.Contains(c.Id)).OrderBy(c => c.SortKey).Take(10).Select(c => new { c.Id, c.DisplayName }).ToListAsync())
                .Select(c => (c.Id, c.DisplayName)).ToList();
        }
    }

    public sealed class InputModel
    {
        public CommunicationDirection Direction { get; set; }

        public DateTime OccurredAt { get; set; }

        [Display(Name = "Subject")]
        [StringLength(Communication.MaxSubjectLength, ErrorMessage = "{0} can be at most {1} characters long.")]
        public string? Subject { get; set; }

        public string? Body { get; set; }

        public int? DurationMinutes { get; set; }

        [Display(Name = "Location")]
        [StringLength(Communication.MaxLocationLength, ErrorMessage = "{0} can be at most {1} characters long.")]
        public string? Location { get; set; }

        public LetterDelivery? Delivery { get; set; }

        public bool Confidential { get; set; }

        /// <summary>With a contact: one of their dossiers to log it in (optional).</summary>
        public Guid? DossierId { get; set; }

        public List<Guid> ContactIds { get; set; } = [];

        public List<Guid> UserIds { get; set; } = [];

        /// <summary>The version the form was filled from: a correction made meanwhile by someone else is not overwritten.</summary>
        public uint Version { get; set; }
    }
}
