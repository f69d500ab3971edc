using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Clients;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Privacy.Requests;

/// <summary>
/// Logs a data-subject request and follows it to its answer (AVG art. 12): the identity check, an extension with its
/// reason and the day the person was told, and closing with the answer sent. Every change is audited.
/// </summary>
[RequirePermission(Permissions.PrivacyRequests)]
public sealed class EditModel(CrmDbContext db, CurrentUser me, RequestLetters letters, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    /// <summary>The contact a new request is about (from the contact's page).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Contact { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>A search for the contact a request logged without one is about.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Find { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Candidates { get; private set; } = [];

    public string? ContactName { get; private set; }

    public DateOnly Today { get; private set; }

    public DataSubjectRequest? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Today = AmsterdamTime.Today(clock);
        if (Id is { } id)
        {
            if (await db.DataSubjectRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id) is not { } request)
            {
                return NotFound();
            }

            Existing = request;
            Contact = request.ContactId;
            Input = InputModel.From(request);
            if (request.ContactId is null)
            {
                Candidates = await db.Contacts.CandidatesAsync(db, Find);
            }
        }
        else
        {
            Input.ReceivedOn = Today;
        }

        if (!await LoadContactAsync())
        {
            return NotFound();
        }

        if (Id is null && ContactName is not null)
        {
            Input.PersonName = ContactName;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Today = AmsterdamTime.Today(clock);
        var request = Id is { } id ? await db.DataSubjectRequests.SingleOrDefaultAsync(r => r.Id == id) : new DataSubjectRequest();
        if (request is null)
        {
            return NotFound();
        }

        Existing = Id is null ? null : request;
        if (Id is not null)
        {
            Contact = request.ContactId;
        }

        if (!await LoadContactAsync())
        {
            return NotFound();
        }

        Validate();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var verifiedNow = request.IdentityVerifiedOn is null && Input.IdentityVerifiedOn is not null;
        Input.ApplyTo(request);
        if (verifiedNow)
        {
            request.IdentityVerifiedBy = me.DisplayName;
        }

        if (Id is null)
        {
            request.ContactId = Contact;
            request.CreatedAt = clock.GetUtcNow();
            request.CreatedBy = me.DisplayName ?? string.Empty;
            db.DataSubjectRequests.Add(request);
        }

        await db.SaveChangesAsync();
        TempData["Status"] = request.Status == RequestStatus.Closed
            ? l["The request of {0} has been closed.", request.PersonName].Value
            : l["The request of {0} has been saved; answer by {1}.", request.PersonName, request.DueOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture)].Value;
        return Redirect("/Privacy/Requests");
    }

    /// <summary>Links a request logged without a contact to the contact it turns out to be about (audited).</summary>
    public async Task<IActionResult> OnPostLinkContactAsync(Guid contactId)
    {
        if (Id is not { } id || await db.DataSubjectRequests.SingleOrDefaultAsync(r => r.Id == id) is not { } request
            || await db.Contacts.Where(c => c.Id == contactId).Select(c => c.DisplayName).SingleOrDefaultAsync() is not { } name)
        {
            return NotFound();
        }

        if (request.ContactId is not null)
        {
            TempData["Error"] = l["This request is already linked to a contact."].Value;
        }
        else
        {
            request.ContactId = contactId;
            await db.SaveChangesAsync();
            TempData["Status"] = l["The request is now linked to {0}.", name].Value;
        }

        return Redirect($"/Privacy/Requests/Edit/{id}");
    }

    /// <summary>
    /// Objection to direct marketing (art. 21(3)) and withdrawal of consent (art. 7(3)): every marketing consent of the
    /// contact still in force is withdrawn as of today — no identity check needed, withdrawing must be as easy as giving.
    /// </summary>
    public async Task<IActionResult> OnPostWithdrawConsentsAsync()
    {
        if (Id is not { } id || await db.DataSubjectRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id) is not { } request || request.ContactId is not { } contact)
        {
            return NotFound();
        }

        if (request.Kind is not (RequestKind.Objection or RequestKind.ConsentWithdrawal))
        {
            return BadRequest();
        }

        var consents = await db.MarketingConsents.Where(m => m.ContactId == contact && m.WithdrawnOn == null).ToListAsync();
        var today = AmsterdamTime.Today(clock);
        consents.ForEach(m => m.WithdrawnOn = today);
        await db.SaveChangesAsync();
        TempData["Status"] = l["{0} marketing consents withdrawn as of today.", consents.Count].Value;
        return Redirect($"/Privacy/Requests/Edit/{id}");
    }

    /// <summary>The answer letter, in Dutch, as PDF.</summary>
    public async Task<IActionResult> OnGetLetterAsync(CancellationToken ct)
    {
        if (Id is not { } id || await db.DataSubjectRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is not { } request)
        {
            return NotFound();
        }

        var pdf = await letters.PdfAsync(request, me.DisplayName ?? me.ActorName, ct);
        return File(pdf, "application/pdf", $"antwoord-verzoek-{request.ReceivedOn:yyyyMMdd}.pdf");
    }

    private void Validate()
    {
        var name = Input.PersonName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            ModelState.AddModelError("Input.PersonName", l["Enter the person's name (at most 200 characters)."]);
        }

        if (Input.ReceivedOn is not { } received)
        {
            ModelState.AddModelError("Input.ReceivedOn", l["Enter the date the request was received."]);
            return;
        }

        if (received > Today)
        {
            ModelState.AddModelError("Input.ReceivedOn", l["A request cannot have been received after today."]);
        }

        PrivacyForms.CheckLengths(ModelState, l, [
                     (nameof(InputModel.PersonDetails), Input.PersonDetails, ProcessingRegisterLimits.ShortText),
                     (nameof(InputModel.Description), Input.Description, ProcessingRegisterLimits.LongText),
                     (nameof(InputModel.IdentityVerifiedHow), Input.IdentityVerifiedHow, ProcessingRegisterLimits.ShortText),
                     (nameof(InputModel.ExtensionReason), Input.ExtensionReason, ProcessingRegisterLimits.ShortText),
                     (nameof(InputModel.Answer), Input.Answer, ProcessingRegisterLimits.LongText),
        ]);

        if (Input.IdentityVerifiedOn is { } verified && (string.IsNullOrWhiteSpace(Input.IdentityVerifiedHow) || verified > Today))
        {
            ModelState.AddModelError("Input.IdentityVerifiedHow", l["Say how the identity was verified, on a date up to today."]);
        }

        if (RequestDeadlines.ExtensionRefusal(received, Input.ExtensionMonths, Input.ExtensionReason, Input.ExtensionToldOn) is { } extension)
        {
            ModelState.AddModelError("Input.ExtensionMonths", l[extension]);
        }

        if (Input.Status == RequestStatus.Closed && RequestDeadlines.ClosingRefusal(Input.Answer, Input.ClosedOn, received) is { } closing)
        {
            ModelState.AddModelError("Input.Answer", l[closing]);
        }
        else if (Input.ClosedOn > Today)
        {
            ModelState.AddModelError("Input.Answer", l["An answer cannot have been sent after today."]);
        }
    }

    private async Task<bool> LoadContactAsync()
    {
        if (Contact is not { } contact)
        {
            return true;
        }

        ContactName = await db.Contacts.Where(c => c.Id == contact).Select(c => c.DisplayName).SingleOrDefaultAsync();
        return ContactName is not null || Existing is not null;
    }

    public sealed class InputModel
    {
        public RequestKind Kind { get; set; }

        public string? PersonName { get; set; }

        public string? PersonDetails { get; set; }

        public DateOnly? ReceivedOn { get; set; }

        public RequestChannel Channel { get; set; }

        public string? Description { get; set; }

        public string? IdentityVerifiedHow { get; set; }

        public DateOnly? IdentityVerifiedOn { get; set; }

        public int ExtensionMonths { get; set; }

        public string? ExtensionReason { get; set; }

        public DateOnly? ExtensionToldOn { get; set; }

        public RequestStatus Status { get; set; }

        public DateOnly? ClosedOn { get; set; }

        public string? Answer { get; set; }

        public static InputModel From(DataSubjectRequest r) => new()
        {
            Kind = r.Kind,
            PersonName = r.PersonName,
            PersonDetails = r.PersonDetails,
            ReceivedOn = r.ReceivedOn,
            Channel = r.Channel,
            Description = r.Description,
            IdentityVerifiedHow = r.IdentityVerifiedHow,
            IdentityVerifiedOn = r.IdentityVerifiedOn,
            ExtensionMonths = r.ExtensionMonths,
            ExtensionReason = r.ExtensionReason,
            ExtensionToldOn = r.ExtensionToldOn,
            Status = r.Status,
            ClosedOn = r.ClosedOn,
            Answer = r.Answer,
        };

        public void ApplyTo(DataSubjectRequest r)
        {
            r.Kind = Kind;
            r.PersonName = PersonName!.Trim();
            r.PersonDetails = PrivacyForms.Clean(PersonDetails);
            r.ReceivedOn = ReceivedOn!.Value;
            r.Channel = Channel;
            r.Description = PrivacyForms.Clean(Description);
            r.IdentityVerifiedHow = IdentityVerifiedOn is null ? null : PrivacyForms.Clean(IdentityVerifiedHow);
            r.IdentityVerifiedOn = IdentityVerifiedOn;
            if (IdentityVerifiedOn is null)
            {
                r.IdentityVerifiedBy = null;
            }

            r.ExtensionMonths = ExtensionMonths;
            r.ExtensionReason = ExtensionMonths == 0 ? null : PrivacyForms.Clean(ExtensionReason);
            r.ExtensionToldOn = ExtensionMonths == 0 ? null : ExtensionToldOn;
            r.Status = Status;
            r.ClosedOn = Status == RequestStatus.Closed ? ClosedOn : null;
            r.Answer = PrivacyForms.Clean(Answer);
        }

    }
}
