using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
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
/// Log a call, meeting, letter, e-mail or note in a dossier (the people in it offered as participants) or with a contact.
/// In a dossier it takes a place in the dossier's team, as every change of a dossier does.
/// </summary>
[RequirePermission(Permissions.CommunicationsWrite)]
public sealed class LogModel(CrmDbContext db, DossierAccess access, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Dossier { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Contact { get; set; }

    [BindProperty(SupportsGet = true)]
    public CommunicationKind Kind { get; set; } = CommunicationKind.Call;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Context { get; private set; } = string.Empty;

    public IReadOnlyList<(Guid Id, string Name)> Contacts { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Colleagues { get; private set; } = [];

    public IEnumerable<SelectListItem> Directions => EnumOptions.For<CommunicationDirection>(l, "direction:");

    public IEnumerable<SelectListItem> Deliveries => EnumOptions.For<LetterDelivery>(l, "delivery:");

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        Input.OccurredAt = AmsterdamTime.ToLocal(clock.GetUtcNow()).DateTime;
        Input.Direction = Kind == CommunicationKind.Note ? CommunicationDirection.Internal : CommunicationDirection.Incoming;
        Input.ContactIds = Contact is { } contact ? [contact] : [];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        if (!Enum.IsDefined(Kind) || !Enum.IsDefined(Input.Direction) || (Input.Delivery is { } delivery && !Enum.IsDefined(delivery)))
        {
            return BadRequest();
        }

        var occurredAt = AmsterdamTime.FromLocal(Input.OccurredAt);
        foreach (var (field, message) in CommunicationRules.Problems(Kind, Input.Direction, occurredAt, clock.GetUtcNow(), Input.DurationMinutes, Input.Subject))
        {
            ModelState.AddModelError("Input." + field, l[message]);
        }

        if ((Input.Body?.Length ?? 0) > CommunicationBody.MaxMarkdownLength)
        {
            ModelState.AddModelError("Input.Body", l["{0} can be at most {1} characters long.", l["Text"], CommunicationBody.MaxMarkdownLength]);
        }

        var contacts = Contacts.Where(c => Input.ContactIds.Contains(c.Id)).ToList();
        var colleagues = Colleagues.Where(u => Input.UserIds.Contains(u.Id)).ToList();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow();
        var name = me.DisplayName ?? me.ActorName;
        var communication = new Communication
        {
            Kind = Kind,
            Direction = Input.Direction,
            OccurredAt = occurredAt,
            Subject = Input.Subject!.Trim(),
            BodyHtml = CommunicationBody.FromMarkdown(Input.Body),
            DossierId = Dossier,
            ContactId = Contact ?? (contacts.Count == 1 ? contacts[0].Id : null),
            DurationMinutes = Kind is CommunicationKind.Call or CommunicationKind.Meeting ? Input.DurationMinutes : null,
            Location = Kind == CommunicationKind.Meeting && !string.IsNullOrWhiteSpace(Input.Location) ? Input.Location.Trim() : null,
            Delivery = Kind == CommunicationKind.Letter ? Input.Delivery : null,
            Confidential = Input.Confidential,
            AuthorUserId = me.UserId,
            AuthorName = name,
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedBy = name,
            Participants =
            [
                .. contacts.Select(c => new CommunicationParticipant { ContactId = c.Id, Name = c.Name, Role = CommunicationRules.RoleOf(Kind, Input.Direction, isColleague: false) }),
                .. colleagues.Select(u => new CommunicationParticipant { UserId = u.Id, Name = u.Name, Role = CommunicationRules.RoleOf(Kind, Input.Direction, isColleague: true) }),
            ],
        };
        db.Communications.Add(communication);
        await db.SaveChangesAsync();
        TempData["Status"] = l["logged:" + Kind].Value;
        return Dossier is { } dossier ? Redirect($"/Dossiers/{dossier}") : Redirect($"/Clients/{Contact}");
    }

    /// <summary>Null when the context exists and the user may log in it; otherwise the answer to give.</summary>
    private async Task<IActionResult?> LoadAsync()
    {
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
            var team = db.Set<DossierMember>().Where(m => m.DossierId == dossierId).Select(m => m.UserId)
                .Union(db.Dossiers.Where(d => d.Id == dossierId).Select(d => d.ResponsibleLawyerId));
            Colleagues = (await db.Users.Where(u => team.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync())
                .Select(u => (u.Id, u.DisplayName)).ToList();
            Contact = Contact is { } c && Contacts.Any(x => x.Id == c) ? c : null;
            return null;
        }

        if (Contact is { } contactId && await db.Contacts.Where(c => c.Id == contactId).Select(c => c.DisplayName).SingleOrDefaultAsync() is { } contactName)
        {
            Context = contactName;
            Contacts = [(contactId, contactName)];
            Colleagues = await UserOptions.ActiveAsync(db);
            return null;
        }

        return NotFound();
    }

    public sealed class InputModel
    {
        public CommunicationDirection Direction { get; set; }

        public DateTime OccurredAt { get; set; }

        public string? Subject { get; set; }

        public string? Body { get; set; }

        public int? DurationMinutes { get; set; }

        public string? Location { get; set; }

        public LetterDelivery? Delivery { get; set; }

        public bool Confidential { get; set; }

        public List<Guid> ContactIds { get; set; } = [];

        public List<Guid> UserIds { get; set; } = [];
    }
}
